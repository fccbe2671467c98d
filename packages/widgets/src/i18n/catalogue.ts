import type { WidgetLanguage } from './languages.js';

/**
 * A message with plural forms, chosen by `Intl.PluralRules` for the count (the first value): each language has
 * exactly its own categories (`one`/`other` in English and German, `other` alone in Japanese and Chinese).
 */
export type PluralMessage = { readonly other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

/** One text: `{0}`, `{1}` … are replaced by the values. */
export type Message = string | PluralMessage;

/** One element's (or the shared) texts in every language, with English as the reference for the keys. */
export type Messages<K extends string> = Readonly<Record<WidgetLanguage, Readonly<Record<K, Message>>>>;

/** Checks a set of texts against its English keys at compile time and returns it unchanged. */
export function defineMessages<const E extends Readonly<Record<string, Message>>>(
  catalogues: { readonly en: E } & Readonly<Record<Exclude<WidgetLanguage, 'en'>, Readonly<Record<keyof E, Message>>>>,
): Messages<Extract<keyof E, string>> {
  return catalogues;
}
