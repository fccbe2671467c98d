/**
 * The real Salesforce CLI (`@salesforce/cli` from npm) against the local org: `sf org login access-token` with a
 * local token (SF_ACCESS_TOKEN), then `sf data query` returns exactly the rows the local org's evaluator returns
 * through jsforce, for the admin and, with sharing, for a rep.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type LocalOrg } from '@salesops/local-org';
import { sfTimeout, sfLoginArgs } from '../scripts/sfCli.js';

const root = join(import.meta.dirname, '..');
const sf = join(root, 'node_modules/.bin/sf');
let home: string;
let org: LocalOrg;

/** Runs `sf` with an isolated home; resolves with exit code, stdout and stderr (never rejects). */
async function runSf(args: string[], token: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    PATH: `${join(root, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
    SF_ACCESS_TOKEN: token,
    SF_DISABLE_TELEMETRY: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    SF_HIDE_RELEASE_NOTES: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    NO_COLOR: '1',
  };
  try {
    const { stdout, stderr } = await promisify(execFile)(sf, args, { env, cwd: home, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

async function login(alias: string, token: string): Promise<Record<string, unknown>> {
  const result = await runSf(sfLoginArgs(org.url, alias), token);
  expect(result.code, result.stdout + result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { result: Record<string, unknown> }).result;
}

async function sfQuery(
  alias: string,
  soql: string,
): Promise<{ totalSize: number; records: Record<string, unknown>[] }> {
  const result = await runSf(['data', 'query', '--query', soql, '--target-org', alias, '--json'], '');
  expect(result.code, result.stdout + result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { result: { totalSize: number; records: Record<string, unknown>[] } }).result;
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'sf-home-local-org-'));
  org = await start({ sample: { size: 'toy', seed: 42 } });
}, 60_000);

afterAll(async () => {
  await org?.stop();
  await rm(home, { recursive: true, force: true });
});

describe('the sf CLI against the local org', () => {
  it(
    'logs in with an access token and sf data query returns what the evaluator returns',
    async () => {
      const auth = await login('local-admin', org.tokens.admin);
      const admin = org.tokens.users.find((u) => u.admin);
      expect(auth).toMatchObject({ orgId: org.organizationId, username: admin?.username, instanceApiVersion: '64.0' });

      const conn = new Connection({ instanceUrl: org.url, accessToken: org.tokens.admin, version: '64.0' });
      const soql =
        'SELECT Id, Name, Amount, CloseDate, Owner.Name, Account.Name FROM Opportunity ORDER BY CloseDate, Id';
      const viaCli = await sfQuery('local-admin', soql);
      const viaJsforce = await conn.query(soql);
      expect(viaCli.totalSize).toBe(60);
      expect(viaCli.records).toEqual(viaJsforce.records);

      const aggregate =
        'SELECT StageName, SUM(Amount) total, COUNT(Id) FROM Opportunity GROUP BY StageName ORDER BY StageName';
      expect((await sfQuery('local-admin', aggregate)).records).toEqual((await conn.query(aggregate)).records);
    },
    sfTimeout(3),
  );

  it(
    'a rep’s token sees through the CLI only what sharing lets the rep see',
    async () => {
      const rep = org.tokens.users.find((u) => u.rep) as { token: string; userId: string };
      await login('local-rep', rep.token);
      const rows = await sfQuery('local-rep', 'SELECT Id, OwnerId FROM Opportunity');
      expect(rows.totalSize).toBeGreaterThan(0);
      expect(new Set(rows.records.map((r) => r['OwnerId']))).toEqual(new Set([rep.userId]));
    },
    sfTimeout(2),
  );
});
