import type { Opportunity } from '../model/index.js';
import type { OrgSnapshot } from '../snapshot/index.js';
import { territoryAssignment } from '../territory/index.js';
import type { ScopeMember } from './scopeMembers.js';

export type ForecastScopeType = 'rep' | 'team' | 'territory' | 'org';

/** What a forecast is for: a rep, a team (a role and every role below it), a territory, or the whole org. */
export interface ForecastScope {
  readonly type: ForecastScopeType;
  /** User Id, UserRole Id, Territory2 Id (or the Account field value without territory management), Organization Id. */
  readonly id: string;
  readonly name: string;
}

/** The scopes a whole-org run forecasts, in this order. */
export const FORECAST_SCOPE_TYPES: readonly ForecastScopeType[] = ['org', 'team', 'territory', 'rep'];

/**
 * Which deals belong to a scope (metrics.md "Forecast"): a rep's are the deals they own (`OwnerId`); a team's are
 * the deals of every owner whose role is the team's role or below it; a territory's are the deals attributed to it
 * (`Opportunity.Territory2Id` when set, else the account's only territory — see `territoryAssignment`); the org's are
 * all deals. Ownership and attribution are the deal's current ones (history does not record them).
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
      // The deals of every owner whose role is in the subtree.
      const roles = snapshot.roleSubtree(scope.id);
      const owners = new Set<string>();
      for (const u of snapshot.data.users) if (u.UserRoleId !== null && roles.has(u.UserRoleId)) owners.add(u.Id);
      return byOwner(owners);
    }
    case 'territory': {
      const assignment = territoryAssignment(snapshot);
      const key = (o: Opportunity) => assignment.territoryOfDeal(o);
      return Object.assign((o: Opportunity) => key(o) === scope.id, {
        partition: { kind: 'territory', key, keys: new Set([scope.id]) },
      });
    }
  }
}

/**
 * Every scope of an org: the org, each role with at least one deal owner at or below it, each territory, and each
 * deal owner; teams, territories and reps sorted by name.
 *
 * @example
 * forecastScopes(snapshot, ['org', 'team']).map((s) => s.name);
 */
export function forecastScopes(
  snapshot: OrgSnapshot,
  types: readonly ForecastScopeType[] = FORECAST_SCOPE_TYPES,
): ForecastScope[] {
  const owners = new Set<string>();
  for (const o of snapshot.data.opportunities) if (o.OwnerId !== null) owners.add(o.OwnerId);
  const byName = (a: ForecastScope, b: ForecastScope) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1);
  const out: ForecastScope[] = [];
  for (const type of types) {
    if (type === 'org') {
      const org = snapshot.data.organization;
      out.push({ type, id: org.Id, name: org.Name ?? org.Id });
    } else if (type === 'rep') {
      out.push(
        ...[...owners]
          .map((id): ForecastScope => ({ type, id, name: snapshot.usersById.get(id)?.Name ?? id }))
          .sort(byName),
      );
    } else if (type === 'team') {
      const teamRoles = new Set<string>();
      for (const owner of owners) {
        const seen = new Set<string>();
        for (let role = snapshot.usersById.get(owner)?.UserRoleId ?? null; role !== null && !seen.has(role);) {
          seen.add(role);
          teamRoles.add(role);
          role = snapshot.rolesById.get(role)?.ParentRoleId ?? null;
        }
      }
      out.push(
        ...[...teamRoles]
          .map((id): ForecastScope => ({ type, id, name: snapshot.rolesById.get(id)?.Name ?? id }))
          .sort(byName),
      );
    } else {
      out.push(
        ...territoryAssignment(snapshot)
          .territories.map((t): ForecastScope => ({ type, id: t.id, name: t.name }))
          .sort(byName),
      );
    }
  }
  return out;
}
