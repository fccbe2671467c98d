import type { Opportunity } from '../model/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import type { WinRatePosterior } from './addUncertainDeals.js';
import type { PeriodDeals } from './periodDeals.js';
import { stageCell } from './stageCell.js';
import { MIN_CELL_COUNT, type StageWinRates } from './stageWinRates.js';

/** The open deals' stage cells and each cell's win-rate posterior. */
export interface StageCellPosteriors {
  /** Per open deal (in the order of `deals.open`), the index of its cell in `cells`. */
  readonly cellOf: Int32Array;
  readonly cells: readonly WinRatePosterior[];
}

/**
 * The posterior of each stage cell's win rate that the open deals fall in (metrics.md "Calibration"). A cell's rate
 * p (stageWinRates') rests on the scope's n past deals of the cell and, when n < k (`minCount`, 10), on k − n
 * pseudo-deals borrowed at the org-wide estimate: Beta(p × max(n, k), (1 − p) × max(n, k)), the posterior of a
 * Beta prior worth the borrowed deals, with mean p. So a cell of 3 deals is as uncertain as 10 deals make it, one of
 * 400 deals hardly at all. With `priorStrength` (a rep's or team's forecast: how much the reps differ in the cell,
 * see cellPriorStrength) the strength is n + κ instead: a cell where reps win alike is known from the org, one where
 * they differ rests on the scope's own deals. Deals of one stage share a cell (the days left are the same for all);
 * when `rates` differ per deal (each deal's owner's, see ownerStageRates) a cell is an owner's stage.
 *
 * @example
 * // 4 of 20 past deals won: Beta(4, 16); none seen, org-wide p 0.3: Beta(3, 7)
 * stageCellPosteriors(deals, rates, snapshot).cells;
 */
export function stageCellPosteriors(
  deals: PeriodDeals,
  rates: StageWinRates | ((opportunity: Opportunity) => StageWinRates),
  daysLeft: number,
  snapshot?: OrgSnapshot,
  minCount: number = MIN_CELL_COUNT,
  /** The prior strength of a cell among the scope's peers (see cellPriorStrength); default: the borrowing's k − n. */
  priorStrength?: (stage: string) => number,
): StageCellPosteriors {
  // Cell numbers by owner (one map for every deal when the rates are the same for all), then by stage cell: no key
  // string made per deal.
  const index = new Map<string, Map<string, number>>();
  const cells: WinRatePosterior[] = [];
  const cellOf = new Int32Array(deals.open.length);
  for (let i = 0; i < deals.open.length; i++) {
    const { state, opportunity } = deals.open[i]!;
    const perDeal = typeof rates === 'function';
    const cell = stageCell(opportunity, state.StageName);
    const owner = perDeal ? (opportunity.OwnerId ?? '') : '';
    let ownCells = index.get(owner);
    if (!ownCells) index.set(owner, (ownCells = new Map()));
    let c = ownCells.get(cell);
    if (c === undefined) {
      const fallback =
        (snapshot?.stagesByName.get(state.StageName)?.DefaultProbability ?? state.Probability ?? 0) / 100;
      const cellRates = perDeal ? rates(opportunity) : rates;
      const { probability, deals: n } = cellRates.probability(cell, daysLeft, fallback);
      const strength = priorStrength ? Math.max(n + priorStrength(cell), 1) : Math.max(n, minCount, 1);
      ownCells.set(cell, (c = cells.length));
      cells.push({ alpha: probability * strength, beta: (1 - probability) * strength });
    }
    cellOf[i] = c;
  }
  return { cellOf, cells };
}
