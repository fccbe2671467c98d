/** Who read the org, as the org reader found out (metrics.md "Hierarchy and roll-ups", Visibility). */
export interface LoginAccess {
  /** The login's User Id; null when the user record could not be read. */
  readonly userId: string | null;
  readonly name: string;
  /** True with View All Data (profile or permission set); null when the org does not say. */
  readonly viewAllData: boolean | null;
}

/** The users and roles of an org, as far as the visibility check needs them (User and UserRole are readable by all). */
export interface RoleHierarchy {
  readonly users: ReadonlyArray<{ readonly Id: string; readonly UserRoleId: string | null }>;
  readonly roles: ReadonlyArray<{ readonly Id: string; readonly Name: string; readonly ParentRoleId: string | null }>;
}

export interface LoginVisibility {
  /** True when the figures are org figures: View All Data, or a role at the top of the role hierarchy. */
  readonly full: boolean;
  readonly name: string;
  /** The login's role name; null without a role. */
  readonly role: string | null;
  /** Users whose records the login sees through the role hierarchy (itself and every user in a role below). */
  readonly visibleUsers: number;
  /** Other users, whose private records (deals, their history) the login does not see. */
  readonly hiddenUsers: number;
}

/**
 * Whether a login's figures are org figures: with View All Data, or at the top of the role hierarchy, it sees every
 * record; otherwise only its own and those of users in roles below its role (the sharing model of Opportunity as
 * Private), and the other users' records are missing from every figure.
 *
 * @example
 * loginVisibility({ users: data.users, roles: data.userRoles }, { userId: '005…', name: 'Ana Silva', viewAllData: false });
 * // { full: false, name: 'Ana Silva', role: 'AE East', visibleUsers: 1, hiddenUsers: 45 }
 */
export function loginVisibility(org: RoleHierarchy, login: LoginAccess): LoginVisibility {
  const id15 = login.userId?.slice(0, 15);
  const user = id15 === undefined ? undefined : org.users.find((u) => u.Id.slice(0, 15) === id15);
  const rolesById = new Map(org.roles.map((r) => [r.Id, r]));
  const role = user?.UserRoleId ? rolesById.get(user.UserRoleId) : undefined;
  const allUsers = org.users.length;
  const top = role !== undefined && (role.ParentRoleId ?? null) === null;
  if (login.viewAllData === true || top) {
    return { full: true, name: login.name, role: role?.Name ?? null, visibleUsers: allUsers, hiddenUsers: 0 };
  }
  const childRoles = new Map<string, string[]>();
  for (const r of org.roles) {
    if (r.ParentRoleId) childRoles.set(r.ParentRoleId, [...(childRoles.get(r.ParentRoleId) ?? []), r.Id]);
  }
  const below = new Set<string>();
  const stack = role ? [role.Id] : [];
  while (stack.length > 0) {
    for (const child of childRoles.get(stack.pop() as string) ?? []) {
      if (below.has(child)) continue;
      below.add(child);
      stack.push(child);
    }
  }
  let visible = 0;
  for (const u of org.users) if (u === user || (u.UserRoleId && below.has(u.UserRoleId))) visible++;
  return {
    full: false,
    name: login.name,
    role: role?.Name ?? null,
    visibleUsers: visible,
    hiddenUsers: allUsers - visible,
  };
}
