import { describe, expect, it } from 'vitest';
import { LOGIN_ACCESS_REQUESTS, readLoginAccess } from './readLoginAccess.js';

/** A connection that answers the user look-up and the View All Data grant, and counts the queries it gets. */
function connection(grant: boolean) {
  const queries: string[] = [];
  return {
    queries,
    query: (soql: string) => {
      queries.push(soql);
      const records = soql.startsWith('SELECT Id, Name FROM User')
        ? [{ Id: '005000000000001AAA', Name: 'Ana Silva' }]
        : grant
          ? [{ Id: '0Pa000000000001AAA' }]
          : [];
      return Promise.resolve({ records, totalSize: records.length, done: true });
    },
  };
}

describe('readLoginAccess', () => {
  it('makes the requests org check counts, and reads the View All Data grant', async () => {
    for (const grant of [true, false]) {
      const conn = connection(grant);
      const { access, requests } = await readLoginAccess(conn as never, 'ana@example.com');
      expect(access).toEqual({ userId: '005000000000001AAA', name: 'Ana Silva', viewAllData: grant });
      expect(requests).toBe(conn.queries.length);
      expect(requests).toBe(LOGIN_ACCESS_REQUESTS);
    }
  });
});
