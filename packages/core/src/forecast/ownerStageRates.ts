import type { Opportunity } from '../model/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { scopeMembership } from './forecastScope.js';
import type { StageObservations } from './stageObservations.js';
import { stageWinRates, type StageWinRates } from './stageWinRates.js';

const cache = new WeakMap<StageObservations, Map<number, Map<string, StageWinRates>>>();

/**
 * The stage win rates of each deal's owner (their own past deals; sparse cells borrow from the whole org, see
 * `stageWinRates`); a deal without an owner gets the org's. A deal's probability is then the same in every scope
 * that holds it, so stageHistory and the Monte Carlo mean of a team or territory are the sums over its reps
 * (metrics.md "Hierarchy and roll-ups").
 *
 * @example
 * stageHistoryForecast(deals, ownerStageRates(snapshot, stageObservations(snapshot, period, asOf)), snapshot);
 */
export function ownerStageRates(
  snapshot: OrgSnapshot,
  observations: StageObservations,
  minCount?: number,
): (opportunity: Opportunity) => StageWinRates {
  let byCount = cache.get(observations);
  if (!byCount) cache.set(observations, (byCount = new Map()));
  const countKey = minCount ?? -1;
  let byOwner = byCount.get(countKey);
  if (!byOwner) byCount.set(countKey, (byOwner = new Map()));
  const owners = byOwner;
  return (opportunity) => {
    const owner = opportunity.OwnerId ?? '';
    let rates = owners.get(owner);
    if (!rates) {
      const member = owner === '' ? undefined : scopeMembership(snapshot, { type: 'rep', id: owner, name: owner });
      rates = stageWinRates(observations, member, minCount);
      owners.set(owner, rates);
    }
    return rates;
  };
}
