import type { Row } from './catalog.js';
import { CORPORATE_CURRENCY } from './catalog.js';
import type { Random } from './random.js';
import type { KeyPrefixObject } from './salesforceId.js';
import type { SampleSize } from './sampleSize.js';
import { monthStartDay, utcDateTime, ymdOf } from './orgTime.js';

/** What the deal simulator needs to know about one rep. */
export interface RepProfile {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly team: number;
  readonly currency: string;
  readonly hireDay: number;
  /** First day the rep is gone (User.IsActive = false); null while employed. */
  readonly leaveDay: number | null;
  /** Share of new deals relative to peers. */
  readonly weight: number;
  /** Logit shift of every stage's advance probability: the rep's overall win skill. */
  readonly skill: number;
  /** Extra logit shift per open stage: where this rep's funnel leaks. */
  readonly stageSkill: readonly number[];
  /** Multiplier of days spent in each stage. */
  readonly speed: number;
  /** Median new-deal amount in US dollars. */
  readonly amountMedianUsd: number;
  readonly territoryIds: string[];
  /** Indices (into the account list) of the accounts the rep owns. */
  readonly accounts: number[];
}

export interface SalesTeam {
  readonly roles: Row[];
  readonly users: Row[];
  readonly reps: RepProfile[];
  readonly vpId: string;
  /** Manager user Ids by region (a region has one or more teams). */
  readonly managersByRegion: ReadonlyMap<string, string[]>;
  /** Regions that have at least one team. */
  readonly regions: readonly string[];
}

const FIRST = [
  'Ava',
  'Ben',
  'Chloe',
  'Diego',
  'Elena',
  'Farah',
  'Gabriel',
  'Hana',
  'Ivan',
  'Jade',
  'Kenji',
  'Lena',
  'Marco',
  'Nadia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tara',
  'Umar',
  'Vera',
  'Wei',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Aiko',
  'Bruno',
  'Clara',
  'Dev',
  'Emil',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Kira',
  'Luca',
  'Mira',
  'Noah',
  'Olga',
];
const LAST = [
  'Adams',
  'Becker',
  'Chen',
  'Dubois',
  'Evans',
  'Fischer',
  'García',
  'Hoffmann',
  'Ito',
  'Jensen',
  'Kowalski',
  'López',
  'Müller',
  'Nakamura',
  'O’Brien',
  'Patel',
  'Quintero',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Umeh',
  'Virtanen',
  'Wagner',
  'Xu',
  'Yamamoto',
  'Zimmermann',
  'Andersson',
  'Bianchi',
  'Costa',
  'Dahl',
  'Eriksen',
  'Fontaine',
  'Gupta',
  'Haas',
  'Iyer',
  'Jovanović',
  'Kim',
  'Larsen',
  'Moreau',
  'Novak',
];

/**
 * Deal currency and user locale of a rep (multi-currency orgs only; otherwise USD everywhere): EMEA teams sell
 * in euros and pounds, APAC teams in yen and dollars, North America in dollars. `seat` is the rep's position in
 * the team; managers take seat 0.
 */
function repLocale(
  region: string,
  seat: number,
  multiCurrency: boolean,
): { currency: string; language: string; locale: string } {
  if (region === 'EMEA') {
    if (seat % 2 === 0)
      return { currency: multiCurrency ? 'EUR' : CORPORATE_CURRENCY, language: 'de', locale: 'de_DE' };
    return { currency: multiCurrency ? 'GBP' : CORPORATE_CURRENCY, language: 'en_GB', locale: 'en_GB' };
  }
  if (region === 'APAC' && seat % 2 === 0) {
    return { currency: multiCurrency ? 'JPY' : CORPORATE_CURRENCY, language: 'ja', locale: 'ja_JP' };
  }
  return { currency: CORPORATE_CURRENCY, language: 'en_US', locale: 'en_US' };
}

/**
 * The role hierarchy (VP → one manager per team → the team's reps) and its users: tenured reps, reps hired
 * during the window, ramping reps hired in the last months, and reps who left (inactive users).
 */
export function buildSalesTeam(
  random: Random,
  size: SampleSize,
  newId: (object: KeyPrefixObject) => string,
  windowStart: number,
  anchor: number,
): SalesTeam {
  const teams = Math.ceil(size.reps / size.repsPerTeam);
  const regions = size.regions.slice(0, Math.max(1, Math.min(size.regions.length, teams)));
  const roles: Row[] = [];
  const users: Row[] = [];
  const reps: RepProfile[] = [];
  const managersByRegion = new Map<string, string[]>();
  let userCount = 0;

  const user = (
    roleId: string,
    managerId: string | null,
    hireDay: number,
    active: boolean,
    locale: { currency: string; language: string; locale: string },
  ): { id: string; name: string } => {
    const n = userCount++;
    const first = FIRST[n % FIRST.length] as string;
    const last = LAST[(n * 7 + Math.floor(n / FIRST.length)) % LAST.length] as string;
    const id = newId('User');
    const name = `${first} ${last}`;
    users.push({
      Id: id,
      Name: name,
      Username: `${first.toLowerCase()}.${n + 1}@sample.salesops.dev`,
      IsActive: active,
      UserRoleId: roleId,
      ManagerId: managerId,
      CreatedDate: utcDateTime(hireDay, 9, random.int(0, 59), random.int(0, 59)),
      LanguageLocaleKey: locale.language,
      LocaleSidKey: locale.locale,
      DefaultCurrencyIsoCode: locale.currency,
    });
    return { id, name };
  };

  const vpRoleId = newId('UserRole');
  const usLocale = repLocale('NA-West', 0, size.multiCurrency);
  const vp = user(vpRoleId, null, windowStart - random.int(1500, 2500), true, usLocale);
  roles.push({ Id: vpRoleId, Name: 'VP Sales', ParentRoleId: null, ForecastUserId: vp.id });

  // Fixed positions make the edge cases present in every org with enough reps, whatever the seed.
  const forcedLeaver = size.reps >= 10 ? 4 : -1;
  const forcedRamping = size.reps >= 10 ? 7 : -1;
  let repIndex = 0;
  for (let team = 0; team < teams; team++) {
    const region = regions[team % regions.length] as string;
    const teamInRegion = Math.floor(team / regions.length) + 1;
    const managerRoleId = newId('UserRole');
    const repRoleId = newId('UserRole');
    const manager = user(
      managerRoleId,
      vp.id,
      windowStart - random.int(400, 2500),
      true,
      repLocale(region, 0, size.multiCurrency),
    );
    managersByRegion.set(region, [...(managersByRegion.get(region) ?? []), manager.id]);
    roles.push({
      Id: managerRoleId,
      Name: `${region} Sales Manager ${teamInRegion}`,
      ParentRoleId: vpRoleId,
      ForecastUserId: manager.id,
    });
    roles.push({
      Id: repRoleId,
      Name: `${region} Account Executive ${teamInRegion}`,
      ParentRoleId: managerRoleId,
      ForecastUserId: null,
    });
    const teamSize = Math.min(size.repsPerTeam, size.reps - repIndex);
    for (let i = 0; i < teamSize; i++, repIndex++) {
      const locale = repLocale(region, i, size.multiCurrency);
      const tenure = random.next();
      const ramping = repIndex === forcedRamping || (size.reps >= 10 && repIndex !== forcedLeaver && tenure > 0.92);
      const hireDay = ramping
        ? anchor - random.int(20, 150)
        : tenure < 0.75 || repIndex === forcedLeaver
          ? windowStart - random.int(30, 1800)
          : windowStart + random.int(0, Math.max(1, anchor - windowStart - 300));
      const leaves =
        !ramping &&
        (repIndex === forcedLeaver || (size.reps >= 10 && repIndex !== forcedRamping && random.chance(0.06)));
      const earliestLeave = Math.max(hireDay + 180, windowStart + 90);
      const leaveDay = leaves && earliestLeave < anchor - 30 ? random.int(earliestLeave, anchor - 30) : null;
      const rep = user(repRoleId, manager.id, hireDay, leaveDay === null, locale);
      reps.push({
        id: rep.id,
        name: rep.name,
        region,
        team,
        currency: locale.currency,
        hireDay,
        leaveDay,
        weight: random.between(0.7, 1.3),
        skill: random.normal() * 0.35,
        stageSkill: Array.from({ length: 8 }, () => random.normal() * 0.3),
        speed: random.logNormal(1, 0.25),
        amountMedianUsd: random.logNormal(24_000, 0.35),
        territoryIds: [],
        accounts: [],
      });
    }
  }
  return { roles, users, reps, vpId: vp.id, managersByRegion, regions };
}

/** Share of full quota and of deal flow in a rep's first months: 25 %, 50 %, 75 %, then 100 %. */
export function rampFactor(rep: RepProfile, monthStart: number): number {
  const hire = ymdOf(monthStartDay(rep.hireDay));
  const month = ymdOf(monthStart);
  const months = (month.year - hire.year) * 12 + (month.month - hire.month);
  return months < 0 ? 0 : months >= 3 ? 1 : (months + 1) / 4;
}

/** True when the rep works during some of the month that starts on `monthStart`. */
export function activeInMonth(rep: RepProfile, monthStart: number): boolean {
  return rep.hireDay < monthStartDay(monthStart, 1) && (rep.leaveDay === null || rep.leaveDay > monthStart);
}
