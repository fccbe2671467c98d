import { restApi, type QueryConnection } from './readOrgData.js';
import { withRetry, type RetryOptions } from './retry.js';

/** Closed-won business of one owner in one currency over a date range. */
export interface ClosedWonTotal {
  readonly ownerId: string;
  /** The deals' currency (null in a single-currency org: the corporate currency). */
  readonly currencyIsoCode: string | null;
  /** Sum of Amount in that currency (deals without an amount count as 0). */
  readonly amount: number;
  /** Won deals, with or without an amount. */
  readonly deals: number;
}

export interface ClosedWonTotals {
  readonly totals: readonly ClosedWonTotal[];
  /** API requests made (describe and the aggregate query, or the row-level fallback's pages). */
  readonly requests: number;
  /** Rows read: groups from the aggregate, or deals when it fell back to rows. */
  readonly recordsRead: number;
  /** `aggregate` (GROUP BY pushed down) or `rows` (more groups than one aggregate answer holds). */
  readonly via: 'aggregate' | 'rows';
}

/** Salesforce answers an aggregate query in one batch of at most 2,000 groups (no queryMore). */
const AGGREGATE_ROWS = 2_000;

/**
 * Closed-won totals per owner (and currency, in a multi-currency org) for deals closed from `from` to `to`
 * (inclusive, `YYYY-MM-DD`), computed by the org: one `GROUP BY` query instead of reading every deal, its history
 * and line items. For views that need only sums (attainment tiles, bookings totals). When the groups do not fit in
 * one aggregate answer (2,000 rows) it reads the won deals' owner, currency and amount and sums them here, with the
 * same result. Amounts stay in the deal currency: a multi-currency caller converts them (Salesforce converts
 * aggregates with static rates, not dated ones, so converting here would differ from the engine).
 *
 * @example
 * const { totals } = await readClosedWonTotals(conn, { from: '2026-11-01', to: '2027-01-31' });
 */
export async function readClosedWonTotals(
  connection: QueryConnection,
  range: { readonly from: string; readonly to: string },
  options: {
    readonly retry?: RetryOptions;
    /** Groups one aggregate answer holds (Salesforce: 2,000); lower (0: always) only to exercise the row-level fallback. */
    readonly aggregateRows?: number;
  } = {},
): Promise<ClosedWonTotals> {
  const date = /^\d{4}-\d{2}-\d{2}$/;
  if (!date.test(range.from) || !date.test(range.to)) {
    throw new RangeError(`Closed-won totals need YYYY-MM-DD dates, got ${range.from}..${range.to}.`);
  }
  const limit = options.aggregateRows ?? AGGREGATE_ROWS;
  let requests = 0;
  const call = <T>(fn: () => PromiseLike<T>): Promise<T> => withRetry(fn, options.retry, () => void requests++);
  const api = restApi(connection);
  const described = new Set((await call(() => api.describe('Opportunity'))).fields.map((f) => f.name));
  const currency = described.has('CurrencyIsoCode');
  const groupBy = currency ? 'OwnerId, CurrencyIsoCode' : 'OwnerId';
  const where = `IsWon = true AND CloseDate >= ${range.from} AND CloseDate <= ${range.to}`;
  const aggregate = await call(() =>
    api.query(
      `SELECT ${groupBy}, SUM(Amount) amount, COUNT(Id) deals FROM Opportunity WHERE ${where} ` +
        `GROUP BY ${groupBy} LIMIT ${limit + 1}`,
    ),
  );
  if (aggregate.records.length <= limit) {
    const totals = aggregate.records.map((r) => ({
      ownerId: String(r['OwnerId']),
      currencyIsoCode: currency ? ((r['CurrencyIsoCode'] as string | null) ?? null) : null,
      amount: Number(r['amount'] ?? 0),
      deals: Number(r['deals'] ?? 0),
    }));
    return { totals, requests, recordsRead: totals.length, via: 'aggregate' };
  }
  // Too many groups for one aggregate answer: sum the rows here (cents, so sums are exact).
  const sums = new Map<string, { ownerId: string; currencyIsoCode: string | null; cents: number; deals: number }>();
  let recordsRead = 0;
  let page = await call(() =>
    api.query(`SELECT ${currency ? 'OwnerId, CurrencyIsoCode' : 'OwnerId'}, Amount FROM Opportunity WHERE ${where}`),
  );
  for (;;) {
    for (const r of page.records) {
      recordsRead++;
      const ownerId = String(r['OwnerId']);
      const currencyIsoCode = currency ? ((r['CurrencyIsoCode'] as string | null) ?? null) : null;
      const key = `${ownerId}|${currencyIsoCode ?? ''}`;
      let sum = sums.get(key);
      if (!sum) sums.set(key, (sum = { ownerId, currencyIsoCode, cents: 0, deals: 0 }));
      sum.cents += Math.round(Number(r['Amount'] ?? 0) * 100);
      sum.deals++;
    }
    const next = page.nextRecordsUrl;
    if (page.done || !next) break;
    page = await call(() => api.queryMore(next));
  }
  const totals = [...sums.values()].map((s) => ({
    ownerId: s.ownerId,
    currencyIsoCode: s.currencyIsoCode,
    amount: s.cents / 100,
    deals: s.deals,
  }));
  return { totals, requests, recordsRead, via: 'rows' };
}
