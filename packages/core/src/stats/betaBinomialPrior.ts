/** A beta prior Beta(alpha, beta) for a rate. */
export interface BetaPrior {
  readonly alpha: number;
  readonly beta: number;
}

/**
 * Fits a beta prior to a peer group's observed rates (successes / trials per peer) by the method of moments, the
 * empirical-Bayes prior that shrinks each peer toward the group. Uses the rates of peers with at least one trial.
 * Null when fewer than two peers have trials, or when the rates spread more than a beta prior allows (then no
 * shrinkage is warranted). When all rates are equal, the prior is as strong as the largest sample, so that every
 * rate moves most of the way to the group rate.
 *
 * @example
 * betaBinomialPrior([{ successes: 3, trials: 10 }, { successes: 5, trials: 10 }, { successes: 4, trials: 10 }]);
 */
export function betaBinomialPrior(peers: ReadonlyArray<{ successes: number; trials: number }>): BetaPrior | null {
  const rates = peers.filter((p) => p.trials > 0).map((p) => p.successes / p.trials);
  const n = rates.length;
  if (n < 2) return null;
  let mean = 0;
  for (const r of rates) mean += r;
  mean /= n;
  let variance = 0;
  for (const r of rates) variance += (r - mean) * (r - mean);
  variance /= n;
  if (mean <= 0 || mean >= 1) return null;
  if (variance === 0) {
    const strength = Math.max(...peers.map((p) => p.trials));
    return { alpha: mean * strength, beta: (1 - mean) * strength };
  }
  const strength = (mean * (1 - mean)) / variance - 1;
  if (strength <= 0) return null;
  return { alpha: mean * strength, beta: (1 - mean) * strength };
}

/**
 * The posterior mean (successes + α) / (trials + α + β): the rate shrunk toward the prior mean. Without a prior,
 * the raw rate (null without trials).
 *
 * @example
 * shrunkRate(3, 3, { alpha: 4, beta: 6 }); // 7 / 13 ≈ 0.538
 */
export function shrunkRate(successes: number, trials: number, prior: BetaPrior | null): number | null {
  if (!prior) return trials > 0 ? successes / trials : null;
  return (successes + prior.alpha) / (trials + prior.alpha + prior.beta);
}
