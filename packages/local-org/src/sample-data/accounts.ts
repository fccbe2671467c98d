import type { Row } from './catalog.js';
import { pickWeighted, type Random } from './random.js';
import type { KeyPrefixObject } from './salesforceId.js';
import type { SalesTeam } from './salesTeam.js';
import { UNCOVERED_REGION, type TerritoryPlan } from './territoryModel.js';
import { isoOf } from './orgTime.js';

export interface AccountProfile {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  /** Active-model territories the account is assigned to (none, one, or two for an overlap). */
  readonly territoryIds: readonly string[];
  readonly ownerId: string;
  /** Multiplier of deal amounts from the account's size. */
  readonly sizeFactor: number;
  readonly isCustomer: boolean;
  readonly country: string;
}

export interface AccountPlan {
  readonly accounts: AccountProfile[];
  readonly rows: Row[];
  readonly territoryAssociations: Row[];
  /** Account indices per region. */
  readonly byRegion: ReadonlyMap<string, readonly number[]>;
}

const PREFIX = [
  'North',
  'Blue',
  'Silver',
  'Bright',
  'Iron',
  'Cedar',
  'Summit',
  'Harbor',
  'Nova',
  'Red',
  'Atlas',
  'Pine',
  'Vector',
  'Lumen',
  'Granite',
  'Orbit',
];
const STEM = ['wind', 'field', 'stone', 'bridge', 'peak', 'line', 'works', 'path', 'gate', 'crest', 'wave', 'forge'];
const SUFFIX = [
  'Labs',
  'Systems',
  'Group',
  'Logistics',
  'Health',
  'Energy',
  'Retail',
  'Capital',
  'Foods',
  'Robotics',
  'Media',
  'AG',
  'GmbH',
  'KK',
  'Ltd',
  'SA',
];
const INDUSTRIES = [
  'Technology',
  'Manufacturing',
  'Healthcare',
  'Financial Services',
  'Retail',
  'Energy',
  'Media',
  'Transportation',
  'Education',
  'Government',
];
const GEOGRAPHY: Record<string, ReadonlyArray<readonly [string, string | null]>> = {
  'NA-West': [
    ['United States', 'CA'],
    ['United States', 'WA'],
    ['United States', 'OR'],
    ['United States', 'AZ'],
    ['Canada', 'BC'],
  ],
  'NA-East': [
    ['United States', 'NY'],
    ['United States', 'MA'],
    ['United States', 'GA'],
    ['United States', 'FL'],
    ['Canada', 'ON'],
  ],
  EMEA: [
    ['Germany', null],
    ['France', null],
    ['United Kingdom', null],
    ['Netherlands', null],
    ['Sweden', null],
  ],
  APAC: [
    ['Japan', null],
    ['Australia', 'NSW'],
    ['Singapore', null],
    ['India', null],
  ],
  [UNCOVERED_REGION]: [
    ['Brazil', null],
    ['Mexico', null],
    ['Chile', null],
  ],
};

/**
 * Accounts spread over the regions in proportion to their reps, with 5 % in the uncovered LATAM territory, 5 %
 * with no territory at all and 2 % assigned to two territories of their region. Each account is owned by a rep of
 * its territory (the VP for LATAM).
 */
export function buildAccounts(
  random: Random,
  count: number,
  team: SalesTeam,
  territories: TerritoryPlan,
  newId: (object: KeyPrefixObject) => string,
  anchor: number,
): AccountPlan {
  const regionWeights = team.regions.map((region) => team.reps.filter((r) => r.region === region).length);
  const cumulative: number[] = [];
  regionWeights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const repsById = new Map(team.reps.map((r) => [r.id, r]));
  const accounts: AccountProfile[] = [];
  const rows: Row[] = [];
  const territoryAssociations: Row[] = [];
  const byRegion = new Map<string, number[]>();

  for (let i = 0; i < count; i++) {
    const roll = random.next();
    const uncovered = count >= 12 && roll < 0.05;
    const unassigned = !uncovered && count >= 12 && (roll < 0.1 || i === 1);
    const region = uncovered ? UNCOVERED_REGION : (team.regions[pickWeighted(cumulative, random)] as string);
    const leaves = territories.leavesByRegion.get(region) ?? [];
    const territoryIds: string[] = [];
    if (!unassigned && leaves.length > 0) {
      const first = random.pick(leaves);
      territoryIds.push(first);
      if (leaves.length > 1 && (random.chance(0.02) || i === 2))
        territoryIds.push(leaves.find((t) => t !== first) as string);
    }
    const candidates =
      territoryIds.length > 0
        ? (territories.repsByTerritory.get(territoryIds[0] as string) ?? [])
        : team.reps.filter((r) => r.region === region).map((r) => r.id);
    const activeCandidates = candidates.filter((id) => repsById.get(id)?.leaveDay === null);
    const ownerId =
      activeCandidates.length > 0
        ? random.pick(activeCandidates)
        : candidates.length > 0
          ? random.pick(candidates)
          : team.vpId;
    const revenue = random.chance(0.03) ? null : Math.round(random.logNormal(50_000_000, 1.2) / 1000) * 1000;
    const n = i;
    const name =
      `${PREFIX[n % PREFIX.length]}${STEM[Math.floor(n / PREFIX.length) % STEM.length]} ${SUFFIX[Math.floor(n / (PREFIX.length * STEM.length)) % SUFFIX.length]}` +
      (n >= PREFIX.length * STEM.length * SUFFIX.length
        ? ` ${Math.floor(n / (PREFIX.length * STEM.length * SUFFIX.length)) + 1}`
        : '');
    const isCustomer = random.chance(0.45);
    const [country, state] = random.pick(GEOGRAPHY[region] ?? [['United States', null]]);
    const id = newId('Account');
    accounts.push({
      id,
      name,
      region,
      territoryIds,
      ownerId,
      sizeFactor: Math.min(1.8, Math.max(0.6, ((revenue ?? 50_000_000) / 50_000_000) ** 0.2)),
      isCustomer,
      country: country as string,
    });
    rows.push({
      Id: id,
      Name: name,
      OwnerId: ownerId,
      Industry: random.pick(INDUSTRIES),
      AnnualRevenue: revenue,
      NumberOfEmployees: revenue === null ? null : Math.max(5, Math.round(revenue / 180_000)),
      BillingCountry: country,
      BillingState: state,
      Type: isCustomer ? 'Customer' : 'Prospect',
      LastActivityDate: random.chance(0.8) ? isoOf(anchor - random.int(0, 120)) : null,
    });
    for (const territoryId of territoryIds) {
      territoryAssociations.push({
        Id: newId('ObjectTerritory2Association'),
        ObjectId: id,
        Territory2Id: territoryId,
        AssociationCause: random.chance(0.7) ? 'Territory2AssignmentRule' : 'Territory2Manual',
      });
    }
    const regionAccounts = byRegion.get(region);
    if (regionAccounts) regionAccounts.push(i);
    else byRegion.set(region, [i]);
    repsById.get(ownerId)?.accounts.push(i);
  }
  return { accounts, rows, territoryAssociations, byRegion };
}
