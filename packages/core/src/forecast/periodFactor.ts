import { addDays, dayNumber, daysBetween, type FiscalPeriod, type IsoDate } from '../calendar/index.js';
import {
  dealRowAsOf,
  dealRowCents,
  dealRowIsWon,
  dealRowProbability,
  dealRowStageName,
  dealsClosingIn,
} from '../performance/index.js';
import type { DealRecord, OrgSnapshot } from '../snapshot/index.js';
import { stageProbability, type StageProbability } from './stageProbability.js';
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

/** A past period's open deals at the point: E_q, V_q and A_q (see `periodFactor`). */
interface PastSums {
  readonly e: number;
  readonly v: number;
  readonly a: number;
}

/**
 * The sums of past period `q`'s deals open on `point` with their close date in `q` (null when there is none), their
 * amount ratios appended to `amountRatios`. Read off their history rows that day and the period's won deals
 * (`wonInPeriod`), both in deal order: nothing is replayed, and a deal is matched to its win by its index (an Id
 * names one deal).
 */
function pastSums(
  snapshot: OrgSnapshot,
  q: FiscalPeriod,
  point: IsoDate,
  probability: StageProbability,
  amountRatios: number[],
): PastSums | null {
  const pointDay = dayNumber(point);
  const won = wonInPeriod(snapshot, q);
  let w = 0; // the next of the won deals that may be the deal looked at
  let open = 0;
  let e = 0;
  let v = 0;
  let a = 0;
  for (const i of dealsClosingIn(snapshot, point, q.start, q.end, { withoutLost: true })) {
    const deal = snapshot.deals[i] as DealRecord;
    const row = dealRowAsOf(deal.history, pointDay);
    if (dealRowIsWon(deal, row, snapshot.stageOrder)) continue;
    open++;
    const cents = dealRowCents(snapshot, deal, row);
    const amount = cents === null ? 0 : cents / 100;
    while (w < won.deals.length && (won.deals[w] as number) < i) w++;
    const wonThere = w < won.deals.length && won.deals[w] === i;
    if (wonThere && amount > 0) amountRatios.push((won.amounts[w] as number) / amount);
    const p = probability(deal.opportunity, dealRowStageName(deal, row), dealRowProbability(deal, row));
    e += amount * p;
    v += amount * amount * p * (1 - p);
    if (wonThere) a += amount;
  }
  return open === 0 ? null : { e, v, a };
}

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
  const seen: PastSums[] = [];
  const amountRatios: number[] = [];
  // One stage probability per cell for every past period: the rates and the days left are the same for all.
  const probability = stageProbability(rates, daysLeft, snapshot);
  for (const q of learnt.periods) {
    const sums = pastSums(snapshot, q, addDays(q.end, -daysLeft), probability, amountRatios);
    if (sums !== null && sums.e > 0) seen.push(sums);
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
