import { CORPORATE_CURRENCY, type Row } from './catalog.js';
import type { Random } from './random.js';
import type { KeyPrefixObject } from './salesforceId.js';
import { activeInMonth, rampFactor, type RepProfile } from './salesTeam.js';
import type { TerritoryPlan } from './territoryModel.js';
import { isoOf, monthStartDay } from './orgTime.js';

/** Win rate of a rep from creation (the product of the stage advance rates), for sizing quotas. */
const TYPICAL_WIN_RATE = 0.34;
/**
 * Share of last year's new-business quota that comes back as renewals: about a third of the deal flow's slots are
 * taken by renewals, so the new deals' quota overstates what was won, and about 90 % of it renews.
 */
const RENEWED_NEW_BUSINESS = 0.5;
/** Mean of a log-normal amount with sigma 0.8, relative to its median. */
const MEAN_OVER_MEDIAN = Math.exp(0.8 ** 2 / 2);

export interface QuotaInput {
  readonly random: Random;
  readonly reps: readonly RepProfile[];
  readonly territories: TerritoryPlan;
  /** New deals per rep and month for a rep of weight 1 at full ramp. */
  readonly dealsPerRepMonth: number;
  /** First days of the months that get quotas. */
  readonly months: readonly number[];
  readonly monthPeriodIds: ReadonlyMap<number, string>;
  readonly forecastingTypeId: string;
  readonly quotaObject: 'ForecastingQuota' | 'SalesOps_Quota__c';
  readonly multiCurrency: boolean;
  readonly newId: (object: KeyPrefixObject) => string;
  /**
   * Expected renewal bookings (US dollars) of the installed base for a rep in a month: reps renew the terms they
   * booked, so their quotas carry the renewals beside new business.
   */
  readonly renewalsPerMonth: (rep: RepProfile, month: number) => number;
  /** Receives each quota row as it is made (rows scale with reps × months, so they stream). */
  readonly write: (row: Row) => Promise<void>;
}

/**
 * Monthly quotas per rep, sized from the rep's expected bookings (new deals: deal flow × typical win rate × mean deal
 * size, reduced while ramping; and renewals) times a stretch of 0–30 %, rounded to the thousand, and only for months
 * the rep works.
 * Collaborative Forecasts orgs also get a territory quota per leaf territory: the sum of its reps' quotas that month.
 */
export async function writeQuotas(input: QuotaInput): Promise<void> {
  const { random } = input;
  const fullQuota = new Map<string, number>();
  const stretch = new Map<string, number>();
  for (const rep of input.reps) {
    const expected = input.dealsPerRepMonth * rep.weight * TYPICAL_WIN_RATE * rep.amountMedianUsd * MEAN_OVER_MEDIAN;
    stretch.set(rep.id, random.between(1, 1.3));
    fullQuota.set(rep.id, Math.max(5000, Math.round((expected * (stretch.get(rep.id) as number)) / 1000) * 1000));
  }
  const newBusiness = (rep: RepProfile, month: number | undefined): number =>
    month !== undefined && activeInMonth(rep, month) ? (fullQuota.get(rep.id) as number) * rampFactor(rep, month) : 0;
  for (const [i, month] of input.months.entries()) {
    const monthQuota = new Map<string, number>();
    for (const rep of input.reps) {
      if (!activeInMonth(rep, month)) continue;
      // Renewals: the installed base's terms, and the terms won the same month a year before.
      const renewals = input.renewalsPerMonth(rep, month) * (stretch.get(rep.id) as number);
      const amount =
        Math.round(
          (newBusiness(rep, month) + RENEWED_NEW_BUSINESS * newBusiness(rep, input.months[i - 12]) + renewals) / 1000,
        ) * 1000;
      monthQuota.set(rep.id, amount);
      await input.write(quotaRow(input, month, rep.id, null, amount));
    }
    if (input.quotaObject !== 'ForecastingQuota') continue;
    // A territory's quota is its reps' quotas of the month (every rep has one territory), so that territory and rep
    // quotas tie out to the same org total (docs/rollups.md).
    for (const [territoryId, repIds] of input.territories.repsByTerritory) {
      const owners = repIds.filter((id) => monthQuota.has(id));
      if (owners.length === 0) continue;
      const sum = owners.reduce((s, id) => s + (monthQuota.get(id) ?? 0), 0);
      await input.write(quotaRow(input, month, null, territoryId, sum));
    }
  }
}

function quotaRow(
  input: QuotaInput,
  month: number,
  repId: string | null,
  territoryId: string | null,
  amount: number,
): Row {
  if (input.quotaObject === 'SalesOps_Quota__c') {
    const start = isoOf(month);
    const end = isoOf(monthStartDay(month, 1) - 1);
    return {
      Id: input.newId('SalesOps_Quota__c'),
      // As the object's validation rule Key_Matches_Quota requires (core's quotaKey).
      Key__c: `quota|${repId ?? ''}|${territoryId ?? ''}|${start}..${end}`,
      Rep__c: repId,
      Territory_Id__c: territoryId,
      Period_Start__c: start,
      Period_End__c: end,
      Amount__c: amount,
    };
  }
  return {
    Id: input.newId('ForecastingQuota'),
    QuotaOwnerId: repId,
    StartDate: isoOf(month),
    PeriodId: input.monthPeriodIds.get(month) ?? null,
    QuotaAmount: amount,
    QuotaQuantity: null,
    ForecastingTypeId: input.forecastingTypeId,
    Territory2Id: territoryId,
    ProductFamily: null,
    CurrencyIsoCode: input.multiCurrency ? CORPORATE_CURRENCY : undefined,
  };
}
