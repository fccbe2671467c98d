import { Messages } from '@salesforce/core';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);

export const REPORT_LANGUAGES = ['en', 'de', 'ja', 'zh-CN', 'zh-TW'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** Number and date locale of each report language. */
export const LOCALE_OF: Record<ReportLanguage, string> = {
  en: 'en-US',
  de: 'de-DE',
  ja: 'ja-JP',
  'zh-CN': 'zh-CN',
  'zh-TW': 'zh-TW',
};

/** The report language from the environment (`LANG=de_DE.UTF-8` → de, `zh_TW` → zh-TW), else English. */
export function languageFromEnvironment(env: NodeJS.ProcessEnv = process.env): ReportLanguage {
  const raw = (env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '').split('.')[0] ?? '';
  const [language = '', region = ''] = raw.split(/[_-]/);
  if (language === 'zh') return region.toUpperCase() === 'TW' || region.toUpperCase() === 'HK' ? 'zh-TW' : 'zh-CN';
  return (REPORT_LANGUAGES as readonly string[]).includes(language) ? (language as ReportLanguage) : 'en';
}

/** The report's texts in one language (plugin/messages/report.<language>.md). */
export function reportText(language: ReportLanguage): (key: string, ...values: Array<string | number>) => string {
  const messages = Messages.loadMessages('@salesops/plugin-salesops', `report.${language}`);
  return (key, ...values) => messages.getMessage(key, values);
}
