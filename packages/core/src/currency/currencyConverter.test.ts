import { describe, expect, it } from 'vitest';
import { createCurrencyConverter, CurrencyError, isMultiCurrency } from './currencyConverter.js';

describe('createCurrencyConverter', () => {
  const fx = createCurrencyConverter({
    corporateCurrency: 'USD',
    currencyTypes: [
      { IsoCode: 'USD', ConversionRate: 1, IsCorporate: true },
      { IsoCode: 'EUR', ConversionRate: 0.8, IsCorporate: false },
      { IsoCode: 'JPY', ConversionRate: 150, IsCorporate: false },
    ],
    datedRates: [
      { IsoCode: 'EUR', ConversionRate: 0.5, StartDate: '2026-02-01', NextStartDate: null },
      { IsoCode: 'EUR', ConversionRate: 0.9, StartDate: '2026-01-01', NextStartDate: '2026-02-01' },
    ],
  });

  it('keeps corporate and currency-less amounts', () => {
    expect(fx.toCorporate(100, 'USD', '2026-01-01')).toBe(100);
    expect(fx.toCorporate(100, null, '2026-01-01')).toBe(100);
    expect(fx.toCorporate(null, 'EUR', '2026-01-01')).toBeNull();
  });

  it('uses the dated rate in force: StartDate inclusive, NextStartDate exclusive', () => {
    expect(fx.toCorporate(90, 'EUR', '2026-01-31')).toBeCloseTo(100, 10); // 90 / 0.9
    expect(fx.toCorporate(90, 'EUR', '2026-02-01')).toBe(180); // 90 / 0.5
  });

  it('falls back to CurrencyType before the first dated rate and for undated currencies', () => {
    expect(fx.toCorporate(80, 'EUR', '2025-12-31')).toBe(100); // 80 / 0.8
    expect(fx.toCorporate(15000, 'JPY', '2026-01-01')).toBe(100);
  });

  it('names an unknown currency and the date', () => {
    expect(() => fx.toCorporate(1, 'CHF', '2026-01-01')).toThrow(CurrencyError);
    expect(() => fx.toCorporate(1, 'CHF', '2026-01-01')).toThrow(/CHF on 2026-01-01/);
  });

  it('tells single from multi-currency orgs', () => {
    expect(isMultiCurrency([{ IsoCode: 'USD', ConversionRate: 1, IsCorporate: true }])).toBe(false);
    expect(isMultiCurrency([{ IsoCode: 'EUR', ConversionRate: 1, IsCorporate: false }])).toBe(true);
  });
});
