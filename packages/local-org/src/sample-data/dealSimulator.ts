import {
  CLOSED_LOST,
  CLOSED_WON,
  forecastCategoryApiValue,
  roundToCurrency,
  OPEN_STAGES,
  type ForecastCategoryLabel,
  type Row,
  type SampleCurrency,
  type SampleProduct,
  type SampleStage,
} from './catalog.js';
import type { AccountProfile } from './accounts.js';
import { pickWeighted, type Random } from './random.js';
import type { RepProfile } from './salesTeam.js';
import { isoOf, monthEndDay, utcDateTime } from './orgTime.js';

/** Chance that a deal moves on from each open stage rather than being lost there (before the rep's skill). */
const ADVANCE = [0.8, 0.85, 0.88, 0.88, 0.9, 0.92, 0.85, 0.85];
/** Median days a deal spends in each open stage (before the rep's speed). */
const DWELL_DAYS = [9, 11, 14, 14, 12, 10, 16, 14];
const PERCEPTION_ANALYSIS = 5;
const TYPES_NEW = 'New Business';
const TYPES_EXISTING = 'Existing Business';
const LEAD_SOURCES = ['Web', 'Partner Referral', 'Phone Inquiry', 'Purchased List', 'Employee Referral', 'Other'];
const NEXT_STEPS = [
  'Send proposal',
  'Schedule demo',
  'Security review',
  'Legal redlines',
  'Confirm budget',
  'Executive sponsor call',
];
const DEAL_KINDS = ['Platform', 'Expansion', 'Renewal', 'Pilot', 'New Seats', 'Upgrade'];

export interface DealContext {
  readonly random: Random;
  readonly rep: RepProfile;
  readonly account: AccountProfile;
  readonly currency: SampleCurrency;
  readonly createdDay: number;
  /** Last day anything may happen to the deal: the anchor date, or the day before its owner left. */
  readonly endDay: number;
  readonly products: readonly SampleProduct[];
  readonly productWeights: readonly number[];
  readonly opportunityId: string;
  readonly newHistoryId: () => string;
  readonly newLineItemId: () => string;
}

export interface SimulatedDeal {
  readonly opportunity: Row;
  /** OpportunityHistory rows in change order; the last one holds the deal's current values. */
  readonly history: Row[];
  readonly lineItems: Row[];
}

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Simulates one deal from creation to close (or to the end of the data): stage progressions with
 * stage-dependent advance rates shifted by the owner's skill, close-date pushes when the close date passes (and
 * now and then before), amount changes, losses, and the odd lost deal reopened weeks later. Every change is an
 * OpportunityHistory row, so replaying the history reproduces the deal at any date.
 */
export function simulateDeal(ctx: DealContext): SimulatedDeal {
  const { random, rep, account, currency } = ctx;
  const history: Row[] = [];
  const roundAmount = (usd: number): number => roundToCurrency(usd * currency.rate, currency);
  const changeAmount = (value: number): number => roundToCurrency(value * random.between(0.7, 1.2), currency);

  let stageIndex = random.chance(0.12) ? 1 : 0;
  let stage: SampleStage = OPEN_STAGES[stageIndex] as SampleStage;
  let category: ForecastCategoryLabel = stage.category;
  let amount: number | null = random.chance(0.03)
    ? null
    : roundAmount(random.logNormal(rep.amountMedianUsd, 0.8) * account.sizeFactor);
  let closeDay = ctx.createdDay + Math.max(14, Math.round(random.logNormal(110, 0.45)));
  if (random.chance(0.4)) closeDay = monthEndDay(closeDay);
  let day = ctx.createdDay;
  let lastDay = -1;
  let lastSecond = 0;
  // A stalled deal stops moving at some stage and is never updated again: old open deals with past close dates.
  const stalls = random.chance(0.02);

  const record = (): void => {
    let second: number;
    if (day === lastDay) {
      second = Math.min(86_399, lastSecond + random.int(60, 7200));
    } else {
      second = random.chance(0.97) ? random.int(8 * 3600, 19 * 3600 - 1) : random.int(19 * 3600, 86_399);
    }
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
      ForecastCategory: forecastCategoryApiValue[category],
      ExpectedRevenue: amount === null ? null : Math.round(amount * stage.probability) / 100,
    });
  };

  const enterStage = (index: number): void => {
    stageIndex = index;
    stage = OPEN_STAGES[index] as SampleStage;
    category = stage.category;
    if (stage.name === 'Proposal/Price Quote' && random.chance(0.25)) category = 'Commit';
    else if (stage.name === 'Negotiation/Review' && random.chance(0.2)) category = 'Best Case';
    else if (index >= 3 && index <= 5 && random.chance(0.1)) category = 'Best Case';
    else if (random.chance(0.02)) category = 'Omitted';
  };

  record();
  while (!stage.isClosed) {
    if (stalls && random.chance(0.35)) break;
    const dwell = DWELL_DAYS[stageIndex] as number;
    let nextDay = day + Math.max(1, Math.round(random.logNormal(dwell * rep.speed, 0.6)));

    // The close date passes before the next move: most reps push it; some leave it stale.
    while (closeDay < Math.min(nextDay, ctx.endDay + 1) && random.chance(0.75)) {
      day = Math.max(day, closeDay + random.int(0, 5));
      if (day > ctx.endDay) break;
      const pushed = closeDay + random.int(14, 60);
      closeDay = random.chance(0.5) ? monthEndDay(pushed) : pushed;
      record();
      nextDay = Math.max(nextDay, day);
    }
    if (day > ctx.endDay || nextDay > ctx.endDay) break;
    day = nextDay;

    const advance = logistic(logit(ADVANCE[stageIndex] as number) + rep.skill + (rep.stageSkill[stageIndex] as number));
    if (!random.chance(advance)) {
      stage = CLOSED_LOST;
      category = stage.category;
      closeDay = day;
      record();
      // Now and then a lost deal comes back weeks later.
      const reopenDay = day + random.int(10, 60);
      if (random.chance(0.04) && reopenDay <= ctx.endDay) {
        day = reopenDay;
        enterStage(random.chance(0.5) ? 1 : 6);
        closeDay = day + random.int(30, 75);
        record();
      }
      continue;
    }
    if (stageIndex === OPEN_STAGES.length - 1) {
      stage = CLOSED_WON;
      category = stage.category;
      closeDay = day;
      if (amount === null) amount = roundAmount(random.logNormal(rep.amountMedianUsd, 0.8) * account.sizeFactor);
      record();
      break;
    }
    let next = stageIndex + 1;
    if (next === PERCEPTION_ANALYSIS && random.chance(0.7)) next++;
    enterStage(next);
    if (amount === null && stageIndex >= 3)
      amount = roundAmount(random.logNormal(rep.amountMedianUsd, 0.8) * account.sizeFactor);
    const amountChange = random.chance(0.2);
    if (amountChange && random.chance(0.5) && amount !== null) amount = changeAmount(amount);
    if (random.chance(0.08)) {
      const pushed = closeDay + random.int(7, 45);
      closeDay = random.chance(0.5) ? monthEndDay(pushed) : pushed;
    }
    record();
    // Several changes on one day: the amount is revised a little later the same day.
    if (amountChange && amount !== null && lastDay === day && random.chance(0.5)) {
      amount = changeAmount(amount);
      record();
    }
  }

  const last = history[history.length - 1] as Row;
  const open = !stage.isClosed;
  const lastChange = lastDay;
  const lineItems = amount === null ? [] : splitIntoLineItems(ctx, amount);
  const isExisting = account.isCustomer && random.chance(0.7);
  const opportunity: Row = {
    Id: ctx.opportunityId,
    Name: `${account.name} ${random.pick(DEAL_KINDS)}`,
    AccountId: account.id,
    OwnerId: rep.id,
    Amount: amount,
    Probability: stage.probability,
    StageName: stage.name,
    ForecastCategoryName: category,
    CloseDate: last['CloseDate'],
    CreatedDate: history[0]?.['CreatedDate'],
    IsClosed: stage.isClosed,
    IsWon: stage.isWon,
    Type: isExisting ? TYPES_EXISTING : TYPES_NEW,
    LeadSource: random.chance(0.9) ? random.pick(LEAD_SOURCES) : null,
    NextStep: open && random.chance(0.6) ? random.pick(NEXT_STEPS) : null,
    LastActivityDate: random.chance(0.9)
      ? isoOf(Math.min(ctx.endDay, lastChange + (open ? random.int(0, 20) : 0)))
      : null,
    Territory2Id: territoryOf(account, random),
    CurrencyIsoCode: currency.isoCode,
  };
  return { opportunity, history, lineItems };
}

/** The deal's territory: the account's when it has one; for an account in two, either of them or none. */
export function territoryOf(account: AccountProfile, random: Random): string | null {
  if (account.territoryIds.length === 1) return account.territoryIds[0] as string;
  if (account.territoryIds.length > 1 && random.chance(0.5)) return random.pick(account.territoryIds);
  return null;
}

/** One to three product lines whose totals add up to the amount exactly (in cents). */
export function splitIntoLineItems(
  ctx: Pick<DealContext, 'random' | 'products' | 'productWeights' | 'opportunityId' | 'newLineItemId'>,
  amount: number,
): Row[] {
  const { random } = ctx;
  const lines = random.int(1, 3);
  const weights = Array.from({ length: lines }, () => random.between(0.2, 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const cents = Math.round(amount * 100);
  let remaining = cents;
  return weights.map((w, i) => {
    const share = i === lines - 1 ? remaining : Math.round((cents * w) / totalWeight);
    remaining -= share;
    const product = ctx.products[pickWeighted(ctx.productWeights, random)] as SampleProduct;
    return {
      Id: ctx.newLineItemId(),
      OpportunityId: ctx.opportunityId,
      Product2Id: product.id,
      Quantity: random.int(1, 40),
      TotalPrice: share / 100,
    };
  });
}
