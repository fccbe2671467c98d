/**
 * How a column's values read: money in the corporate currency, ratios as percentages, multiples (coverage) as `1.07×`,
 * plain counts, other numbers with two decimals (the report and the widgets print the same texts).
 */
export type ValueKind = 'text' | 'money' | 'ratio' | 'multiple' | 'count' | 'days' | 'number';

export interface FormatOptions {
  readonly currency: string;
  readonly locale: string;
}

/** The placeholder for an undefined value (metrics.md: a ratio with no denominator is `—` in tables). */
export const UNDEFINED_VALUE = '—';

/**
 * A value as a person reads it in a table: `$1,234,567`, `56.7%`, `1.07×`, `12`, `0.10`, `—` for null.
 *
 * @example
 * formatValue(0.5667, 'ratio', { currency: 'USD', locale: 'en-US' }); // '56.7%'
 */
export function formatValue(value: string | number | null, kind: ValueKind, options: FormatOptions): string {
  return valueFormatter(kind, options)(value);
}

/**
 * {@link formatValue} for many values of one kind: the Intl.NumberFormat is built once, not once per value (a table
 * of 100,000 rows formats each column with one).
 */
export function valueFormatter(kind: ValueKind, options: FormatOptions): (value: string | number | null) => string {
  const format = numberFormat(kind, options);
  return (value) => {
    if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return UNDEFINED_VALUE;
    if (typeof value === 'string') return value;
    return kind === 'multiple' ? `${format.format(value)}×` : format.format(value);
  };
}

function numberFormat(kind: ValueKind, options: FormatOptions): Intl.NumberFormat {
  // A value that rounds to zero prints without a sign: "$0", not "-$0".
  const format = (o: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat(options.locale, { signDisplay: 'negative', ...o });
  switch (kind) {
    case 'money':
      return format({ style: 'currency', currency: options.currency, maximumFractionDigits: 0 });
    case 'ratio':
      return format({ style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
    case 'count':
      return format({ maximumFractionDigits: 0 });
    case 'days':
      return format({ maximumFractionDigits: 1 });
    default:
      // Multiples and other numbers: two decimals always, so that a column's values line up (0.90 above 1.07).
      return format({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
}

/** The user's locale for numbers: LC_ALL / LC_NUMERIC / LANG (`de_DE.UTF-8` → `de-DE`), else en-US. */
export function environmentLocale(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env['LC_ALL'] || env['LC_NUMERIC'] || env['LANG'] || '';
  const tag = raw.split('.')[0]?.replace('_', '-') ?? '';
  if (tag === '' || tag === 'C' || tag === 'POSIX') return 'en-US';
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}
