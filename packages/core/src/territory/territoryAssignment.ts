import type { Account, Opportunity } from '../model/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';

/** Account fields that can stand in for territories in an org without Enterprise Territory Management. */
export const TERRITORY_ACCOUNT_FIELDS = ['BillingCountry', 'BillingState', 'Industry', 'Type'] as const;
export type TerritoryAccountField = (typeof TERRITORY_ACCOUNT_FIELDS)[number];

/** A `--territory-field` that is not one of the Account fields the engine reads. */
export class TerritoryFieldError extends Error {
  override readonly name = 'TerritoryFieldError';
  constructor(readonly field: string) {
    super(
      `"${field}" is not an Account field territories can be taken from; use one of ${TERRITORY_ACCOUNT_FIELDS.join(', ')}`,
    );
  }
}

/**
 * Which territories accounts and deals belong to, and which reps cover them. With Enterprise Territory
 * Management: the active model's ObjectTerritory2Association / UserTerritory2Association rows. Without it (or
 * when a field is named): the value of an Account field is the territory and the owners of its accounts are its
 * reps.
 */
export interface TerritoryAssignment {
  readonly mode: 'territory-management' | 'account-field';
  /** The Account field territories are taken from (account-field mode), else null. */
  readonly field: TerritoryAccountField | null;
  /** Territory ids (Territory2 Ids, or the field values) with their display names, sorted by name. */
  readonly territories: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  accountTerritories(accountId: string): readonly string[];
  accountsOf(territoryId: string): readonly string[];
  /** Active users who cover the territory. */
  repsOf(territoryId: string): readonly string[];
  /** The territories a user covers. */
  territoriesOfRep(userId: string): readonly string[];
  /**
   * The territory a deal's figures count for (metrics.md "Territory coverage"): `Opportunity.Territory2Id` when set
   * (and in the active model), else the account's territory when it has exactly one; else null (unassigned).
   */
  territoryOfDeal(opportunity: Opportunity): string | null;
}

/**
 * The territory assignment of an org: its active territory model, or `field` of Account when given (or when the
 * org has no active model, with BillingCountry as the default field).
 *
 * @example
 * territoryAssignment(snapshot).territoryOfDeal(opportunity); // '0MI…' or null
 * territoryAssignment(snapshot, 'BillingCountry').accountsOf('Germany');
 */
export function territoryAssignment(snapshot: OrgSnapshot, field?: string): TerritoryAssignment {
  if (field === undefined && snapshot.activeTerritoryModel !== null) return fromTerritoryManagement(snapshot);
  const name = field ?? 'BillingCountry';
  if (!(TERRITORY_ACCOUNT_FIELDS as readonly string[]).includes(name)) throw new TerritoryFieldError(name);
  return fromAccountField(snapshot, name as TerritoryAccountField);
}

function fromTerritoryManagement(snapshot: OrgSnapshot): TerritoryAssignment {
  const activeUser = (id: string) => snapshot.usersById.get(id)?.IsActive === true;
  const repsOf = new Map<string, string[]>();
  const territoriesOfRep = new Map<string, string[]>();
  for (const [territoryId, associations] of snapshot.userTerritoriesByTerritory) {
    const reps = [...new Set(associations.filter((a) => a.IsActive && activeUser(a.UserId)).map((a) => a.UserId))];
    repsOf.set(territoryId, reps);
    for (const rep of reps) {
      const list = territoriesOfRep.get(rep);
      if (list) list.push(territoryId);
      else territoriesOfRep.set(rep, [territoryId]);
    }
  }
  const territories = [...snapshot.territoriesById.values()]
    .map((t) => ({ id: t.Id, name: t.Name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const accountTerritories = (accountId: string) => snapshot.territoriesByAccount.get(accountId) ?? [];
  return {
    mode: 'territory-management',
    field: null,
    territories,
    accountTerritories,
    accountsOf: (id) => snapshot.accountsByTerritory.get(id) ?? [],
    repsOf: (id) => repsOf.get(id) ?? [],
    territoriesOfRep: (id) => territoriesOfRep.get(id) ?? [],
    territoryOfDeal(opportunity) {
      if (opportunity.Territory2Id !== null && snapshot.territoriesById.has(opportunity.Territory2Id)) {
        return opportunity.Territory2Id;
      }
      const list = opportunity.AccountId === null ? [] : accountTerritories(opportunity.AccountId);
      return list.length === 1 ? (list[0] as string) : null;
    },
  };
}

function fromAccountField(snapshot: OrgSnapshot, field: TerritoryAccountField): TerritoryAssignment {
  const valueOf = (account: Account | undefined): string | null => {
    const value = account?.[field];
    return typeof value === 'string' && value.trim() !== '' ? value : null;
  };
  const accountsOf = new Map<string, string[]>();
  const repsOf = new Map<string, Set<string>>();
  const territoriesOfRep = new Map<string, Set<string>>();
  for (const account of snapshot.data.accounts) {
    const territory = valueOf(account);
    if (territory === null) continue;
    const list = accountsOf.get(territory);
    if (list) list.push(account.Id);
    else accountsOf.set(territory, [account.Id]);
    const owner = account.OwnerId;
    if (owner === null || snapshot.usersById.get(owner)?.IsActive !== true) continue;
    if (!repsOf.has(territory)) repsOf.set(territory, new Set());
    repsOf.get(territory)?.add(owner);
    if (!territoriesOfRep.has(owner)) territoriesOfRep.set(owner, new Set());
    territoriesOfRep.get(owner)?.add(territory);
  }
  const accountTerritories = (accountId: string): string[] => {
    const value = valueOf(snapshot.accountsById.get(accountId));
    return value === null ? [] : [value];
  };
  return {
    mode: 'account-field',
    field,
    territories: [...accountsOf.keys()].sort((a, b) => a.localeCompare(b)).map((id) => ({ id, name: id })),
    accountTerritories,
    accountsOf: (id) => accountsOf.get(id) ?? [],
    repsOf: (id) => [...(repsOf.get(id) ?? [])],
    territoriesOfRep: (id) => [...(territoriesOfRep.get(id) ?? [])],
    territoryOfDeal: (opportunity) =>
      opportunity.AccountId === null ? null : (accountTerritories(opportunity.AccountId)[0] ?? null),
  };
}
