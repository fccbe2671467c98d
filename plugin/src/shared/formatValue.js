/** The placeholder for an undefined value (metrics.md: a ratio with no denominator is `—` in tables). */
export const UNDEFINED_VALUE = '—';
/**
 * A value as a person reads it in a table: `$1,234,567`, `56.7%`, `12`, `—` for null.
 *
 * @example
 * formatValue(0.5667, 'ratio', { currency: 'USD', locale: 'en-US' }); // '56.7%'
 */
export function formatValue(value, kind, options) {
    return valueFormatter(kind, options)(value);
}
/**
 * {@link formatValue} for many values of one kind: the Intl.NumberFormat is built once, not once per value (a table
 * of 100,000 rows formats each column with one).
 */
export function valueFormatter(kind, options) {
    const format = numberFormat(kind, options);
    return (value) => {
        if (value === null || (typeof value === 'number' && !Number.isFinite(value)))
            return UNDEFINED_VALUE;
        if (typeof value === 'string')
            return value;
        return format.format(value);
    };
}
function numberFormat(kind, options) {
    switch (kind) {
        case 'money':
            return new Intl.NumberFormat(options.locale, {
                style: 'currency',
                currency: options.currency,
                maximumFractionDigits: 0,
            });
        case 'ratio':
            return new Intl.NumberFormat(options.locale, {
                style: 'percent',
                minimumFractionDigits: 1,
                maximumFractionDigits: 1,
            });
        case 'count':
            return new Intl.NumberFormat(options.locale, { maximumFractionDigits: 0 });
        case 'days':
            return new Intl.NumberFormat(options.locale, { maximumFractionDigits: 1 });
        default:
            return new Intl.NumberFormat(options.locale, { maximumFractionDigits: 2 });
    }
}
/** The user's locale for numbers: LC_ALL / LC_NUMERIC / LANG (`de_DE.UTF-8` → `de-DE`), else en-US. */
export function environmentLocale(env = process.env) {
    const raw = env['LC_ALL'] || env['LC_NUMERIC'] || env['LANG'] || '';
    const tag = raw.split('.')[0]?.replace('_', '-') ?? '';
    if (tag === '' || tag === 'C' || tag === 'POSIX')
        return 'en-US';
    try {
        return Intl.getCanonicalLocales(tag)[0] ?? 'en-US';
    }
    catch {
        return 'en-US';
    }
}
//# sourceMappingURL=formatValue.js.map