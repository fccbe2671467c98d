import { observationLists } from './observationList.js';
import type { StageObservations } from './stageObservations.js';

/** Largest prior strength a cell gets when its owners' rates spread no more than their coins do. */
export const MAX_PRIOR_STRENGTH = 1000;

const cache = new WeakMap<object, Map<string, number>>();

/**
 * How much the owners (reps) of a stage × days-left cell differ in their true win rates, as the strength κ of a Beta
 * prior (empirical Bayes by the method of moments for a beta-binomial): with owner r's n_r deals and w_r wins, N =
 * Σ n_r, p̄ = Σ w_r / N and S = Σ n_r (w_r / n_r − p̄)², the between-owner variance is v = max(0, (S − (R − 1)
 * p̄ (1 − p̄)) / (N − Σ n_r² / N)) over the R owners with deals, and κ = p̄ (1 − p̄) / v − 1 (capped at
 * MAX_PRIOR_STRENGTH; 0 with fewer than two owners or p̄ at 0 or 1). A rep's posterior of the cell's rate then rests
 * on its own deals plus κ.
 *
 * @example
 * cellPriorStrength(observations, 'Prospecting', 4); // e.g. 35
 */
export function cellPriorStrength(observations: StageObservations, stage: string, bucket: number): number {
  let byCell = cache.get(observations);
  if (!byCell) cache.set(observations, (byCell = new Map()));
  const key = `${stage}|${bucket}`;
  let strength = byCell.get(key);
  if (strength === undefined) {
    // Every stage cell of the bucket in one pass over the observations (a scope asks for a dozen of them).
    for (const [cell, owners] of ownersByCell(observations, bucket))
      byCell.set(`${cell}|${bucket}`, strengthOf(owners));
    strength = byCell.get(key);
    if (strength === undefined) byCell.set(key, (strength = 0)); // never seen in the bucket: no owner, no prior
  }
  return strength;
}

/**
 * Per stage cell seen in `bucket`, its owners' deals and wins (owners in order of their first observation). Each
 * list's cells are found by number (`list.cell`) and each deal's owner once per deal, not both by name per observation.
 */
function ownersByCell(
  observations: StageObservations,
  bucket: number,
): Map<string, Map<string, { n: number; w: number }>> {
  const byCell = new Map<string, Map<string, { n: number; w: number }>>();
  for (const list of observationLists(observations)) {
    const byNumber: (Map<string, { n: number; w: number }> | undefined)[] = [];
    let lastDeal = -1;
    let owner = '';
    for (let i = 0; i < list.length; i++) {
      if (list.bucket(i) !== bucket) continue;
      const cell = list.cell(i);
      let owners = byNumber[cell];
      if (!owners) {
        const stage = list.cellName(cell);
        owners = byCell.get(stage);
        if (!owners) byCell.set(stage, (owners = new Map()));
        byNumber[cell] = owners;
      }
      const deal = list.deal(i);
      if (deal !== lastDeal) {
        lastDeal = deal;
        owner = list.opportunity(i).OwnerId ?? '';
      }
      let t = owners.get(owner);
      if (!t) owners.set(owner, (t = { n: 0, w: 0 }));
      t.n++;
      if (list.won(i)) t.w++;
    }
  }
  return byCell;
}

function strengthOf(owners: ReadonlyMap<string, { n: number; w: number }>): number {
  let strength = 0;
  let total = 0;
  let wins = 0;
  let squares = 0;
  for (const { n, w } of owners.values()) {
    total += n;
    wins += w;
    squares += n * n;
  }
  const mean = total > 0 ? wins / total : 0;
  if (owners.size >= 2 && mean > 0 && mean < 1) {
    let spread = 0;
    for (const { n, w } of owners.values()) spread += n * (w / n - mean) ** 2;
    const between = Math.max(0, (spread - (owners.size - 1) * mean * (1 - mean)) / (total - squares / total));
    strength =
      between > 0 ? Math.min(MAX_PRIOR_STRENGTH, Math.max(0, (mean * (1 - mean)) / between - 1)) : MAX_PRIOR_STRENGTH;
  }
  return strength;
}
