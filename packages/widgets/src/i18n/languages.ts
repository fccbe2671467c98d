/** The languages every widget string is translated into (shared/design/widgets.md "Languages"). */
export const WIDGET_LANGUAGES = ['en', 'de', 'ja', 'zh-CN', 'zh-TW'] as const;
export type WidgetLanguage = (typeof WIDGET_LANGUAGES)[number];

/** Number and date locale of each language when the user's own locale is unknown or unusable. */
export const DEFAULT_LOCALE: Readonly<Record<WidgetLanguage, string>> = {
  en: 'en-US',
  de: 'de-DE',
  ja: 'ja-JP',
  'zh-CN': 'zh-CN',
  'zh-TW': 'zh-TW',
};

/**
 * The widget language from a Salesforce `LanguageLocaleKey` (`de`, `ja`, `zh_CN`, `zh_TW`, `en_US`, …) or a BCP 47
 * tag; English for anything else.
 *
 * @example
 * languageOf('zh_TW'); // 'zh-TW'
 */
export function languageOf(languageLocaleKey: string | null | undefined): WidgetLanguage {
  const [language = '', region = ''] = (languageLocaleKey ?? '').split(/[_-]/);
  const lang = language.toLowerCase();
  if (lang === 'zh') return ['TW', 'HK', 'MO', 'HANT'].includes(region.toUpperCase()) ? 'zh-TW' : 'zh-CN';
  return (WIDGET_LANGUAGES as readonly string[]).includes(lang) ? (lang as WidgetLanguage) : 'en';
}

/**
 * The `Intl` locale from a Salesforce `LocaleSidKey` (`de_DE`, `de_DE_EURO`, `ja_JP`, `zh_TW`, …) or a BCP 47 tag;
 * the language's default locale when it is missing or not a valid locale.
 *
 * @example
 * intlLocaleOf('de_CH', 'de'); // 'de-CH'
 */
export function intlLocaleOf(localeSidKey: string | null | undefined, language: WidgetLanguage): string {
  const parts = (localeSidKey ?? '').split(/[_-]/).filter((p) => p.length > 0);
  const tag = parts
    .slice(0, 2)
    .filter((p, i) => (i === 0 ? /^[a-z]{2,3}$/i.test(p) : /^[A-Z]{2}$|^\d{3}$/i.test(p)))
    .join('-');
  if (tag === '') return DEFAULT_LOCALE[language];
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? DEFAULT_LOCALE[language];
  } catch {
    return DEFAULT_LOCALE[language];
  }
}
