import {
  CLOSED_LOST,
  CLOSED_WON,
  forecastCategoryApiValue,
  OPEN_STAGES,
  roundToCurrency,
  type Row,
  type SampleStage,
} from './catalog.js';
import { splitIntoLineItems, territoryOf, type DealContext, type SimulatedDeal } from './dealSimulator.js';
import { isoOf, utcDateTime } from './orgTime.js';
import type { Contract } from './renewalBook.js';
import { OPPORTUNITY_TYPES } from './renewalTypes.js';

/**
 * Outcomes of a renewal, per term, as B2B SaaS benchmarks put them (gross retention 85–92 %): the customer leaves
 * (the renewal is lost), renews fewer seats or a lower edition, renews flat, or renews with a price uplift or more
 * seats. Expected dollars kept: 0.94 × (0.14 × 0.725 + 0.86) ≈ 0.90 (GRR); with the uplifts ≈ 0.98.
 */
const CHURN = 0.06;
const DOWNGRADE = 0.14;
const UPLIFT = 0.4;
const QUALIFICATION = OPEN_STAGES[1] as SampleStage;
const PROPOSAL = OPEN_STAGES[6] as SampleStage;
const NEGOTIATION = OPEN_STAGES[7] as SampleStage;

/** A deal's context (createdDay: the contract's opening day, or its owner's first day when hired later). */
export interface RenewalContext extends DealContext {
  readonly contract: Contract;
}

/**
 * A renewal opportunity of one term: opened at Qualification with the current price, quoted at the renewal's amount,
 * negotiated, and closed on the anniversary, won (Type Renewal, or Downgrade when less than the term) or lost (the
 * customer churns, a few weeks before). Past the end of the data it stays open where it got to.
 */
export function simulateRenewal(ctx: RenewalContext): SimulatedDeal {
  const { random, contract, currency } = ctx;
  const churns = random.chance(CHURN);
  const outcome = random.next();
  const factor =
    outcome < DOWNGRADE ? random.between(0.5, 0.95) : outcome < DOWNGRADE + UPLIFT ? random.between(1.03, 1.35) : 1;
  const renewed = roundToCurrency(contract.amount * factor, currency);
  const start = ctx.createdDay;
  const span = contract.anniversary - start;
  const history: Row[] = [];
  let stage = QUALIFICATION;
  let amount = contract.amount;
  let closeDay = contract.anniversary;
  let lastDay = start;
  let lastSecond = -1;
  const record = (day: number): boolean => {
    if (day > ctx.endDay) return false;
    // Business hours; a second change on the same day comes after the first.
    const second =
      day === lastDay && lastSecond >= 0
        ? Math.min(86_399, lastSecond + random.int(60, 7200))
        : random.int(8 * 3600, 19 * 3600 - 1);
    lastDay = day;
    lastSecond = second;
    history.push({
      Id: ctx.newHistoryId(),
      OpportunityId: ctx.opportunityId,
      CreatedDate: utcDateTime(day, Math.floor(second / 3600), Math.floor(second / 60) % 60, second % 60),
      StageName: stage.name,
      Amount: amount,
      CloseDate: isoOf(closeDay),
      Probability: stage.probability,
      ForecastCategory: forecastCategoryApiValue[stage.category],
      ExpectedRevenue: Math.round(amount * stage.probability) / 100,
    });
    return true;
  };

  record(start);
  const steps: Array<() => number> = [
    () => ((stage = PROPOSAL), (amount = renewed), start + Math.round(span * random.between(0.2, 0.45))),
    () => ((stage = NEGOTIATION), start + Math.round(span * random.between(0.55, 0.85))),
    () =>
      churns
        ? ((stage = CLOSED_LOST), (closeDay = contract.anniversary - random.int(0, 25)))
        : ((stage = CLOSED_WON), contract.anniversary),
  ];
  for (const step of steps) {
    const before = { stage, amount, closeDay };
    const day = Math.max(lastDay, step());
    if (!record(day)) {
      ({ stage, amount, closeDay } = before);
      break;
    }
  }

  const open = !stage.isClosed;
  const opportunity: Row = {
    Id: ctx.opportunityId,
    Name: `${ctx.account.name} Renewal ${isoOf(contract.anniversary).slice(0, 4)}`,
    AccountId: ctx.account.id,
    OwnerId: ctx.rep.id,
    Amount: amount,
    Probability: stage.probability,
    StageName: stage.name,
    ForecastCategoryName: stage.category,
    CloseDate: isoOf(closeDay),
    CreatedDate: history[0]?.['CreatedDate'],
    IsClosed: stage.isClosed,
    IsWon: stage.isWon,
    Type: amount < contract.amount ? OPPORTUNITY_TYPES.downgrade : OPPORTUNITY_TYPES.renewal,
    LeadSource: null,
    CampaignId: null,
    NextStep: open ? 'Send renewal quote' : null,
    LastActivityDate: isoOf(lastDay),
    Territory2Id: territoryOf(ctx.account, random),
    CurrencyIsoCode: currency.isoCode,
  };
  return { opportunity, history, lineItems: splitIntoLineItems(ctx, amount) };
}
