/**
 * Sessions: one token per active user, `00D…!…` as `sf org login access-token` expects, mapped to the user and the
 * viewer the sharing model checks (the admin has View All Data). Renewing issues new tokens; the old ones answer
 * INVALID_SESSION_ID.
 */
import { randomBytes } from 'node:crypto';
import type { OrgStore } from './data/orgStore.js';
import type { StoredRecord } from './data/values.js';
import { HttpError } from './http/httpUtil.js';
import type { Viewer } from './sharing.js';

export interface Session {
  readonly token: string;
  readonly user: StoredRecord;
  readonly viewer: Viewer;
}

export interface LocalOrgUserToken {
  readonly userId: string;
  readonly username: string;
  readonly name: string;
  readonly role: string | null;
  /** The VP (top of the role hierarchy): View All Data. */
  readonly admin: boolean;
  /** No role below this user's role. */
  readonly rep: boolean;
  readonly token: string;
}

export interface LocalOrgTokens {
  /** The admin's (the VP's) token: sees every record. */
  readonly admin: string;
  readonly users: readonly LocalOrgUserToken[];
}

export class Sessions {
  private readonly byToken = new Map<string, Session>();
  /** Authenticated requests since the tokens were issued (for the session-expiry fault). */
  requests = 0;
  tokens: LocalOrgTokens = { admin: '', users: [] };

  constructor(
    private readonly store: OrgStore,
    private readonly organization: StoredRecord,
    private readonly admin: StoredRecord,
  ) {}

  /** One token per active user; earlier tokens stop working. */
  issue(): LocalOrgTokens {
    this.byToken.clear();
    const orgId = String(this.organization['Id']);
    const roles = this.store.table('UserRole')?.records ?? [];
    const parentRoles = new Set(roles.map((r) => r['ParentRoleId']).filter((p): p is string => typeof p === 'string'));
    const roleNames = new Map(roles.map((r) => [r['Id'], r['Name']]));
    const users: LocalOrgUserToken[] = [];
    for (const user of this.store.table('User')?.records ?? []) {
      if (user['IsActive'] === false || user['IsDeleted'] === true) continue;
      const admin = user === this.admin;
      const token = `${orgId}!AQ.${randomBytes(24).toString('base64url').replace(/-/g, '_')}`;
      this.byToken.set(token, { token, user, viewer: { userId: String(user['Id']), viewAll: admin } });
      const roleId = user['UserRoleId'];
      users.push({
        userId: String(user['Id']),
        username: String(user['Username'] ?? ''),
        name: String(user['Name'] ?? ''),
        role: typeof roleId === 'string' ? String(roleNames.get(roleId) ?? '') : null,
        admin,
        rep: typeof roleId === 'string' && !parentRoles.has(roleId),
        token,
      });
    }
    const adminToken = users.find((u) => u.admin)?.token ?? '';
    this.tokens = { admin: adminToken, users };
    this.requests = 0;
    return this.tokens;
  }

  /**
   * The session of an `Authorization: Bearer|OAuth <token>` header, else 401 INVALID_SESSION_ID. After
   * `expiresAfter` authenticated requests every session ends (`onExpire` is told).
   */
  authenticate(header: string | undefined, expiresAfter: number | undefined, onExpire: () => void): Session {
    const match = /^(?:Bearer|OAuth)\s+(.+)$/i.exec((header ?? '').trim());
    const session = match ? this.byToken.get((match[1] as string).trim()) : undefined;
    if (session && expiresAfter !== undefined && this.requests >= expiresAfter) {
      this.byToken.clear();
      onExpire();
      throw new HttpError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    }
    if (!session) throw new HttpError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    this.requests++;
    return session;
  }
}
