/**
 * Queries cannot hold the server: LIKE runs in linear time (20 `%` froze the old RegExp, and every request behind
 * it), and each query has a time and rows-scanned budget answered with 400 QUERY_TIMEOUT, as Salesforce answers.
 */
import { describe, expect, it } from 'vitest';
import { useToyOrgs } from './localOrgs.test.fixture.js';
import type { LocalOrg } from './localOrg.js';

const toyOrgs = useToyOrgs();

async function query(org: LocalOrg, token: string, soql: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${org.url}/services/data/v62.0/query?q=${encodeURIComponent(soql)}`, {
    headers: { Authorization: `Bearer ${token}` },
    // Far above what either query needs; the old RegExp held the server for minutes.
    signal: AbortSignal.timeout(30_000),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('query budget', () => {
  it("answers WHERE Name LIKE '%%%%%%%%%%%%%%%%%%%%!' from a rep, and a cheap request sent right after", async () => {
    const org = toyOrgs.first();
    const rep = (org.tokens.users.find((u) => u.rep) as { token: string }).token;
    const like = query(org, rep, `SELECT Id FROM Opportunity WHERE Name LIKE '${'%'.repeat(20)}!'`);
    const cheap = query(org, rep, 'SELECT Id FROM UserRole LIMIT 1');
    const [likeResult, cheapResult] = await Promise.all([like, cheap]);
    expect(likeResult).toEqual({ status: 200, body: { totalSize: 0, done: true, records: [] } });
    expect(cheapResult.status).toBe(200);
  });

  it('LIKE still finds what it should, case-insensitively, with runs of % collapsed', async () => {
    const org = toyOrgs.first();
    const all = await query(org, org.tokens.admin, 'SELECT Name FROM Opportunity');
    const names = (all.body as { records: { Name: string }[] }).records.map((r) => r.Name);
    const word = (names[0] as string).split(' ')[0] as string;
    const expected = names.filter((n) => n.toLowerCase().includes(word.toLowerCase())).length;
    const found = await query(
      org,
      org.tokens.admin,
      `SELECT Name FROM Opportunity WHERE Name LIKE '%%%${word.toUpperCase()}%%'`,
    );
    expect((found.body as { totalSize: number }).totalSize).toBe(expected);
  });

  it('answers 400 QUERY_TIMEOUT when a query runs past its time budget', async () => {
    const org = await toyOrgs.start({ queryBudget: { timeoutMs: 0 } });
    const result = await query(org, org.tokens.admin, 'SELECT Id FROM Opportunity');
    expect(result).toEqual({
      status: 400,
      body: [{ message: 'Your query request was running for too long.', errorCode: 'QUERY_TIMEOUT' }],
    });
  });

  it('answers 400 QUERY_TIMEOUT when a query examines more records than its budget, and small queries still run', async () => {
    const org = await toyOrgs.start({ queryBudget: { maxRowsScanned: 10 } });
    const big = await query(org, org.tokens.admin, 'SELECT Id FROM Opportunity');
    expect(big.status).toBe(400);
    expect((big.body as { errorCode: string }[])[0]?.errorCode).toBe('QUERY_TIMEOUT');
    // A semi-join counts both objects' records: the users and the roles together pass 10.
    const small = await query(org, org.tokens.admin, 'SELECT Id FROM UserRole');
    expect(small.status).toBe(200);
    const semi = await query(
      org,
      org.tokens.admin,
      'SELECT Id FROM UserRole WHERE Id IN (SELECT UserRoleId FROM User)',
    );
    expect(semi.status).toBe(400);
  });
});
