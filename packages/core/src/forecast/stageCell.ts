import type { Opportunity } from '../model/index.js';
import { RECURRING_TYPES } from '../retention/index.js';

/** Joins a stage name and a deal population in a cell key (no stage name holds it). */
const RENEWAL_CELL = '\u001frenewal';

/**
 * The stage cell a deal is counted in and forecast from: its stage, and for a renewal (an opportunity `Type` of
 * kind 'renewal' in RECURRING_TYPES: Renewal, Downgrade, Replacement) a cell of its own. Renewals are another
 * population than new business and expansions: due at an anniversary, at a known amount, won nine times in ten at
 * any stage; pooled with new deals they would lift every new deal's rate and lower every renewal's, by how many
 * renewals a stage holds (docs/forecast-calibration.md, "Renewals").
 *
 * @example
 * stageCell({ Type: 'Existing Customer - Renewal' } as Opportunity, 'Proposal'); // 'Proposal\u001frenewal'
 */
export function stageCell(opportunity: Opportunity, stage: string): string {
  if (!isRenewal(opportunity)) return stage;
  let cell = renewalCells.get(stage);
  if (cell === undefined) renewalCells.set(stage, (cell = stage + RENEWAL_CELL));
  return cell;
}

/**
 * One string per renewal cell, not one per call: passes over millions of observations key maps by cells and
 * compare them, which a shared string answers by its hash and identity, a new one by hashing and comparing its text.
 */
const renewalCells = new Map<string, string>();

/** An opportunity whose `Type` is of kind 'renewal' in RECURRING_TYPES (Renewal, Downgrade, Replacement). */
export function isRenewal(opportunity: Opportunity): boolean {
  return opportunity.Type !== null && RECURRING_TYPES[opportunity.Type] === 'renewal';
}
