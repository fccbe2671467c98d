import { describe, expect, it } from 'vitest';
import { scopeMembership } from '../forecast/index.js';
import { createRecordParser, readSchemas } from '../model/index.js';
import { createOrgSnapshot } from '../snapshot/index.js';
import { smallOrg, users } from '../testing/smallOrg.js';
import { teamHierarchy } from './teamHierarchy.js';

// The small org's deals are owned by A, B, C, D and E; A, B and C carry quotas. Roles and users are replaced here.
const role = (n: number) => `00E00000000${String(n).padStart(3, '0')}0AAA`;
const user = (n: number) => `00500000000${String(n + 50).padStart(3, '0')}0AAA`;
const parseRoles = (...lines: string[]) => {
  const parse = createRecordParser('UserRole', readSchemas.UserRole);
  return lines.map((l) => {
    const [Id, Name, ParentRoleId] = l.split('|');
    return parse({ Id, Name, ParentRoleId });
  });
};
const parseUsers = (...lines: string[]) => {
  const parse = createRecordParser('User', readSchemas.User);
  return lines.map((l) => {
    const [Id, Name, IsActive, UserRoleId] = l.split('|');
    return parse({ Id, Name, IsActive, UserRoleId, CreatedDate: '2020-01-06T09:00:00.000Z' });
  });
};
const R = {
  ceo: role(1),
  vp: role(2),
  east: role(3),
  repEast: role(4),
  west: role(5),
  repWest: role(6),
  north: role(7),
  repNorth: role(8),
  support: role(9),
  agent: role(10),
};
const U = { sam: user(1), aaron: user(2), nina: user(3), sue: user(4), al: user(5) };

/**
 * CEO (Vera) → Sales VP (Sam) → Manager East (Max and Aaron) → Rep East (A, B): two active users in one role;
 *                            → Manager West (Wanda, inactive) → Rep West (C, D, E): no manager, no team;
 *                            → Manager North (Nina) → Rep North (nobody): a manager with no reps, no team.
 * Support (Sue) → Support Agent (Al): no deal, no quota: not part of the sales hierarchy.
 */
function orgWith(mutate: (u: Record<string, string>) => void = () => {}) {
  const assignment: Record<string, string> = {
    [users.vp]: R.ceo,
    [U.sam]: R.vp,
    [users.mgrEast]: R.east,
    [U.aaron]: R.east,
    [users.A]: R.repEast,
    [users.B]: R.repEast,
    [users.mgrWest]: R.west,
    [users.C]: R.repWest,
    [users.D]: R.repWest,
    [users.E]: R.repWest,
    [U.nina]: R.north,
    [U.sue]: R.support,
    [U.al]: R.agent,
  };
  mutate(assignment);
  const names: Record<string, [string, boolean]> = {
    [users.vp]: ['Vera VP', true],
    [U.sam]: ['Sam Sales', true],
    [users.mgrEast]: ['Max East', true],
    [U.aaron]: ['Aaron Other', true],
    [users.A]: ['Ann A', true],
    [users.B]: ['Bob B', true],
    [users.mgrWest]: ['Wanda West', false],
    [users.C]: ['Cy C', true],
    [users.D]: ['Dee D', true],
    [users.E]: ['Eve E', false],
    [U.nina]: ['Nina North', true],
    [U.sue]: ['Sue Support', true],
    [U.al]: ['Al Agent', true],
  };
  return createOrgSnapshot({
    ...smallOrg(),
    userRoles: parseRoles(
      `${R.ceo}|CEO|`,
      `${R.vp}|Sales VP|${R.ceo}`,
      `${R.east}|Manager East|${R.vp}`,
      `${R.repEast}|Rep East|${R.east}`,
      `${R.west}|Manager West|${R.vp}`,
      `${R.repWest}|Rep West|${R.west}`,
      `${R.north}|Manager North|${R.vp}`,
      `${R.repNorth}|Rep North|${R.north}`,
      `${R.support}|Support|`,
      `${R.agent}|Support Agent|${R.support}`,
    ),
    users: parseUsers(
      ...Object.entries(names).map(([id, [name, active]]) => `${id}|${name}|${active}|${assignment[id] ?? ''}`),
    ),
  });
}

describe('teamHierarchy on a hand-built role tree', () => {
  const snapshot = orgWith();
  const h = teamHierarchy(snapshot);

  it('lists the team levels only: the root is the org, leaf roles, inactive and rep-less managers are no teams', () => {
    // CEO: the only top-level role with sales users below → the org. Sales VP: Sam and sales users below → team.
    // Manager East: first active user by name is Aaron → team. Manager West: Wanda is inactive → no team. Manager
    // North: nobody below → no team. Leaf roles: no team. Support: no deal or quota in its tree → not counted.
    expect(h.teams.map((t) => [t.name, t.depth, t.parentId, t.managerId])).toEqual([
      ['Sam Sales (Sales VP)', 1, null, U.sam],
      ['Aaron Other (Manager East)', 2, R.vp, U.aaron],
    ]);
    expect(h.firstLine.map((t) => t.id)).toEqual([R.vp]);
  });

  it('puts each user in the innermost team holding them', () => {
    const teamOf = (id: string) => h.teamOf(id)?.id ?? null;
    expect([users.A, users.B, users.mgrEast, U.aaron].map(teamOf)).toEqual([R.east, R.east, R.east, R.east]);
    // Without a manager of their own, West's reps and Wanda belong to the VP's team; so does the rep-less Nina.
    expect([users.C, users.D, users.E, users.mgrWest, U.nina, U.sam].map(teamOf)).toEqual(Array(6).fill(R.vp));
    // The CEO (the org) and the support tree are outside every team.
    expect([users.vp, U.sue, U.al].map(teamOf)).toEqual([null, null, null]);
  });

  it('gives a team the deals of its manager and every user below it, the second user of its role included', () => {
    expect([...(h.teamsById.get(R.east)?.members ?? [])].sort()).toEqual(
      [users.mgrEast, U.aaron, users.A, users.B].sort(),
    );
    // Sam, Max, Aaron, A, B, Wanda, C, D, E and Nina: everyone in the Sales VP subtree.
    expect(h.teamsById.get(R.vp)?.members.size).toBe(10);
    const east = scopeMembership(snapshot, { type: 'team', id: R.east, name: 'Aaron Other (Manager East)' });
    const owners = new Set(snapshot.data.opportunities.filter(east).map((o) => o.OwnerId));
    expect([...owners].sort()).toEqual([users.A, users.B].sort());
  });

  it('with several top-level roles holding sales users, there is no org role: each qualifying one is a team', () => {
    // Cut Sales VP loose from the CEO: both are top-level, and the CEO's tree (Vera, no deal or quota) holds no sales
    // user. Move D to no role at all: outside every team.
    const split = createOrgSnapshot({
      ...snapshot.data,
      userRoles: snapshot.data.userRoles.map((r) => (r.Id === R.vp ? { ...r, ParentRoleId: null } : r)),
      users: snapshot.data.users.map((u) => (u.Id === users.D ? { ...u, UserRoleId: null } : u)),
    });
    const hs = teamHierarchy(split);
    // Sales VP is now the single top-level role with sales users (the CEO's tree has none): it is the org.
    expect(hs.teams.map((t) => [t.name, t.depth, t.parentId])).toEqual([['Aaron Other (Manager East)', 1, null]]);
    expect(hs.teamOf(users.D)).toBeNull();
    expect(hs.teamOf(users.C)).toBeNull(); // Wanda's team does not exist and Sales VP is the org

    // Give the CEO's tree a sales user too (Vera carries a deal): two top-level roles with sales users → both judged.
    const twoRoots = createOrgSnapshot({
      ...split.data,
      opportunities: split.data.opportunities.map((o, i) => (i === 0 ? { ...o, OwnerId: users.vp } : o)),
    });
    const h2 = teamHierarchy(twoRoots);
    // CEO: Vera is active but no role below CEO holds a sales user → no team (her deal is outside every team).
    // Sales VP: Sam, with sales users below → a first-line team, with Manager East inside it.
    expect(h2.teams.map((t) => [t.name, t.depth, t.parentId])).toEqual([
      ['Sam Sales (Sales VP)', 1, null],
      ['Aaron Other (Manager East)', 2, R.vp],
    ]);
    expect(h2.teamOf(users.vp)).toBeNull();
  });
});
