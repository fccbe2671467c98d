import type { LoginAccess } from '@salesops/core';
import type { QueryConnection } from './readOrgData.js';

/** A SOQL string literal: backslashes and quotes escaped, so a username cannot end the literal. */
function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * Who the login is and whether it has View All Data, for the visibility warning (metrics.md, Visibility): the User by
 * username, then any PermissionSetAssignment of the user whose PermissionSet grants PermissionsViewAllData (profiles
 * own a permission set too, so this covers both). `viewAllData` is null when the org does not expose permission
 * sets to the login (then only its place in the role hierarchy tells); `userId` null when the user is not readable.
 * Returns the requests made.
 *
 * @example
 * const { access } = await readLoginAccess(org.getConnection(), 'ana@example.com');
 */
/** The requests `readLoginAccess` makes for a login that exists (its user, then its View All Data grant). */
export const LOGIN_ACCESS_REQUESTS = 2;

export async function readLoginAccess(
  connection: Pick<QueryConnection, 'query'>,
  username: string,
): Promise<{ access: LoginAccess; requests: number }> {
  let requests = 1;
  const user = (await connection.query(`SELECT Id, Name FROM User WHERE Username = ${soqlString(username)} LIMIT 1`))
    .records[0];
  const userId = typeof user?.['Id'] === 'string' ? user['Id'] : null;
  const name = typeof user?.['Name'] === 'string' ? user['Name'] : username;
  let viewAllData: boolean | null = null;
  if (userId !== null) {
    requests++;
    try {
      const granted = await connection.query(
        `SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = ${soqlString(userId)} ` +
          'AND PermissionSet.PermissionsViewAllData = true LIMIT 1',
      );
      viewAllData = granted.records.length > 0;
    } catch {
      // No PermissionSetAssignment for this login (or this API): the role hierarchy decides.
      viewAllData = null;
    }
  }
  return { access: { userId, name, viewAllData }, requests };
}
