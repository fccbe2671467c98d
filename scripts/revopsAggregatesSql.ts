/**
 * The reference for the funnel and retention figures, written independently in DuckDB SQL over a `--data-dir`
 * folder's CSV files: each deal's state as of a date (its latest history row on or before the org-local as-of day,
 * else its record when it has no history), converted to the corporate currency at the rate in force on its close
 * date; leads by owner with their conversions and opportunities; recurring bookings by account a year apart. Used
 * by the DuckDB cross-check test and the funnel/retention benchmark.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RECURRING_TYPES, type FunnelReport, type RetentionReport } from '@salesops/core';

export interface SqlWindow {
  readonly dir: string;
  /** The org's time zone (Organization.TimeZoneSidKey). */
  readonly timeZone: string;
  readonly start: string;
  readonly end: string;
  readonly asOf: string;
}

const csv = (dir: string, object: string) =>
  `read_csv('${join(dir, `${object}.csv`)}', header = true, all_varchar = true)`;
const localDay = (column: string, timeZone: string) =>
  `CAST(timezone('${timeZone}', CAST(${column} AS TIMESTAMPTZ)) AS DATE)`;

/** The CTEs `state` (one row per deal existing as of the date, with `corp`, its corporate amount) and helpers. */
function dealStateCtes({ dir, timeZone, asOf }: SqlWindow): string {
  const dated = existsSync(join(dir, 'DatedConversionRate.csv'))
    ? `SELECT IsoCode, CAST(ConversionRate AS DOUBLE) AS r, CAST(StartDate AS DATE) AS s,
              COALESCE(CAST(NULLIF(NextStartDate, '') AS DATE), DATE '9999-12-31') AS e FROM ${csv(dir, 'DatedConversionRate')}`
    : `SELECT NULL::VARCHAR AS IsoCode, NULL::DOUBLE AS r, NULL::DATE AS s, NULL::DATE AS e WHERE false`;
  const types = existsSync(join(dir, 'CurrencyType.csv'))
    ? `SELECT IsoCode, CAST(ConversionRate AS DOUBLE) AS r FROM ${csv(dir, 'CurrencyType')}`
    : `SELECT NULL::VARCHAR AS IsoCode, NULL::DOUBLE AS r WHERE false`;
  return `
    dated AS (${dated}),
    currency AS (${types}),
    stage AS (SELECT MasterLabel, IsClosed = 'true' AS closed, IsWon = 'true' AS won FROM ${csv(dir, 'OpportunityStage')}),
    opp AS (
      SELECT Id, OwnerId, NULLIF(AccountId, '') AS AccountId, NULLIF(Type, '') AS Type, NULLIF(LeadSource, '') AS LeadSource,
             NULLIF(CampaignId, '') AS CampaignId, NULLIF(CurrencyIsoCode, '') AS CurrencyIsoCode,
             IsClosed = 'true' AS rec_closed, IsWon = 'true' AS rec_won, CAST(NULLIF(Amount, '') AS DOUBLE) AS rec_amount,
             CAST(CloseDate AS DATE) AS rec_close, ${localDay('CreatedDate', timeZone)} AS created_on
      FROM ${csv(dir, 'Opportunity')}),
    hist AS (
      SELECT row_number() OVER () AS n, OpportunityId, StageName, CAST(NULLIF(Amount, '') AS DOUBLE) AS amount,
             CAST(NULLIF(CloseDate, '') AS DATE) AS close_date, CAST(CreatedDate AS TIMESTAMPTZ) AS ts
      FROM ${csv(dir, 'OpportunityHistory')}),
    last_hist AS (
      SELECT * FROM hist WHERE ${localDay('ts', timeZone)} <= DATE '${asOf}'
      QUALIFY row_number() OVER (PARTITION BY OpportunityId ORDER BY ts DESC, n DESC) = 1),
    with_history AS (SELECT DISTINCT OpportunityId FROM hist),
    raw_state AS (
      SELECT o.*,
             CASE WHEN h.OpportunityId IS NULL THEN o.rec_closed ELSE st.closed END AS closed,
             CASE WHEN h.OpportunityId IS NULL THEN o.rec_won ELSE st.won END AS won,
             CASE WHEN h.OpportunityId IS NULL THEN o.rec_amount ELSE h.amount END AS amount,
             CASE WHEN h.OpportunityId IS NULL THEN o.rec_close ELSE COALESCE(h.close_date, o.rec_close) END AS close
      FROM opp o LEFT JOIN last_hist h ON h.OpportunityId = o.Id LEFT JOIN stage st ON st.MasterLabel = h.StageName
      WHERE o.created_on <= DATE '${asOf}'
        AND (h.OpportunityId IS NOT NULL OR o.Id NOT IN (SELECT OpportunityId FROM with_history))),
    state AS (
      SELECT s.*, COALESCE(s.amount / COALESCE(
               (SELECT r FROM dated d WHERE d.IsoCode = s.CurrencyIsoCode AND s.close >= d.s AND s.close < d.e),
               (SELECT r FROM currency c WHERE c.IsoCode = s.CurrencyIsoCode), 1), 0) AS corp
      FROM raw_state s)`;
}

/**
 * Per lead owner: leads created in the window, converted in it, converted by the as-of date, with an opportunity,
 * won, lost, won amount (cents) and the median hours to the first touch.
 */
export function funnelByOwnerSql(w: SqlWindow): string {
  const { dir, timeZone, start, end, asOf } = w;
  const inWindow = (column: string) =>
    `${column} BETWEEN DATE '${start}' AND DATE '${end}' AND ${column} <= DATE '${asOf}'`;
  const touches = [
    ['Task', 'WhoId', 'true'],
    ['Event', 'WhoId', 'true'],
    ['LeadHistory', 'LeadId', "Field = 'Status'"],
  ]
    .filter(([object]) => existsSync(join(dir, `${object}.csv`)))
    .map(
      ([object, who, where]) =>
        `SELECT ${who} AS lead_id, CAST(CreatedDate AS TIMESTAMPTZ) AS ts FROM ${csv(dir, object!)} WHERE ${where}`,
    );
  return `
    WITH ${dealStateCtes(w)},
    lead AS (
      SELECT Id, OwnerId, IsConverted = 'true' AND CAST(NULLIF(ConvertedDate, '') AS DATE) <= DATE '${asOf}' AS converted_by,
             IsConverted = 'true' AS converted, CAST(NULLIF(ConvertedDate, '') AS DATE) AS converted_on,
             NULLIF(ConvertedOpportunityId, '') AS opp_id, CAST(CreatedDate AS TIMESTAMPTZ) AS ts,
             ${localDay('CreatedDate', timeZone)} AS created_on
      FROM ${csv(dir, 'Lead')}),
    touch AS (${touches.length > 0 ? touches.join(' UNION ALL ') : 'SELECT NULL::VARCHAR AS lead_id, NULL::TIMESTAMPTZ AS ts WHERE false'}),
    cohort AS (
      SELECT l.*, l.converted_by AND s.Id IS NOT NULL AS has_opp, s.closed, s.won, s.corp,
             (SELECT min(t.ts) FROM touch t WHERE t.lead_id = l.Id AND t.ts >= l.ts AND ${localDay('t.ts', timeZone)} <= DATE '${asOf}') AS first_touch
      FROM lead l LEFT JOIN state s ON s.Id = l.opp_id
      WHERE ${inWindow('l.created_on')}),
    per_owner AS (
      SELECT OwnerId, COUNT(*) AS leads, COUNT(*) FILTER (WHERE converted_by) AS cohort_converted,
             COUNT(*) FILTER (WHERE has_opp) AS opportunities, COUNT(*) FILTER (WHERE has_opp AND closed AND won) AS won,
             COUNT(*) FILTER (WHERE has_opp AND closed AND NOT won) AS lost,
             CAST(ROUND(COALESCE(SUM(corp) FILTER (WHERE has_opp AND closed AND won), 0) * 100) AS BIGINT) AS won_cents,
             median(epoch(first_touch) - epoch(ts)) / 3600 AS median_hours
      FROM cohort GROUP BY OwnerId),
    converted AS (
      SELECT OwnerId, COUNT(*) AS converted FROM lead WHERE converted AND ${inWindow('converted_on')} GROUP BY OwnerId)
    SELECT COALESCE(p.OwnerId, c.OwnerId) AS OwnerId, COALESCE(p.leads, 0) AS leads, COALESCE(c.converted, 0) AS converted,
           COALESCE(p.cohort_converted, 0) AS cohort_converted, COALESCE(p.opportunities, 0) AS opportunities,
           COALESCE(p.won, 0) AS won, COALESCE(p.lost, 0) AS lost, COALESCE(p.won_cents, 0) AS won_cents, p.median_hours
    FROM per_owner p FULL OUTER JOIN converted c ON c.OwnerId = p.OwnerId ORDER BY 1`;
}

/** Marketing-sourced and total pipeline created and bookings won in the window (cents). */
export function sourcedSql(w: SqlWindow, marketingSources: readonly string[]): string {
  const { start, end } = w;
  const list = marketingSources.map((s) => `'${s.replaceAll("'", "''")}'`).join(', ');
  const marketing = `(CampaignId IS NOT NULL OR LeadSource IN (${list}))`;
  const created = `created_on BETWEEN DATE '${start}' AND DATE '${end}'`;
  const booked = `closed AND won AND close BETWEEN DATE '${start}' AND DATE '${end}'`;
  return `
    WITH ${dealStateCtes(w)}
    SELECT CAST(ROUND(COALESCE(SUM(corp) FILTER (WHERE ${created} AND ${marketing}), 0) * 100) AS BIGINT) AS sourced_pipeline_cents,
           CAST(ROUND(COALESCE(SUM(corp) FILTER (WHERE ${created}), 0) * 100) AS BIGINT) AS pipeline_cents,
           CAST(ROUND(COALESCE(SUM(corp) FILTER (WHERE ${booked} AND ${marketing}), 0) * 100) AS BIGINT) AS sourced_bookings_cents,
           CAST(ROUND(COALESCE(SUM(corp) FILTER (WHERE ${booked}), 0) * 100) AS BIGINT) AS bookings_cents
    FROM state`;
}

/**
 * Per account industry: base accounts (recurring bookings in [baseStart, baseEnd]), their prior bookings, renewals,
 * kept (Σ min(renewed, prior)), expansion, churned and contracted accounts, amounts in cents.
 */
export function retentionByIndustrySql(w: SqlWindow, baseStart: string, baseEnd: string): string {
  const { dir, start, end } = w;
  const kinds = Object.entries(RECURRING_TYPES)
    .map(([type, kind]) => `WHEN '${type}' THEN '${kind}'`)
    .join(' ');
  return `
    WITH ${dealStateCtes(w)},
    rec AS (
      SELECT AccountId, CASE Type ${kinds} END AS kind, close, corp FROM state
      WHERE closed AND won AND AccountId IS NOT NULL),
    prior AS (
      SELECT AccountId, SUM(corp) AS p FROM rec WHERE kind IS NOT NULL AND close BETWEEN DATE '${baseStart}' AND DATE '${baseEnd}'
      GROUP BY AccountId HAVING SUM(corp) > 0),
    cur AS (
      SELECT AccountId, COALESCE(SUM(corp) FILTER (WHERE kind = 'renewal'), 0) AS ren,
             COALESCE(SUM(corp) FILTER (WHERE kind IN ('new', 'expansion')), 0) AS exp
      FROM rec WHERE kind IS NOT NULL AND close BETWEEN DATE '${start}' AND DATE '${end}' GROUP BY AccountId),
    base AS (SELECT p.AccountId, p.p, COALESCE(c.ren, 0) AS ren, COALESCE(c.exp, 0) AS exp FROM prior p LEFT JOIN cur c USING (AccountId))
    SELECT NULLIF(a.Industry, '') AS industry, COUNT(*) AS base_accounts,
           CAST(ROUND(SUM(base.p) * 100) AS BIGINT) AS prior_cents, CAST(ROUND(SUM(ren) * 100) AS BIGINT) AS renewed_cents,
           CAST(ROUND(SUM(LEAST(ren, base.p)) * 100) AS BIGINT) AS kept_cents, CAST(ROUND(SUM(exp) * 100) AS BIGINT) AS expansion_cents,
           COUNT(*) FILTER (WHERE ren + exp = 0) AS churned, COUNT(*) FILTER (WHERE ren + exp > 0 AND ren + exp < base.p) AS contracted
    FROM base LEFT JOIN ${csv(dir, 'Account')} a ON a.Id = base.AccountId
    GROUP BY 1 ORDER BY 1`;
}

/** A funnel figure line, engine or SQL side, for comparing: owner, counts, won cents, median hours (6 decimals). */
type FigureLine = string;
const line = (values: ReadonlyArray<string | number | null>): FigureLine => values.join(',');
const hours = (h: number | null | undefined) => (h === null || h === undefined ? null : h.toFixed(6));
const FUNNEL_SQL_COLUMNS = ['leads', 'converted', 'cohort_converted', 'opportunities', 'won', 'lost', 'won_cents'];
const RETENTION_SQL_COLUMNS = [
  'base_accounts',
  'prior_cents',
  'renewed_cents',
  'kept_cents',
  'expansion_cents',
  'churned',
  'contracted',
];
const cents = (v: number) => Math.round(v * 100);

/** The funnel per owner as `funnelByOwnerSql` gives it, one line per owner. */
export function sqlFunnelLines(rows: ReadonlyArray<Record<string, unknown>>): FigureLine[] {
  return rows.map((r) =>
    line([
      String(r['OwnerId']),
      ...FUNNEL_SQL_COLUMNS.map((k) => Number(r[k])),
      hours(r['median_hours'] === null ? null : Number(r['median_hours'])),
    ]),
  );
}

/** The engine's funnel per owner, in the lines of `sqlFunnelLines`. */
export function engineFunnelLines(report: FunnelReport): FigureLine[] {
  const speed = new Map((report.speedToLead?.byOwner ?? []).map((s) => [s.ownerId, s.medianHours]));
  return (report.funnel?.byRep ?? []).map((r) =>
    line([
      r.key,
      r.leads,
      r.converted,
      r.cohortConverted,
      r.opportunities,
      r.won,
      r.lost,
      cents(r.wonAmount),
      hours(speed.get(r.key)),
    ]),
  );
}

/** Retention per industry as `retentionByIndustrySql` gives it, one line per industry. */
export function sqlRetentionLines(rows: ReadonlyArray<Record<string, unknown>>): FigureLine[] {
  return rows.map((r) => line([r['industry'] as string | null, ...RETENTION_SQL_COLUMNS.map((k) => Number(r[k]))]));
}

/** The engine's retention per industry (segments with a base), in the lines of `sqlRetentionLines`. */
export function engineRetentionLines(report: RetentionReport): FigureLine[] {
  return report.bySegment
    .filter((s) => s.baseAccounts > 0)
    .map((s) =>
      line([
        s.segment,
        s.baseAccounts,
        cents(s.priorBookings),
        cents(s.renewed),
        cents(s.kept),
        cents(s.expansion),
        s.churnedAccounts,
        s.contractedAccounts,
      ]),
    );
}
