/**
 * The local org's queries over real HTTP with jsforce 3 as the client, on the default sample org (5,000
 * opportunities): paging, values against the CSV files, relationship fields, date literals, aggregates, errors in
 * Salesforce's shape. Auth, sharing and describe are in localOrg.access.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { useDefaultSampleOrg, type Row } from './localOrgs.test.fixture.js';

const sample = useDefaultSampleOrg(['Opportunity', 'User', 'Account', 'UserRole', 'OpportunityHistory']);
const num = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s));
const str = (s: string | undefined): string | null => (s === undefined || s === '' ? null : s);

describe('query paging', () => {
  it('answers 5,000 opportunities in 3 pages of at most 2,000 with nextRecordsUrl, values equal to the CSV', async () => {
    const first = await sample.admin.query<Record<string, unknown>>(
      'SELECT Id, Name, Amount, StageName, CloseDate, IsWon, CreatedDate, OwnerId FROM Opportunity',
      { autoFetch: false },
    );
    expect(first.totalSize).toBe(5000);
    expect(first.done).toBe(false);
    expect(first.records).toHaveLength(2000);
    expect(first.nextRecordsUrl).toMatch(/\/services\/data\/v62\.0\/query\/01g\w{15}-2000$/);
    const rawFirst = (await (
      await sample.raw(`/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id FROM Opportunity')}`)
    ).json()) as Record<string, unknown>;
    expect(Object.keys(rawFirst)).toEqual(['totalSize', 'done', 'nextRecordsUrl', 'records']);
    expect(rawFirst['nextRecordsUrl']).toMatch(/^\/services\/data\/v62\.0\/query\/01g\w{15}-2000$/);
    const second = await sample.admin.queryMore<Record<string, unknown>>(first.nextRecordsUrl as string);
    expect(second.records).toHaveLength(2000);
    expect(second.done).toBe(false);
    expect(second.nextRecordsUrl).toMatch(/-4000$/);
    const third = await sample.admin.queryMore<Record<string, unknown>>(second.nextRecordsUrl as string);
    expect(third.records).toHaveLength(1000);
    expect(third.done).toBe(true);
    expect(third.nextRecordsUrl).toBeUndefined();

    const all = [...first.records, ...second.records, ...third.records];
    const expected = (sample.csv['Opportunity'] as Row[]).map((o) => ({
      Id: o['Id'],
      Name: o['Name'],
      Amount: num(o['Amount']),
      StageName: o['StageName'],
      CloseDate: o['CloseDate'],
      IsWon: o['IsWon'] === 'true',
      CreatedDate: (o['CreatedDate'] as string).replace('Z', '+0000'),
      OwnerId: o['OwnerId'],
    }));
    expect(
      all.map((r) => {
        const { attributes, ...rest } = r;
        void attributes;
        return rest;
      }),
    ).toEqual(expected);
    expect(all[0]?.['attributes']).toEqual({
      type: 'Opportunity',
      url: `/services/data/v62.0/sobjects/Opportunity/${expected[0]?.Id}`,
    });
  });

  it('follows every page with autoFetch', async () => {
    const result = await sample.admin.query('SELECT Id FROM OpportunityHistory', {
      autoFetch: true,
      maxFetch: 100_000,
    });
    expect(result.records).toHaveLength((sample.csv['OpportunityHistory'] as Row[]).length);
  });

  it('honours Sforce-Query-Options batchSize', async () => {
    const res = await sample.raw(
      `/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id FROM Account')}`,
      undefined,
      {
        headers: { 'Sforce-Query-Options': 'batchSize=500' },
      },
    );
    const body = (await res.json()) as { records: unknown[]; nextRecordsUrl: string };
    expect(body.records).toHaveLength(500);
    expect(body.nextRecordsUrl).toMatch(/-500$/);
  });
});

describe('relationship fields', () => {
  it('renders Owner.Name, Account.Name and Account.Owner.Name as nested records equal to the CSV joins', async () => {
    const users = new Map((sample.csv['User'] as Row[]).map((u) => [u['Id'], u]));
    const accounts = new Map((sample.csv['Account'] as Row[]).map((a) => [a['Id'], a]));
    const result = await sample.admin.query<Record<string, unknown>>(
      'SELECT Id, Owner.Name, Account.Name, Account.Owner.Name, Account.Industry FROM Opportunity',
      { autoFetch: true, maxFetch: 10_000 },
    );
    expect(result.records).toHaveLength(5000);
    for (const [i, record] of result.records.entries()) {
      const o = (sample.csv['Opportunity'] as Row[])[i] as Row;
      const account = accounts.get(o['AccountId']) as Row;
      expect(record['Id']).toBe(o['Id']);
      expect(record['Owner']).toEqual({
        attributes: { type: 'User', url: `/services/data/v62.0/sobjects/User/${o['OwnerId']}` },
        Name: users.get(o['OwnerId'])?.['Name'],
      });
      const nested = record['Account'] as Record<string, unknown>;
      expect(nested['Name']).toBe(account['Name']);
      expect(nested['Industry']).toBe(str(account['Industry']));
      expect((nested['Owner'] as Record<string, unknown>)['Name']).toBe(users.get(account['OwnerId'])?.['Name']);
    }
  });

  it('gives null for a null lookup and filters on parent fields', async () => {
    const roles = await sample.admin.query<Record<string, unknown>>(
      'SELECT Name, ParentRole.Name FROM UserRole WHERE ParentRoleId = null',
    );
    expect(roles.records).toEqual([expect.objectContaining({ Name: 'VP Sales', ParentRole: null })]);
    const ownerName = (sample.csv['User'] as Row[])[3]?.['Name'] as string;
    const ownerId = (sample.csv['User'] as Row[])[3]?.['Id'] as string;
    const result = await sample.admin.query(
      `SELECT Id FROM Opportunity WHERE Owner.Name = '${ownerName.replace(/'/g, "\\'")}'`,
    );
    expect(result.totalSize).toBe((sample.csv['Opportunity'] as Row[]).filter((o) => o['OwnerId'] === ownerId).length);
  });
});

describe('WHERE, ORDER BY, LIMIT, OFFSET', () => {
  const opportunities = (): Row[] => sample.csv['Opportunity'] as Row[];
  const ids = async (soql: string): Promise<string[]> =>
    (await sample.admin.query<{ Id: string }>(soql, { autoFetch: true, maxFetch: 10_000 })).records.map((r) => r.Id);

  it('evaluates AND, OR, NOT, IN, NOT IN, LIKE, comparisons and null like a hand filter', async () => {
    expect(
      await ids(
        "SELECT Id FROM Opportunity WHERE (StageName IN ('Closed Won', 'Negotiation/Review') OR Amount > 100000) AND NOT (LeadSource = 'Web') AND Name LIKE '%lab%' AND Type NOT IN ('Renewal') AND NextStep = null",
      ),
    ).toEqual(
      opportunities()
        .filter(
          (o) =>
            (['Closed Won', 'Negotiation/Review'].includes(o['StageName'] as string) ||
              (num(o['Amount']) ?? -Infinity) > 100000) &&
            o['LeadSource'] !== 'Web' &&
            /lab/i.test(o['Name'] as string) &&
            o['Type'] !== 'Renewal' &&
            o['NextStep'] === '',
        )
        .map((o) => o['Id']),
    );
    expect(await ids('SELECT Id FROM Opportunity WHERE Amount = null OR Amount <= 1000')).toEqual(
      opportunities()
        .filter((o) => o['Amount'] === '' || Number(o['Amount']) <= 1000)
        .map((o) => o['Id']),
    );
    expect(await ids("SELECT Id FROM Opportunity WHERE stagename = 'closed won' AND IsWon = true")).toEqual(
      opportunities()
        .filter((o) => o['StageName'] === 'Closed Won')
        .map((o) => o['Id']),
    );
  });

  it('sorts DESC NULLS LAST, then pages with LIMIT and OFFSET', async () => {
    const sorted = opportunities()
      .map((o, i) => ({ o, i }))
      .sort((a, b) => {
        const x = num(a.o['Amount']);
        const y = num(b.o['Amount']);
        if (x === y) return (a.o['CloseDate'] as string).localeCompare(b.o['CloseDate'] as string) || a.i - b.i;
        if (x === null) return 1;
        if (y === null) return -1;
        return y - x;
      })
      .map((e) => e.o['Id']);
    expect(
      await ids('SELECT Id FROM Opportunity ORDER BY Amount DESC NULLS LAST, CloseDate LIMIT 25 OFFSET 10'),
    ).toEqual(sorted.slice(10, 35));
    const all = await ids('SELECT Id FROM Opportunity ORDER BY Amount DESC NULLS LAST, CloseDate ASC');
    expect(all).toEqual(sorted);
  });

  it('answers COUNT() with totalSize and no records', async () => {
    const res = await sample.raw(
      `/services/data/v62.0/query?q=${encodeURIComponent('SELECT COUNT() FROM Opportunity WHERE IsClosed = false')}`,
    );
    expect(await res.json()).toEqual({
      totalSize: opportunities().filter((o) => o['IsClosed'] === 'false').length,
      done: true,
      records: [],
    });
  });
});

describe('date literals relative to the sample anchor 2026-11-16 (fiscal year from February)', () => {
  const between = (field: string, start: string, end: string): number =>
    (sample.csv['Opportunity'] as Row[]).filter((o) => (o[field] as string) >= start && (o[field] as string) <= end)
      .length;
  const laDate = (iso: string): string =>
    new Date(iso).toLocaleDateString('en-CA', { timeZone: 'America/Los_Angeles' });
  const count = async (where: string): Promise<number> =>
    (await sample.admin.query(`SELECT COUNT() FROM Opportunity WHERE ${where}`)).totalSize;

  it.each([
    ['CloseDate = THIS_FISCAL_QUARTER', 'CloseDate', '2026-11-01', '2027-01-31'],
    ['CloseDate = LAST_FISCAL_QUARTER', 'CloseDate', '2026-08-01', '2026-10-31'],
    ['CloseDate = LAST_FISCAL_YEAR', 'CloseDate', '2025-02-01', '2026-01-31'],
    ['CloseDate = THIS_FISCAL_YEAR', 'CloseDate', '2026-02-01', '2027-01-31'],
    ['CloseDate = THIS_QUARTER', 'CloseDate', '2026-10-01', '2026-12-31'],
    ['CloseDate = LAST_MONTH', 'CloseDate', '2026-10-01', '2026-10-31'],
    ['CloseDate = NEXT_N_DAYS:45', 'CloseDate', '2026-11-17', '2026-12-31'],
    ['CloseDate = LAST_N_DAYS:30', 'CloseDate', '2026-10-17', '2026-11-16'],
    ['CloseDate = THIS_YEAR', 'CloseDate', '2026-01-01', '2026-12-31'],
  ])('%s counts %s from %s to %s', async (where, field, start, end) => {
    const expected = between(field, start, end);
    expect(expected).toBeGreaterThan(0);
    expect(await count(where)).toBe(expected);
  });

  it('compares date literals with the opposite operators and on datetime fields in the org time zone', async () => {
    expect(await count('CloseDate > THIS_FISCAL_QUARTER')).toBe(
      (sample.csv['Opportunity'] as Row[]).filter((o) => (o['CloseDate'] as string) > '2027-01-31').length,
    );
    expect(await count('CloseDate < THIS_FISCAL_YEAR')).toBe(
      (sample.csv['Opportunity'] as Row[]).filter((o) => (o['CloseDate'] as string) < '2026-02-01').length,
    );
    const created = (sample.csv['Opportunity'] as Row[]).map((o) => laDate(o['CreatedDate'] as string));
    expect(await count('CreatedDate = LAST_N_DAYS:30')).toBe(created.filter((d) => d >= '2026-10-17').length);
    expect(await count('CreatedDate = THIS_MONTH')).toBe(created.filter((d) => d >= '2026-11-01').length);
    expect(await count('CreatedDate >= 2026-11-01T08:00:00Z')).toBe(
      (sample.csv['Opportunity'] as Row[]).filter((o) => (o['CreatedDate'] as string) >= '2026-11-01T08:00:00.000Z')
        .length,
    );
  });
});

describe('aggregates', () => {
  it('GROUP BY sums equal the sums computed from the CSV, with aliases and expr0…', async () => {
    const result = await sample.admin.query<Record<string, unknown>>(
      'SELECT OwnerId, SUM(Amount) total, COUNT(Id), MAX(CloseDate), AVG(Amount) FROM Opportunity WHERE IsWon = true GROUP BY OwnerId ORDER BY SUM(Amount) DESC',
    );
    const expected = new Map<string, { sum: number; n: number; max: string; amounts: number }>();
    for (const o of sample.csv['Opportunity'] as Row[]) {
      if (o['IsWon'] !== 'true') continue;
      const e = expected.get(o['OwnerId'] as string) ?? { sum: 0, n: 0, max: '', amounts: 0 };
      if (o['Amount'] !== '') {
        e.sum += Number(o['Amount']);
        e.amounts++;
      }
      e.n++;
      if ((o['CloseDate'] as string) > e.max) e.max = o['CloseDate'] as string;
      expected.set(o['OwnerId'] as string, e);
    }
    expect(result.records).toHaveLength(expected.size);
    let previous = Infinity;
    for (const r of result.records) {
      expect(Object.keys(r)).toEqual(['attributes', 'OwnerId', 'total', 'expr0', 'expr1', 'expr2']);
      expect(r['attributes']).toEqual({ type: 'AggregateResult' });
      const e = expected.get(r['OwnerId'] as string);
      expect(r['total']).toBeCloseTo(e?.sum as number, 2);
      expect(r['expr0']).toBe(e?.n);
      expect(r['expr1']).toBe(e?.max);
      expect(r['expr2']).toBeCloseTo((e?.sum as number) / (e?.amounts as number), 6);
      expect(r['total'] as number).toBeLessThanOrEqual(previous);
      previous = r['total'] as number;
    }
  });

  it('groups by relationship fields and date functions, filters groups with HAVING', async () => {
    const result = await sample.admin.query<Record<string, unknown>>(
      'SELECT Owner.Name, FISCAL_YEAR(CloseDate) fy, SUM(Amount) FROM Opportunity WHERE IsWon = true GROUP BY Owner.Name, FISCAL_YEAR(CloseDate) HAVING SUM(Amount) > 100000',
    );
    const users = new Map((sample.csv['User'] as Row[]).map((u) => [u['Id'], u['Name']]));
    const sums = new Map<string, number>();
    for (const o of sample.csv['Opportunity'] as Row[]) {
      if (o['IsWon'] !== 'true' || o['Amount'] === '') continue;
      const [y, m] = (o['CloseDate'] as string).split('-').map(Number) as [number, number];
      const key = `${users.get(o['OwnerId'])}|${m >= 2 ? y + 1 : y}`;
      sums.set(key, (sums.get(key) ?? 0) + Number(o['Amount']));
    }
    const expected = [...sums].filter(([, s]) => s > 100000);
    expect(result.records).toHaveLength(expected.length);
    for (const r of result.records) {
      expect(r['expr0']).toBeCloseTo(sums.get(`${r['Name']}|${r['fy']}`) as number, 2);
    }
  });

  it('refuses a field that is neither grouped nor aggregated', async () => {
    await expect(
      sample.admin.query('SELECT Name, SUM(Amount) FROM Opportunity GROUP BY StageName'),
    ).rejects.toMatchObject({
      errorCode: 'MALFORMED_QUERY',
    });
  });
});

describe('errors in Salesforce’s shape', () => {
  it.each([
    [
      'SELECT Id, Bogus__c FROM Opportunity',
      'INVALID_FIELD',
      "No such column 'Bogus__c' on entity 'Opportunity'",
      'Row:1:Column:12',
    ],
    ['SELECT Id FROM Opportunityy', 'INVALID_TYPE', "sObject type 'Opportunityy' is not supported", 'Row:1:Column:16'],
    ['SELECT Id FROM Opportunity WHERE', 'MALFORMED_QUERY', "unexpected token: '<EOF>'", 'ERROR at Row:1'],
    ['SELECT Id, Ownr.Name FROM Opportunity', 'INVALID_FIELD', "Didn't understand relationship 'Ownr'", 'Column:12'],
    [
      "SELECT Id FROM Opportunity WHERE Amount = 'x'",
      'INVALID_FIELD',
      'must be of type currency and should not be enclosed in quotes',
      'ERROR',
    ],
  ])('%s → 400 %s', async (soql, errorCode, message, position) => {
    const res = await sample.raw(`/services/data/v62.0/query?q=${encodeURIComponent(soql)}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { message: string; errorCode: string }[];
    expect(body).toHaveLength(1);
    expect(body[0]?.errorCode).toBe(errorCode);
    expect(body[0]?.message).toContain(message);
    expect(body[0]?.message).toContain(position);
    expect(body[0]?.message.startsWith(`\n${soql}\n`)).toBe(true);
    await expect(sample.admin.query(soql)).rejects.toMatchObject({ errorCode });
  });
});
