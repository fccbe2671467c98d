/** `Intl` formatters for one locale and currency; null and undefined become an em dash. */
export interface Formatters {
  readonly locale: string;
  /** An amount in the corporate currency, converted to the display currency. */
  money(value: number | null | undefined): string;
  /** The same amount in compact notation for headlines and facts ($140K, 1,4 Mio. $, $14万). */
  compactMoney(value: number | null | undefined): string;
  /** A ratio as a percentage with one decimal, as the CLI and the report print it (0.5 → 50.0%). */
  percent(value: number | null | undefined): string;
  /** A ratio as a whole percentage for plain-words sentences (0.769 → 77%). */
  wholePercent(value: number | null | undefined): string;
  /** A multiple such as coverage, two decimals as in the CLI and the report (2.5 → 2.50×). */
  multiple(value: number | null | undefined): string;
  integer(value: number | null | undefined): string;
  /** An ISO date (YYYY-MM-DD) as a medium date, read as a calendar date (no time-zone shift). */
  date(value: string | null | undefined): string;
}

const DASH = '—';

export function createFormatters(locale: string, currency: string, rate = 1): Formatters {
  // A value that rounds to zero prints without a sign ("$0", not "-$0"), as in the CLI and the report.
  const money = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
    signDisplay: 'negative',
  });
  const compactMoney = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumSignificantDigits: 3,
  });
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'negative',
  });
  const wholePercent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const multiple = new Intl.NumberFormat(locale, {
    maximumFractionDigits: 2,
    minimumFractionDigits: 2,
    signDisplay: 'negative',
  });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const guard =
    (f: (v: number) => string) =>
    (v: number | null | undefined): string =>
      v === null || v === undefined || !Number.isFinite(v) ? DASH : f(v);
  return {
    locale,
    money: guard((v) => money.format(v * rate)),
    compactMoney: guard((v) => compactMoney.format(v * rate)),
    percent: guard((v) => percent.format(v)),
    wholePercent: guard((v) => wholePercent.format(v)),
    multiple: guard((v) => `${multiple.format(v)}×`),
    integer: guard((v) => integer.format(v)),
    date: (v) => (v ? date.format(new Date(`${v}T00:00:00Z`)) : DASH),
  };
}
