import type { Opportunity } from '../model/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { teamHierarchy } from '../hierarchy/index.js';
import { territoryAssignment, territoryTree } from '../territory/index.js';
import type { ScopeMember } from './scopeMembers.js';

export type ForecastScopeType = 'rep' | 'team' | 'territory' | 'org';

/**
 * What a forecast is for: a rep, a team (a manager and everyone below: see `teamHierarchy`), a territory (with every
 * territory below it), or the whole org.
 */
export interface ForecastScope {
  readonly type: ForecastScopeType;
  /** User Id, UserRole Id, Territory2 Id (or the Account field value without territory management), Organization Id. */
  readonly id: string;
  readonly name: string;
}

/** The scopes a whole-org run forecasts, in this order. */
export const FORECAST_SCOPE_TYPES: readonly ForecastScopeType[] = ['org', 'team', 'territory', 'rep'];

/**
 * Which deals belong to a scope (metrics.md "Forecast", "Hierarchy and roll-ups"): a rep's are the deals they own
 * (`OwnerId`); a team's are the deals of its members (`teamHierarchy`); a territory's are the deals attributed to it
 * or to a territory below it (`Opportunity.Territory2Id` when set, else the account's only territory — see
 * `territoryAssignment`); the org's are all deals. Ownership and attribution are the deal's current ones (history does not record them).
 *
 * @example
 * const member = scopeMembership(snapshot, { type: 'team', id: '00E…', name: 'West' });
 * snapshot.data.opportunities.filter(member).length;
 */
export function scopeMembership(snapshot: OrgSnapshot, scope: ForecastScope): ScopeMember {
  // One test per scope and snapshot: its partition's key set then also keys the counts cached per scope.
  let byScope = memberships.get(snapshot);
  if (!byScope) memberships.set(snapshot, (byScope = new Map()));
  const key = `${scope.type}:${scope.id}`;
  let member = byScope.get(key);
  if (!member) byScope.set(key, (member = newScopeMembership(snapshot, scope)));
  return member;
}

const memberships = new WeakMap<OrgSnapshot, Map<string, ScopeMember>>();

function newScopeMembership(snapshot: OrgSnapshot, scope: ForecastScope): ScopeMember {
  const byOwner = (owners: ReadonlySet<string>): ScopeMember =>
    Object.assign((o: Opportunity) => o.OwnerId !== null && owners.has(o.OwnerId), {
      partition: { kind: 'owner', key: (o: Opportunity) => o.OwnerId, keys: owners },
    });
  switch (scope.type) {
    case 'org':
      return () => true;
    case 'rep':
      return byOwner(new Set([scope.id]));
    case 'team': {
      const team = teamHierarchy(snapshot).teamsById.get(scope.id);
      if (team) return byOwner(team.members);
      // A role that is no team level (a leaf role, say): the deals of every user in its subtree.
      const roles = snapshot.roleSubtree(scope.id);
      const owners = new Set<string>();
      for (const u of snapshot.data.users) if (u.UserRoleId !== null && roles.has(u.UserRoleId)) owners.add(u.Id);
      return byOwner(owners);
    }
    case 'territory': {
      const assignment = territoryAssignment(snapshot);
      const key = (o: Opportunity) => assignment.territoryOfDeal(o);
      const keys = territoryTree(snapshot).subtree(scope.id);
      return Object.assign(
        (o: Opportunity) => {
          const k = key(o);
          return k !== null && keys.has(k);
        },
        { partition: { kind: 'territory', key, keys } },
      );
    }
  }
}

/**
 * Every scope of an org: the org, each team of `teamHierarchy`, each territory, and each deal owner; teams and
 * territories parents first (siblings by name), reps by name.
 *
 * @example
 * forecastScopes(snapshot, ['org', 'team']).map((s) => s.name);
 */
export function forecastScopes(
  snapshot: OrgSnapshot,
  types: readonly ForecastScopeType[] = FORECAST_SCOPE_TYPES,
): ForecastScope[] {
  const byName = (a: ForecastScope, b: ForecastScope) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1);
  const out: ForecastScope[] = [];
  for (const type of types) {
    if (type === 'org') {
      const org = snapshot.data.organization;
      out.push({ type, id: org.Id, name: org.Name ?? org.Id });
    } else if (type === 'rep') {
      // Only reps need a pass over every deal (a million of them, for each call that asks for the org or teams).
      const owners = new Set<string>();
      for (const o of snapshot.data.opportunities) if (o.OwnerId !== null) owners.add(o.OwnerId);
      out.push(
        ...[...owners]
          .map((id): ForecastScope => ({ type, id, name: snapshot.usersById.get(id)?.Name ?? id }))
          .sort(byName),
      );
    } else if (type === 'team') {
      out.push(...teamHierarchy(snapshot).teams.map((t): ForecastScope => ({ type, id: t.id, name: t.name })));
    } else {
      out.push(...territoryTree(snapshot).ordered.map((t): ForecastScope => ({ type, id: t.id, name: t.name })));
    }
  }
  return out;
}

/** Where a scope sits: the org at depth 0; teams and territories at their depth under their parent; a rep under
 * their innermost team (depth null). */
export interface ScopePlacement {
  readonly depth: number | null;
  readonly parentId: string | null;
}

/**
 * The depth and parent of a scope in its hierarchy (`teamHierarchy`, `territoryTree`).
 *
 * @example
 * scopePlacement(snapshot, { type: 'team', id: emeaRoleId, name: 'Dana Ruiz (EMEA Sales Manager)' }); // { depth: 1, parentId: null }
 */
export function scopePlacement(snapshot: OrgSnapshot, scope: ForecastScope): ScopePlacement {
  switch (scope.type) {
    case 'org':
      return { depth: 0, parentId: null };
    case 'team': {
      const team = teamHierarchy(snapshot).teamsById.get(scope.id);
      return { depth: team?.depth ?? null, parentId: team?.parentId ?? null };
    }
    case 'territory': {
      const tree = territoryTree(snapshot);
      return { depth: tree.depthOf(scope.id), parentId: tree.parentOf(scope.id) };
    }
    case 'rep':
      return { depth: null, parentId: teamHierarchy(snapshot).teamOf(scope.id)?.id ?? null };
  }
}
