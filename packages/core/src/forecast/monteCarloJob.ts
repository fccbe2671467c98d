import type { WinRateUncertainty } from './addUncertainDeals.js';
import { monteCarloForecast, type MonteCarloForecast } from './monteCarloForecast.js';
import type { RenewalsDue } from './renewalsDue.js';
import { seededRandom, type RandomSource } from './seededRandom.js';

/**
 * One scope's Monte Carlo draws, as plain data (numbers, typed arrays, plain objects): everything
 * `monteCarloForecast` takes, its generator as a seed. A job can therefore be run wherever its data can be copied to,
 * a worker thread for instance, and gives the same draws there as here.
 */
export interface MonteCarloJob {
  readonly base: number;
  readonly amounts: Float64Array;
  readonly probabilities: Float64Array;
  readonly draws: number;
  /** The seed of the scope's own stream of random numbers (see `deriveSeed`). */
  readonly seed: number;
  readonly unseen: readonly number[];
  readonly uncertainty?: WinRateUncertainty;
  readonly renewals?: RenewalsDue;
}

/** Runs jobs somewhere (this thread, a pool of threads) and gives back their draws' figures. */
export type MonteCarloRunner = (job: MonteCarloJob) => Promise<MonteCarloForecast>;

/**
 * Runs a job here, from its seed's stream or from `random` (a generator shared by several jobs must run them in
 * order, here).
 *
 * @example
 * runMonteCarloJob({ base: 0, amounts: Float64Array.of(100), probabilities: Float64Array.of(0.5), draws: 10_000,
 *   seed: 7, unseen: [] }).p50;
 */
export function runMonteCarloJob(
  job: MonteCarloJob,
  random: RandomSource = seededRandom(job.seed),
): MonteCarloForecast {
  return monteCarloForecast(
    job.base,
    job.amounts,
    job.probabilities,
    random,
    job.draws,
    job.unseen,
    job.uncertainty,
    job.renewals,
  );
}
