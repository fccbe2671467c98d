/**
 * The additive figures behind every performance metric. Team, territory and org figures are sums of these; the
 * ratios are recomputed from the sums, never averaged. Money is in corporate-currency cents.
 */
export interface PerformanceSums {
  /** Σ quota in the period; null when no quota record exists for anyone summed. */
  quotaCents: number | null;
  closedWonCents: number;
  won: number;
  lost: number;
  /** Won deals with a non-null amount (the denominator of the average deal size). */
  wonWithAmount: number;
  /** Σ amount of won and lost deals. */
  closedCents: number;
  /** Days from creation to close of each won deal. */
  cycleDays: number[];
  openPipelineCents: number;
  openDeals: number;
  pipelineCreatedCents: number;
  slipped: number;
  slippedCents: number;
  /** Σ won and Σ closed amount over the previous closed periods of the same length (for required coverage). */
  priorClosedWonCents: number;
  priorClosedCents: number;
}

export function emptySums(): PerformanceSums {
  return {
    quotaCents: null,
    closedWonCents: 0,
    won: 0,
    lost: 0,
    wonWithAmount: 0,
    closedCents: 0,
    cycleDays: [],
    openPipelineCents: 0,
    openDeals: 0,
    pipelineCreatedCents: 0,
    slipped: 0,
    slippedCents: 0,
    priorClosedWonCents: 0,
    priorClosedCents: 0,
  };
}

/** Adds `from` into `into` (quotas that exist are summed; null + null stays null). */
export function addSums(into: PerformanceSums, from: PerformanceSums): void {
  if (from.quotaCents !== null) into.quotaCents = (into.quotaCents ?? 0) + from.quotaCents;
  into.closedWonCents += from.closedWonCents;
  into.won += from.won;
  into.lost += from.lost;
  into.wonWithAmount += from.wonWithAmount;
  into.closedCents += from.closedCents;
  for (const d of from.cycleDays) into.cycleDays.push(d);
  into.openPipelineCents += from.openPipelineCents;
  into.openDeals += from.openDeals;
  into.pipelineCreatedCents += from.pipelineCreatedCents;
  into.slipped += from.slipped;
  into.slippedCents += from.slippedCents;
  into.priorClosedWonCents += from.priorClosedWonCents;
  into.priorClosedCents += from.priorClosedCents;
}
