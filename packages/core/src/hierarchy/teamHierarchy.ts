import type { OrgSnapshot } from '../snapshot/index.js';

/** A team of metrics.md "Hierarchy and roll-ups": a manager and everyone in the role subtree below. */
export interface Team {
  /** The team level's UserRole Id. */
  readonly id: string;
  /** `Manager Name (Role Name)`. */
  readonly name: string;
  readonly roleName: string;
  readonly managerId: string;
  readonly managerName: string;
  /** 1 for a first-line team (directly under the org), its parent team's depth + 1 below. */
  readonly depth: number;
  /** The nearest team above (its role Id); null for a first-line team. */
  readonly parentId: string | null;
  /** Every user whose role is the team's role or below it (the manager included): the team holds their deals. */
  readonly members: ReadonlySet<string>;
}

export interface TeamHierarchy {
  /** Every team once, parents before their children, siblings by name. */
  readonly teams: readonly Team[];
  readonly teamsById: ReadonlyMap<string, Team>;
  /** Teams with no team above them: with the owners outside every team they partition the org's deals. */
  readonly firstLine: readonly Team[];
  /** The innermost team a user belongs to; null when the user is outside every team. */
  teamOf(userId: string): Team | null;
}

const cache = new WeakMap<OrgSnapshot, TeamHierarchy>();

/**
 * The teams whose figures a user's deals count in: the innermost team, then every team above it (empty outside
 * every team).
 *
 * @example
 * teamChain(teamHierarchy(snapshot), repId).map((t) => t.name); // ['Dana Ruiz (EMEA Sales Manager)', …]
 */
export function teamChain(hierarchy: TeamHierarchy, userId: string): Team[] {
  const chain: Team[] = [];
  for (
    let team = hierarchy.teamOf(userId);
    team !== null;
    team = hierarchy.teamsById.get(team.parentId ?? '') ?? null
  ) {
    chain.push(team);
  }
  return chain;
}

/**
 * The team hierarchy of an org (metrics.md "Hierarchy and roll-ups", decisions in docs/rollups.md):
 *
 * - Only the part of the role tree that holds **sales users** (users who own a deal or carry a quota) counts.
 * - A role is a **team level** when it has an active user of its own (the manager: the first by name if several)
 *   and a descendant role with a sales user. A leaf role is never a team: its users belong to the nearest team above.
 * - The **root** of that tree is the org and never also a team. When several top-level roles hold sales users (no
 *   single root, e.g. two VPs without a common CEO role), there is no role standing for the org: each of them is
 *   judged like any other role, so each qualifying one is a first-line team.
 * - A role whose users are all inactive has no manager and is no team level; its users and roles belong to the
 *   nearest team above. Users without a role, or in a role outside every team, are outside every team (they count
 *   for the org and as reps only).
 *
 * @example
 * teamHierarchy(snapshot).teams.map((t) => `${'  '.repeat(t.depth - 1)}${t.name}`);
 */
export function teamHierarchy(snapshot: OrgSnapshot): TeamHierarchy {
  let hierarchy = cache.get(snapshot);
  if (!hierarchy) cache.set(snapshot, (hierarchy = buildTeamHierarchy(snapshot)));
  return hierarchy;
}

function buildTeamHierarchy(snapshot: OrgSnapshot): TeamHierarchy {
  const salesUsers = new Set<string>([...snapshot.repQuotas.keys(), ...snapshot.salesOpsQuotas.keys()]);
  for (const o of snapshot.data.opportunities) if (o.OwnerId !== null) salesUsers.add(o.OwnerId);
  const hasSalesUser = (roleId: string) => (snapshot.usersByRole.get(roleId) ?? []).some((u) => salesUsers.has(u.Id));
  const byName = (a: { Name: string }, b: { Name: string }) => a.Name.localeCompare(b.Name);

  // Sales users in a role's subtree, with the role itself or strictly below it (guarding against cycles).
  const below = new Map<string, boolean>();
  const salesBelow = (roleId: string, path: Set<string>): boolean => {
    const known = below.get(roleId);
    if (known !== undefined) return known;
    path.add(roleId);
    let found = false;
    for (const child of snapshot.childRoles.get(roleId) ?? []) {
      if (path.has(child.Id)) continue;
      if (hasSalesUser(child.Id) || salesBelow(child.Id, path)) found = true;
    }
    path.delete(roleId);
    below.set(roleId, found);
    return found;
  };
  const roots = [...snapshot.rolesById.values()]
    .filter((r) => r.ParentRoleId === null || !snapshot.rolesById.has(r.ParentRoleId))
    .filter((r) => hasSalesUser(r.Id) || salesBelow(r.Id, new Set()))
    .sort(byName);
  const orgRoot = roots.length === 1 ? roots[0]?.Id : undefined;

  const teams: Team[] = [];
  const teamOfUser = new Map<string, Team>();
  const visited = new Set<string>();
  const visit = (roleId: string, parent: Team | null) => {
    if (visited.has(roleId)) return;
    visited.add(roleId);
    const role = snapshot.rolesById.get(roleId);
    const users = snapshot.usersByRole.get(roleId) ?? [];
    const manager = [...users].filter((u) => u.IsActive).sort(byName)[0];
    let team = parent;
    if (role && manager && roleId !== orgRoot && salesBelow(roleId, new Set())) {
      const members = new Set<string>();
      for (const id of snapshot.roleSubtree(roleId))
        for (const u of snapshot.usersByRole.get(id) ?? []) members.add(u.Id);
      team = {
        id: roleId,
        name: `${manager.Name} (${role.Name})`,
        roleName: role.Name,
        managerId: manager.Id,
        managerName: manager.Name,
        depth: parent === null ? 1 : parent.depth + 1,
        parentId: parent?.id ?? null,
        members,
      };
      teams.push(team);
    }
    if (team) for (const u of users) teamOfUser.set(u.Id, team);
    const children = [...(snapshot.childRoles.get(roleId) ?? [])].sort((a, b) => {
      const name = (r: typeof a) => teamName(snapshot, r.Id) ?? r.Name;
      return name(a).localeCompare(name(b));
    });
    for (const child of children) visit(child.Id, team);
  };
  for (const root of roots) visit(root.Id, null);

  return {
    teams,
    teamsById: new Map(teams.map((t) => [t.id, t])),
    firstLine: teams.filter((t) => t.parentId === null),
    teamOf: (userId) => teamOfUser.get(userId) ?? null,
  };
}

/** The name a role's team would have (its first active user by name), for ordering siblings as they are listed. */
function teamName(snapshot: OrgSnapshot, roleId: string): string | null {
  const manager = (snapshot.usersByRole.get(roleId) ?? [])
    .filter((u) => u.IsActive)
    .sort((a, b) => a.Name.localeCompare(b.Name))[0];
  const role = snapshot.rolesById.get(roleId);
  return manager && role ? `${manager.Name} (${role.Name})` : null;
}
