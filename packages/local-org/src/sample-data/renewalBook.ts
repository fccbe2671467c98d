import type { AccountProfile } from './accounts.js';
import { roundToCurrency, type SampleCurrency } from './catalog.js';
import { dayOfYmd, ymdOf } from './orgTime.js';
import type { Random } from './random.js';
import { OPPORTUNITY_TYPES } from './renewalTypes.js';
import type { RepProfile } from './salesTeam.js';

/** A won recurring deal waiting for its renewal at its anniversary (one subscription term, renewed on its own). */
export interface Contract {
  readonly accountIndex: number;
  /** The rep who booked it (index into the team's reps). */
  readonly repIndex: number;
  readonly currency: string;
  /** In the contract's currency. */
  readonly amount: number;
  /** The day the term ends and the renewal closes. */
  readonly anniversary: number;
  /** The day the renewal opportunity is opened. */
  readonly renewalCreatedDay: number;
}

/** Days before the anniversary a renewal opportunity is opened. */
const RENEWAL_LEAD_DAYS: readonly [number, number] = [45, 100];
/** Terms a customer account holds when the data window opens (installed base). */
const INSTALLED_CONTRACTS: readonly [number, number] = [1, 1];

/** The same calendar day a year later (28 February for 29 February). */
export function anniversaryOf(day: number): number {
  const { year, month, date } = ymdOf(day);
  return dayOfYmd(year + 1, month, month === 2 ? Math.min(date, 28) : date);
}

/**
 * The subscriptions of the sample org: every won New Business, Upgrade or renewal deal starts a one-year term whose
 * renewal opportunity opens 45–100 days before the anniversary and closes on it. Pending renewals wait in a heap
 * ordered by opening day, so the book holds at most a year of won deals whatever the number of opportunities; an
 * account is a customer (its deals are Upgrades) while one of its terms runs.
 */
export class RenewalBook {
  private readonly heap: Contract[] = [];
  /** Last day of the account's latest term; -Infinity before its first. */
  private readonly subscribedUntil: Float64Array;

  constructor(accounts: number) {
    this.subscribedUntil = new Float64Array(accounts).fill(Number.NEGATIVE_INFINITY);
  }

  /** New Business when no term of the account runs on the close day, else an Upgrade (expansion). */
  typeOf(accountIndex: number, closeDay: number): string {
    return (this.subscribedUntil[accountIndex] as number) >= closeDay
      ? OPPORTUNITY_TYPES.upgrade
      : OPPORTUNITY_TYPES.newBusiness;
  }

  /** Starts the term of a won recurring deal closed on `closeDay`. */
  addWon(contract: Omit<Contract, 'anniversary' | 'renewalCreatedDay'>, closeDay: number, random: Random): void {
    const anniversary = anniversaryOf(closeDay);
    const renewalCreatedDay = anniversary - random.int(RENEWAL_LEAD_DAYS[0], RENEWAL_LEAD_DAYS[1]);
    const at = contract.accountIndex;
    this.subscribedUntil[at] = Math.max(this.subscribedUntil[at] as number, anniversary);
    this.push({ ...contract, anniversary, renewalCreatedDay });
  }

  /** The pending renewal opened earliest, when it opens on or before `day` (removed from the book); else null. */
  nextDue(day: number): Contract | null {
    const top = this.heap[0];
    if (!top || top.renewalCreatedDay > day) return null;
    const last = this.heap.pop() as Contract;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  get pending(): number {
    return this.heap.length;
  }

  private push(contract: Contract): void {
    const heap = this.heap;
    heap.push(contract);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(contract, heap[parent] as Contract)) break;
      heap[i] = heap[parent] as Contract;
      i = parent;
    }
    heap[i] = contract;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const item = heap[i] as Contract;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= heap.length) break;
      if (child + 1 < heap.length && before(heap[child + 1] as Contract, heap[child] as Contract)) child++;
      if (!before(heap[child] as Contract, item)) break;
      heap[i] = heap[child] as Contract;
      i = child;
    }
    heap[i] = item;
  }
}

/** Opening day, then anniversary, then account: a total order, so the heap pops the same sequence on every run. */
function before(a: Contract, b: Contract): boolean {
  if (a.renewalCreatedDay !== b.renewalCreatedDay) return a.renewalCreatedDay < b.renewalCreatedDay;
  if (a.anniversary !== b.anniversary) return a.anniversary < b.anniversary;
  return a.accountIndex < b.accountIndex;
}

/**
 * The installed base: customer accounts (Account.Type Customer) hold one to three terms signed in the year before the
 * data window, so renewals run from its first day and the first year already has a base. A term is worth a few
 * typical deals of the account's owner (`termDeals`), as a subscription bought over years is. Returns each owner's
 * installed yearly recurring amount in US dollars (for quotas).
 */
export function seedInstalledBase(options: {
  readonly book: RenewalBook;
  readonly random: Random;
  readonly accounts: readonly AccountProfile[];
  readonly reps: readonly RepProfile[];
  readonly windowStart: number;
  readonly termDeals: number;
  readonly currencyOf: (rep: RepProfile) => SampleCurrency;
}): Map<string, number> {
  const yearlyUsdByRep = new Map<string, number>();
  const { book, random, reps, windowStart } = options;
  const repIndexById = new Map(reps.map((r, i) => [r.id, i]));
  options.accounts.forEach((account, accountIndex) => {
    if (!account.isCustomer) return;
    const repIndex = repIndexById.get(account.ownerId) ?? random.int(0, reps.length - 1);
    const rep = reps[repIndex] as RepProfile;
    for (let n = random.int(INSTALLED_CONTRACTS[0], INSTALLED_CONTRACTS[1]); n > 0; n--) {
      const currency = options.currencyOf(rep);
      const amountUsd = random.logNormal(rep.amountMedianUsd * options.termDeals, 0.6) * account.sizeFactor;
      const amount = roundToCurrency(amountUsd * currency.rate, currency);
      const signed = windowStart - 365 + random.int(0, 364);
      book.addWon({ accountIndex, repIndex, currency: currency.isoCode, amount }, signed, random);
      yearlyUsdByRep.set(rep.id, (yearlyUsdByRep.get(rep.id) ?? 0) + amount / currency.rate);
    }
  });
  return yearlyUsdByRep;
}
