import { addDays, daysBetween, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { periodDealsOnce } from './periodDeals.js';
import { stageHistoryForecast } from './stageHistoryForecast.js';
import { STAGE_HISTORY_PERIODS, stageObservations } from './stageObservations.js';
import { stageWinRates } from './stageWinRates.js';
import { wonInPeriod } from './wonInPeriod.js';

/**
 * How the open deals of past periods did against the stage win rates, seen from the same number of days before
 * their end: the mean of the factor that multiplies every open deal's win probability in a period, and the spread of
 * that factor from period to period beyond the deals' own coin flips.
 */
export interface PeriodFactor {
  /** Σ won / Σ expected over the past periods (1 when fewer than two of them had open deals). */
  readonly mean: number;
  /** Standard deviation of log θ (θ log-normal with that mean); 0 when the periods vary no more than coins do. */
  readonly sd: number;
  /** Past periods with open deals it was estimated from. */
  readonly periods: number;
  /**
   * For each past period's deal open at the point and won inside the period, with an amount at the point: its amount
   * when won / its amount at the point (amounts change between a point and the win; most ratios are exactly 1).
   */
  readonly amountRatios: readonly number[];
}

const cache = new WeakMap<OrgSnapshot, Map<string, PeriodFactor>>();

/**
 * The period factor Monte Carlo draws (metrics.md "Calibration"), estimated for the org from the past periods stage
 * win rates are learnt from (all ended before `asOf`: nothing later is looked at). For each past period q, the deals
 * open `daysLeft` days before its end (daysLeft as at `asOf` in `period`) with their close date in q get the win
 * probabilities p of the rates learnt for `period` as of `asOf`; E_q = Σ amount × p, V_q = Σ amount² p (1 − p), and
 * A_q = Σ amount of those won inside q. The factor's mean is m = Σ A_q / Σ E_q (the stage cells' bias at this point
 * of a period: a cell counts every deal seen at any time in its days-left bucket, a forecast sees the ones still
 * open); its variance is what the spread of A_q around m E_q has beyond the coins', τ² = max(0, (k/(k − 1)
 * Σ (A_q − m E_q)² − Σ V_q) / Σ E_q²) over the k periods, as a log-normal's: sd = √log(1 + τ² / m²).
 *
 * @example
 * periodFactor(snapshot, period, '2026-11-16'); // { mean: 0.78, sd: 0.05, periods: 8 }
 */
export function periodFactor(
  snapshot: OrgSnapshot,
  period: FiscalPeriod,
  asOf: IsoDate,
  periods: number = STAGE_HISTORY_PERIODS.default,
): PeriodFactor {
  let byKey = cache.get(snapshot);
  if (!byKey) cache.set(snapshot, (byKey = new Map()));
  const key = `${period.start}|${period.end}|${asOf}|${periods}`;
  const cached = byKey.get(key);
  if (cached) return cached;
  const learnt = stageObservations(snapshot, period, asOf, periods);
  const rates = stageWinRates(learnt);
  const daysLeft = Math.max(0, daysBetween(asOf, period.end));
  const seen: { e: number; v: number; a: number }[] = [];
  const amountRatios: number[] = [];
  for (const q of learnt.periods) {
    // Past selections are looked at once here: not kept (a million-deal org's are hundreds of megabytes).
    const deals = periodDealsOnce(snapshot, q, addDays(q.end, -daysLeft));
    if (deals.open.length === 0) continue;
    const wonAmounts = new Map<string, number>();
    for (const d of wonInPeriod(snapshot, q)) wonAmounts.set(d.opportunity.Id, d.amount);
    for (const deal of deals.open) {
      const w = wonAmounts.get(deal.opportunity.Id);
      if (w !== undefined && deal.amount > 0) amountRatios.push(w / deal.amount);
    }
    const { probabilities } = stageHistoryForecast(deals, rates, snapshot);
    let e = 0;
    let v = 0;
    let a = 0;
    deals.open.forEach((deal, i) => {
      const p = probabilities[i] as number;
      e += deal.amount * p;
      v += deal.amount * deal.amount * p * (1 - p);
      if (wonAmounts.has(deal.opportunity.Id)) a += deal.amount;
    });
    if (e > 0) seen.push({ e, v, a });
  }
  let factor: PeriodFactor = { mean: 1, sd: 0, periods: seen.length, amountRatios };
  if (seen.length >= 2) {
    let sumE = 0;
    let sumA = 0;
    for (const s of seen) {
      sumE += s.e;
      sumA += s.a;
    }
    const mean = sumA / sumE;
    let spread = 0;
    let coins = 0;
    let sumE2 = 0;
    for (const s of seen) {
      spread += (s.a - mean * s.e) ** 2;
      coins += s.v;
      sumE2 += s.e * s.e;
    }
    const tau2 = Math.max(0, ((spread * seen.length) / (seen.length - 1) - coins) / sumE2);
    factor = {
      mean,
      sd: mean > 0 ? Math.sqrt(Math.log(1 + tau2 / (mean * mean))) : 0,
      periods: seen.length,
      amountRatios,
    };
  }
  byKey.set(key, factor);
  return factor;
}
