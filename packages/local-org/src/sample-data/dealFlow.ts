import type { AccountPlan, AccountProfile } from './accounts.js';
import { monthStartDay } from './orgTime.js';
import { pickWeighted, type Random } from './random.js';
import { activeInMonth, rampFactor, type RepProfile, type SalesTeam } from './salesTeam.js';

/** Where and when the i-th deal starts: its owner, account, creation day and the last day anything may happen to it. */
export interface DealSlot {
  readonly rep: RepProfile;
  readonly account: AccountProfile;
  readonly accountIndex: number;
  readonly createdDay: number;
  /** The anchor date, or the day before the owner left. */
  readonly endDay: number;
}

export interface DealFlow {
  /** Expected new deals per fully ramped rep of weight 1 per month (sizes the quotas). */
  readonly dealsPerRepMonth: number;
  /** The i-th deal's slot; call with i = 0, 1, 2, … in order (it draws from the deal stream). */
  slot(i: number): DealSlot;
}

/**
 * The deal flow over the data window: each month's new deals go to the reps working that month, by weight and ramp,
 * mostly on the rep's own accounts (else the region's); creation days are stratified over the weighted months, so
 * ids follow creation order.
 */
export function planDealFlow(options: {
  readonly random: Random;
  readonly team: SalesTeam;
  readonly accounts: AccountPlan;
  readonly windowStart: number;
  readonly anchor: number;
  readonly opportunities: number;
}): DealFlow {
  const { random, team, accounts, anchor, opportunities } = options;
  const months: number[] = [];
  for (let m = monthStartDay(options.windowStart); m <= anchor; m = monthStartDay(m, 1)) months.push(m);
  const buckets = months.map((month) => {
    const reps = team.reps.filter((r) => activeInMonth(r, month));
    const cumulative: number[] = [];
    let total = 0;
    for (const rep of reps) cumulative.push((total += rep.weight * rampFactor(rep, month)));
    return { reps, cumulative, total };
  });
  // Weight of each month: the reps working in it (by weight and ramp) times the days of it inside the window.
  const monthDays = months.map((month) => Math.min(anchor + 1, monthStartDay(month, 1)) - month);
  const monthCumulative: number[] = [];
  let weightDays = 0;
  buckets.forEach((b, i) => monthCumulative.push((weightDays += b.total * (monthDays[i] as number))));
  const weightMonths = buckets.reduce(
    (sum, b, i) =>
      sum + (b.total * (monthDays[i] as number)) / (monthStartDay(months[i] as number, 1) - (months[i] as number)),
    0,
  );
  const creationDay = (i: number): number => {
    const target = ((i + random.next()) / opportunities) * weightDays;
    let m = 0;
    while (m < months.length - 1 && (monthCumulative[m] as number) <= target) m++;
    const before = m === 0 ? 0 : (monthCumulative[m - 1] as number);
    const inMonth = (monthCumulative[m] as number) - before;
    const fraction = inMonth > 0 ? (target - before) / inMonth : 0;
    return (
      (months[m] as number) + Math.min((monthDays[m] as number) - 1, Math.floor(fraction * (monthDays[m] as number)))
    );
  };
  return {
    dealsPerRepMonth: opportunities / weightMonths,
    slot(i) {
      let createdDay = creationDay(i);
      const bucket = buckets[months.indexOf(monthStartDay(createdDay))] ?? buckets[buckets.length - 1];
      const rep = (
        bucket && bucket.reps.length > 0 ? bucket.reps[pickWeighted(bucket.cumulative, random)] : team.reps[0]
      ) as RepProfile;
      createdDay = Math.max(createdDay, rep.hireDay);
      if (rep.leaveDay !== null) createdDay = Math.min(createdDay, rep.leaveDay - 1);
      const endDay = rep.leaveDay === null ? anchor : Math.min(anchor, rep.leaveDay - 1);
      const regionAccounts = accounts.byRegion.get(rep.region) ?? [];
      const accountIndex =
        rep.accounts.length > 0 && random.chance(0.85)
          ? random.pick(rep.accounts)
          : regionAccounts.length > 0
            ? random.pick(regionAccounts)
            : random.int(0, accounts.accounts.length - 1);
      const account = accounts.accounts[accountIndex] as AccountProfile;
      return { rep, account, accountIndex, createdDay, endDay };
    },
  };
}
