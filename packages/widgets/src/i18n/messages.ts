import { attainmentMessages } from '../attainment/attainment.messages.js';
import { dealHealthMessages } from '../deal-health/deal-health.messages.js';
import { forecastMessages } from '../forecast/forecast.messages.js';
import { leaderboardMessages } from '../leaderboard/leaderboard.messages.js';
import { territoryCoverageMessages } from '../territory-coverage/territory-coverage.messages.js';
import type { Message, Messages } from './catalogue.js';
import { commonMessages } from './common.messages.js';
import { DEFAULT_LOCALE, WIDGET_LANGUAGES, type WidgetLanguage } from './languages.js';

export * from './languages.js';
export type { Message, PluralMessage } from './catalogue.js';

/** Every text set: the shared one and one per element (each in its element's folder). */
export const MESSAGE_SETS = {
  common: commonMessages,
  attainment: attainmentMessages,
  leaderboard: leaderboardMessages,
  forecast: forecastMessages,
  territoryCoverage: territoryCoverageMessages,
  dealHealth: dealHealthMessages,
} as const;

type KeysOf<M> = M extends Messages<infer K> ? K : never;
export type MessageKey = KeysOf<(typeof MESSAGE_SETS)[keyof typeof MESSAGE_SETS]>;
export type Catalogue = Readonly<Record<MessageKey, Message>>;

function catalogueOf(language: WidgetLanguage): Catalogue {
  return Object.assign({}, ...Object.values(MESSAGE_SETS).map((set) => set[language])) as Catalogue;
}

export const CATALOGUES: Readonly<Record<WidgetLanguage, Catalogue>> = Object.fromEntries(
  WIDGET_LANGUAGES.map((language) => [language, catalogueOf(language)]),
) as Record<WidgetLanguage, Catalogue>;

/**
 * A translator for one language: `{0}`, `{1}` … are replaced by the values; numbers are formatted in the locale.
 * A message with plural forms takes the form `Intl.PluralRules` gives for the first value (a number).
 */
export type Translate = (key: MessageKey, ...values: Array<string | number>) => string;

/**
 * @example
 * translator('en')('days', 1); // '1 day'
 */
export function translator(language: WidgetLanguage, locale: string = DEFAULT_LOCALE[language]): Translate {
  const catalogue = CATALOGUES[language];
  const plural = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return (key, ...values) => {
    const message = catalogue[key];
    const count = values[0];
    const text =
      typeof message === 'string'
        ? message
        : (message[typeof count === 'number' ? plural.select(count) : 'other'] ?? message.other);
    return text.replace(/\{(\d+)\}/g, (match, index: string) => {
      const value = values[Number(index)];
      if (value === undefined) return match;
      return typeof value === 'number' ? number.format(value) : value;
    });
  };
}
