import { describe, expect, it } from 'vitest';
import { valueFormatter } from './formatValue.js';

const en = { currency: 'USD', locale: 'en-US' };

describe('formatValue', () => {
  it('prints each kind as the report and the widgets print it', () => {
    expect([0.5, 1, 0.93394].map(valueFormatter('ratio', en))).toEqual(['50.0%', '100.0%', '93.4%']);
    // Coverage: two decimals and the sign of a multiple, so that 0.90 lines up with 1.07 (not "0.9" above "1.07").
    expect([0.9, 1.0712, 12].map(valueFormatter('multiple', en))).toEqual(['0.90×', '1.07×', '12.00×']);
    expect([0.1, 0.112, 0.7].map(valueFormatter('number', en))).toEqual(['0.10', '0.11', '0.70']);
    // A value that rounds to zero has no sign.
    expect([-0.0004].map(valueFormatter('ratio', en))).toEqual(['0.0%']);
    expect([1234567.4, -0.4].map(valueFormatter('money', en))).toEqual(['$1,234,567', '$0']);
    expect(valueFormatter('multiple', { currency: 'EUR', locale: 'de-DE' })(1.5)).toBe('1,50×');
  });

  it('prints a dash for a value with no definition, of every kind', () => {
    for (const kind of ['ratio', 'multiple', 'number', 'money', 'count'] as const) {
      expect([null, Number.NaN, Infinity].map(valueFormatter(kind, en))).toEqual(['—', '—', '—']);
    }
  });
});
