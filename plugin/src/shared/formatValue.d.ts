/** How a column's values read: money in the corporate currency, ratios as percentages, plain counts. */
export type ValueKind = 'text' | 'money' | 'ratio' | 'count' | 'days' | 'number';
export interface FormatOptions {
    readonly currency: string;
    readonly locale: string;
}
/** The placeholder for an undefined value (metrics.md: a ratio with no denominator is `—` in tables). */
export declare const UNDEFINED_VALUE = "\u2014";
/**
 * A value as a person reads it in a table: `$1,234,567`, `56.7%`, `12`, `—` for null.
 *
 * @example
 * formatValue(0.5667, 'ratio', { currency: 'USD', locale: 'en-US' }); // '56.7%'
 */
export declare function formatValue(value: string | number | null, kind: ValueKind, options: FormatOptions): string;
/**
 * {@link formatValue} for many values of one kind: the Intl.NumberFormat is built once, not once per value (a table
 * of 100,000 rows formats each column with one).
 */
export declare function valueFormatter(kind: ValueKind, options: FormatOptions): (value: string | number | null) => string;
/** The user's locale for numbers: LC_ALL / LC_NUMERIC / LANG (`de_DE.UTF-8` → `de-DE`), else en-US. */
export declare function environmentLocale(env?: NodeJS.ProcessEnv): string;
//# sourceMappingURL=formatValue.d.ts.map