/**
 * The reference for the engine's per-rep aggregates, written independently in DuckDB SQL over a sample org's CSV
 * files: each deal's state as of a date (its latest history row on or before it, in org-local time — the sample
 * org's America/Los_Angeles offsets by the US daylight-time dates of 2023–2026), converted to USD at the dated
 * rate in force on its close date and rounded to the cent, then summed per owner for deals closing in the period.
 * Used by the DuckDB cross-check test and by the engine benchmark.
 */
import { join } from 'node:path';

/**
 * Per-owner closed won (cents), won, lost, open pipeline (cents) and closed amount, won and lost (cents) for deals
 * closing in [start, end] as of `asOf`.
 */
export function perRepAggregatesSql(dir: string, start: string, end: string, asOf: string): string {
  const csv = (object: string, types = '') =>
    `read_csv('${join(dir, `${object}.csv`)}', header = true, all_varchar = true${types})`;
  return `
    WITH dst(s, e) AS (VALUES
      (TIMESTAMP '2023-03-12 10:00', TIMESTAMP '2023-11-05 09:00'),
      (TIMESTAMP '2024-03-10 10:00', TIMESTAMP '2024-11-03 09:00'),
      (TIMESTAMP '2025-03-09 10:00', TIMESTAMP '2025-11-02 09:00'),
      (TIMESTAMP '2026-03-08 10:00', TIMESTAMP '2026-11-01 09:00')),
    raw AS (
      SELECT row_number() OVER () AS n, OpportunityId, StageName, CloseDate, Amount,
             CAST(replace(replace(CreatedDate, 'T', ' '), 'Z', '') AS TIMESTAMP) AS ts
      FROM ${csv('OpportunityHistory')}),
    history AS (
      SELECT raw.*, CAST(ts - INTERVAL 1 HOUR * (CASE WHEN EXISTS (SELECT 1 FROM dst WHERE ts >= s AND ts < e) THEN 7 ELSE 8 END) AS DATE) AS local_day
      FROM raw),
    state AS (
      SELECT h.OpportunityId, h.StageName, CAST(h.CloseDate AS DATE) AS close_date, CAST(NULLIF(h.Amount, '') AS DOUBLE) AS amount
      FROM history h
      WHERE h.local_day <= DATE '${asOf}'
      QUALIFY row_number() OVER (PARTITION BY h.OpportunityId ORDER BY h.ts DESC, h.n DESC) = 1),
    stage AS (SELECT MasterLabel, IsClosed = 'true' AS closed, IsWon = 'true' AS won FROM ${csv('OpportunityStage')}),
    rate AS (
      SELECT IsoCode, CAST(ConversionRate AS DOUBLE) AS r, CAST(StartDate AS DATE) AS s, COALESCE(CAST(NULLIF(NextStartDate, '') AS DATE), DATE '9999-12-31') AS e
      FROM ${csv('DatedConversionRate')}),
    deal AS (
      SELECT o.OwnerId, st.closed, st.won, s.close_date,
             ROUND(s.amount / COALESCE((SELECT r FROM rate WHERE rate.IsoCode = o.CurrencyIsoCode AND s.close_date >= rate.s AND s.close_date < rate.e), 1), 2) AS amount
      FROM state s JOIN ${csv('Opportunity')} o ON o.Id = s.OpportunityId JOIN stage st ON st.MasterLabel = s.StageName
      WHERE s.close_date BETWEEN DATE '${start}' AND DATE '${end}')
    SELECT OwnerId,
           CAST(ROUND(COALESCE(SUM(amount) FILTER (WHERE won), 0) * 100) AS BIGINT) AS closed_won_cents,
           COUNT(*) FILTER (WHERE won) AS won,
           COUNT(*) FILTER (WHERE closed AND NOT won) AS lost,
           CAST(ROUND(COALESCE(SUM(COALESCE(amount, 0)) FILTER (WHERE NOT closed), 0) * 100) AS BIGINT) AS open_cents,
           CAST(ROUND(COALESCE(SUM(COALESCE(amount, 0)) FILTER (WHERE closed), 0) * 100) AS BIGINT) AS closed_cents
    FROM deal GROUP BY OwnerId ORDER BY OwnerId`;
}
