import { Messages } from '@salesforce/core';
Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'output');
/** The messages are English: their plural categories are English's (one, other). */
const rules = new Intl.PluralRules('en-US');
/**
 * The form of message `plural.<key>.<category>` (plugin/messages/output.md) for `count`, the category chosen as
 * Intl.PluralRules does for the messages' language: `pluralMessage('deals', 1, ['1'])` → "1 deal",
 * `pluralMessage('deals', 2, ['2'])` → "2 deals". A category the messages do not have falls back to `other`.
 */
export function pluralMessage(key, count, tokens) {
    const category = rules.select(count);
    try {
        return messages.getMessage(`plural.${key}.${category}`, [...tokens]);
    }
    catch {
        return messages.getMessage(`plural.${key}.other`, [...tokens]);
    }
}
export { messages as outputMessages };
//# sourceMappingURL=pluralMessage.js.map