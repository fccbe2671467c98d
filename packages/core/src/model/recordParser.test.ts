import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRecordParser, parseWithZod, RecordParseError } from './recordParser.js';
import { Opportunity, OpportunityHistory } from './sobjects.js';
import { coerceWireValue, INVALID } from './wireValue.js';

const parseOpportunity = createRecordParser('Opportunity', Opportunity);
const csvRow = {
  Id: '0065g00000AbCdEAAV',
  Name: 'Acme, "Big" deal',
  AccountId: '0015g00000XyZaBAAV',
  OwnerId: '0055g00000QwErTAAV',
  Amount: '1250.50',
  Probability: '75',
  StageName: 'Proposal/Price Quote',
  ForecastCategoryName: 'Best Case',
  CloseDate: '2026-12-15',
  CreatedDate: '2026-09-01T17:03:00.000Z',
  IsClosed: 'false',
  IsWon: '0',
  Type: '',
  LeadSource: 'Web',
  NextStep: '',
  LastActivityDate: '',
  Territory2Id: '',
};

describe('createRecordParser', () => {
  it('parses CSV strings into typed fields; empty is null; a missing optional column is null', () => {
    const o = parseOpportunity(csvRow);
    expect(o).toMatchObject({ Amount: 1250.5, Probability: 75, IsClosed: false, IsWon: false, Type: null });
    expect(o.CurrencyIsoCode).toBeNull();
    expect(o.CreatedDate).toBe('2026-09-01T17:03:00.000Z');
  });

  it('parses REST JSON with attributes, nested parents and +0000 datetimes', () => {
    const o = parseOpportunity({
      attributes: { type: 'Opportunity', url: '/services/data/v66.0/sobjects/Opportunity/0065g00000AbCdEAAV' },
      ...csvRow,
      Amount: 1250.5,
      IsClosed: false,
      IsWon: false,
      CreatedDate: '2026-09-01T10:03:00.000-0700',
      Owner: { attributes: { type: 'User' }, Name: 'Ann Rep' },
    });
    expect(o.CreatedDate).toBe('2026-09-01T17:03:00.000Z');
    expect(o.Amount).toBe(1250.5);
  });

  it('names object, record Id, field, value and the accepted form', () => {
    const bad = () => parseOpportunity({ ...csvRow, CloseDate: '2026-02-30' }, { file: 'Opportunity.csv', line: 7 });
    expect(bad).toThrow(RecordParseError);
    expect(bad).toThrow(
      'Opportunity.csv:7, Opportunity 0065g00000AbCdEAAV: field CloseDate has "2026-02-30"; expected a required value: a date as YYYY-MM-DD.',
    );
    expect(() => parseOpportunity({ ...csvRow, Amount: '1,250' })).toThrow(/field Amount has "1,250"/);
    expect(() => parseOpportunity({ ...csvRow, OwnerId: undefined })).toThrow(/field OwnerId has a missing value/);
    expect(() => parseOpportunity({ ...csvRow, IsWon: 'yes' })).toThrow(/true or false/);
  });

  it('agrees with the zod schema itself on arbitrary wire values', () => {
    const parseHistory = createRecordParser('OpportunityHistory', OpportunityHistory);
    const wire = fc.oneof(
      fc.constant(''),
      fc.constant(null),
      fc.constantFrom('12.5', '-3', '1e3', 'abc', 'true', '0', '2026-01-31', '2026-01-31T00:00:00Z', '2026-13-01'),
      fc.double(),
      fc.boolean(),
    );
    fc.assert(
      fc.property(
        fc.record({
          OpportunityId: fc.constantFrom('0065g00000AbCdEAAV', 'x'),
          CreatedDate: wire,
          StageName: wire,
          Amount: wire,
          CloseDate: wire,
          Probability: wire,
        }),
        (raw) => {
          let fast: unknown;
          let slow: unknown;
          try {
            fast = parseHistory(raw);
          } catch (e) {
            fast = (e as RecordParseError).name;
          }
          try {
            slow = parseWithZod('OpportunityHistory', OpportunityHistory, raw);
          } catch (e) {
            slow = (e as RecordParseError).name;
          }
          expect(fast).toEqual(slow);
        },
      ),
    );
  });

  it('reads datetimes in every wire form as the same instant, and rejects impossible ones', () => {
    const datetime = coerceWireValue.datetime;
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (at, offsetMinutes) => {
          const iso = new Date(at).toISOString();
          const wall = new Date(at + offsetMinutes * 60_000).toISOString().slice(0, 23);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const hh = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
          const mm = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
          expect(datetime(iso)).toBe(iso);
          expect(datetime(`${wall}${sign}${hh}${mm}`)).toBe(iso);
          expect(datetime(`${wall}${sign}${hh}:${mm}`)).toBe(iso);
        },
      ),
    );
    for (const bad of [
      '2026-02-30T10:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '2026-01-01T10:60:00.000Z',
      '2026-01-01T10:00:00.00xZ',
    ]) {
      expect(datetime(bad)).toBe(INVALID);
    }
  });
});
