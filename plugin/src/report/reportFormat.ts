import { LOCALE_OF, type ReportLanguage } from './reportLanguage.js';

/** The report's numbers and dates in the reader's locale (Intl); `—` for undefined figures (metrics.md). */
export interface Formatters {
  money(v: number | null): string;
  /** Compact money for chart axes and bar labels: `$1.2M`, `1,2 Mio. $`, `120万$`. */
  compact(v: number | null): string;
  ratio(v: number | null): string;
  /** A percentage on a chart's axis, whose ticks are round: `50%`. */
  axisRatio(v: number | null): string;
  /** A multiple on a chart's axis, whose ticks are round: `0.5×`, `1×`. */
  axisTimes(v: number | null): string;
  /** A change as a signed percentage: `+4.2%`, `−1.0%`. */
  change(v: number | null): string;
  count(v: number | null): string;
  /** Coverage and other multiples, two decimals as in the CLI and the widgets: `2.40×`. */
  times(v: number | null): string;
  date(iso: string): string;
  /** A list in the locale's words (`a, b and c`, `a、b、c`). */
  list(items: readonly string[]): string;
}

export function formatters(language: ReportLanguage, currency: string): Formatters {
  const locale = LOCALE_OF[language];
  // A value that rounds to zero prints without a sign ("$0", not "-$0"), as in the terminal tables.
  const money = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
    signDisplay: 'negative',
  });
  const compact = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumSignificantDigits: 3,
  });
  // One decimal always, as the terminal tables print them (shared/formatValue.ts): 93.0% beside 93.4%, not 93%.
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'negative',
  });
  const axisPercent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const axisMultiple = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const change = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const multiple = new Intl.NumberFormat(locale, {
    maximumFractionDigits: 2,
    minimumFractionDigits: 2,
    signDisplay: 'negative',
  });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const or = (f: (v: number) => string) => (v: number | null) => (v === null || !Number.isFinite(v) ? '—' : f(v));
  return {
    money: or((v) => money.format(v)),
    compact: or((v) => compact.format(v)),
    ratio: or((v) => percent.format(v)),
    axisRatio: or((v) => axisPercent.format(v)),
    axisTimes: or((v) => `${axisMultiple.format(v)}×`),
    change: or((v) => change.format(v)),
    count: or((v) => count.format(v)),
    times: or((v) => `${multiple.format(v)}×`),
    list: (items) => list.format(items),
    date: (iso) => date.format(new Date(`${iso}T00:00:00Z`)),
  };
}
