import { Messages } from '@salesforce/core';
declare const messages: Messages<string>;
/**
 * The form of message `plural.<key>.<category>` (plugin/messages/output.md) for `count`, the category chosen as
 * Intl.PluralRules does for the messages' language: `pluralMessage('deals', 1, ['1'])` → "1 deal",
 * `pluralMessage('deals', 2, ['2'])` → "2 deals". A category the messages do not have falls back to `other`.
 */
export declare function pluralMessage(key: string, count: number, tokens: ReadonlyArray<string | number>): string;
export { messages as outputMessages };
//# sourceMappingURL=pluralMessage.d.ts.map