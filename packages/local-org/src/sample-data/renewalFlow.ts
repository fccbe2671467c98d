import type { AccountPlan } from './accounts.js';
import type { Row, SampleCurrency, SampleProduct } from './catalog.js';
import type { SimulatedDeal } from './dealSimulator.js';
import type { DealSlot } from './dealFlow.js';
import { dayOf } from './orgTime.js';
import type { Random } from './random.js';
import { RenewalBook, seedInstalledBase } from './renewalBook.js';
import { simulateRenewal } from './renewalSimulator.js';
import type { KeyPrefixObject } from './salesforceId.js';
import type { RepProfile, SalesTeam } from './salesTeam.js';

/** Typical deals a customer's term at the data window's start is worth (sizes the installed base). */
const INSTALLED_TERM_DEALS = 4;

export interface RenewalFlowOptions {
  readonly random: Random;
  readonly team: SalesTeam;
  readonly accounts: AccountPlan;
  readonly windowStart: number;
  readonly anchor: number;
  readonly currencyOf: (isoCodeOrRep: string) => SampleCurrency;
  readonly products: readonly SampleProduct[];
  readonly productWeights: readonly number[];
  readonly newId: (object: KeyPrefixObject) => string;
}

/**
 * The subscription side of the deal stream: a deal slot whose time has come for a pending renewal becomes that
 * renewal (so the org keeps its number of opportunities); other deals get their customer type, and the won ones
 * start a term (`RenewalBook`). Draws from a stream of its own.
 */
export class RenewalFlow {
  private readonly book: RenewalBook;
  private readonly repIndexById: Map<string, number>;
  /** The installed base's yearly recurring amount (US dollars) per rep who booked it. */
  readonly installedUsdByRep: ReadonlyMap<string, number>;

  constructor(private readonly options: RenewalFlowOptions) {
    const { team, accounts, random } = options;
    this.book = new RenewalBook(accounts.accounts.length);
    this.repIndexById = new Map(team.reps.map((r, i) => [r.id, i]));
    this.installedUsdByRep = seedInstalledBase({
      book: this.book,
      random,
      accounts: accounts.accounts,
      reps: team.reps,
      windowStart: options.windowStart,
      termDeals: INSTALLED_TERM_DEALS,
      currencyOf: (rep) => options.currencyOf(rep.currency),
    });
  }

  /** The renewal that takes this slot, simulated; null when none is due by the slot's day. */
  renewalFor(slot: DealSlot): SimulatedDeal | null {
    const contract = this.book.nextDue(slot.createdDay);
    if (!contract) return null;
    const { random, team, accounts, anchor, newId } = this.options;
    const account = accounts.accounts[contract.accountIndex] as (typeof accounts.accounts)[number];
    const day = contract.renewalCreatedDay;
    const booker = team.reps[contract.repIndex] as RepProfile;
    const owner = team.reps[this.repIndexById.get(account.ownerId) ?? -1];
    // The rep who booked the term renews it, else the account's owner: one who stays to the anniversary, else one
    // working on the day it opens, else the rep of the slot.
    const candidates = [booker, owner].filter((r): r is RepProfile => r !== undefined && activeOn(r, day));
    const rep = candidates.find((r) => activeOn(r, contract.anniversary)) ?? candidates[0] ?? slot.rep;
    const deal = simulateRenewal({
      random,
      contract,
      rep,
      account,
      currency: this.options.currencyOf(contract.currency),
      createdDay: Math.max(day, rep.hireDay, this.options.windowStart),
      endDay: rep.leaveDay === null ? anchor : Math.min(anchor, rep.leaveDay - 1),
      products: this.options.products,
      productWeights: this.options.productWeights,
      opportunityId: newId('Opportunity'),
      newHistoryId: () => newId('OpportunityHistory'),
      newLineItemId: () => newId('OpportunityLineItem'),
    });
    this.startTerm(deal.opportunity, contract.accountIndex, this.repIndexById.get(rep.id) ?? contract.repIndex);
    return deal;
  }

  /** Sets a new deal's Type (New Business, or Upgrade while the account has a term) and books it when won. */
  labelDeal(opportunity: Row, slot: DealSlot): void {
    const closeDay = dayOf(String(opportunity['CloseDate']));
    opportunity['Type'] = this.book.typeOf(slot.accountIndex, closeDay);
    this.startTerm(opportunity, slot.accountIndex, this.repIndexById.get(slot.rep.id) ?? 0);
  }

  private startTerm(opportunity: Row, accountIndex: number, repIndex: number): void {
    if (opportunity['IsWon'] !== true || typeof opportunity['Amount'] !== 'number') return;
    const contract = {
      accountIndex,
      repIndex,
      currency: String(opportunity['CurrencyIsoCode']),
      amount: opportunity['Amount'],
    };
    this.book.addWon(contract, dayOf(String(opportunity['CloseDate'])), this.options.random);
  }
}

function activeOn(rep: RepProfile, day: number): boolean {
  return rep.hireDay <= day && (rep.leaveDay === null || day < rep.leaveDay);
}
