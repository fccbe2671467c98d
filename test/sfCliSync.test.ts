/**
 * `sf salesops sync` through the real `sf` executable against the local org: the first run exports, a run after
 * changes merges them, and the mirror then equals a fresh full export file by file; a forecast from the mirror
 * (`--data-dir`) equals the forecast from the org; a folder of other files is refused with a message naming it.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom, SAMPLE_ANCHOR_DATE, start, type LocalOrg } from '@salesops/local-org';
import { syncMirror } from '@salesops/org';
import { randomChanges } from '../scripts/orgChanges.js';
import { jsonResult, linkPlugin, repositoryRoot, runSf as runSfIn, sfTimeout, sfLoginArgs } from '../scripts/sfCli.js';
import { mirrorRecords } from './mirrorRecords.js';

/** The part of `sf salesops sync --json`'s result this test reads (the schema test checks the whole shape). */
interface SalesopsSyncResult {
  readonly objects: readonly { readonly sobject: string; readonly mode: string; readonly records: number }[];
}

let home: string;
let work: string;
let org: LocalOrg;
const runSf = (args: string[]) => runSfIn(home, args, { SF_ACCESS_TOKEN: org.tokens.admin });

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'sf-home-sync-'));
  work = await mkdtemp(join(tmpdir(), 'sf-sync-'));
  org = await start({ sample: { size: 'toy', seed: 42 } });
  const link = await linkPlugin(home);
  expect(link.code, link.stderr).toBe(0);
  const login = await runSf(sfLoginArgs(org.url, 'local'));
  expect(login.code, login.stderr).toBe(0);
}, sfTimeout(2));

afterAll(async () => {
  await org?.stop();
  await rm(home, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

describe('sf salesops sync', () => {
  it(
    'exports, then merges changes; the mirror equals a fresh export and forecasts as the org does',
    async () => {
      const mirror = join(work, 'mirror');
      const schema = JSON.parse(await readFile(join(repositoryRoot, 'plugin/schemas/salesops-sync.json'), 'utf8'));
      const validate = new Ajv({ allErrors: true }).compile(schema as object);
      const sync = (): Promise<SalesopsSyncResult> =>
        runSf(['salesops', 'sync', '--target-org', 'local', '--to', mirror, '--json']).then((run) =>
          jsonResult<SalesopsSyncResult>(run),
        );

      const first = await sync();
      expect(validate(first), JSON.stringify(validate.errors)).toBe(true);
      expect(first).toMatchObject({
        organizationId: org.organizationId,
        instanceUrl: org.url,
        safetyWindowMinutes: 10,
      });
      expect(first.objects.find((o) => o.sobject === 'Opportunity')).toMatchObject({ mode: 'export', records: 60 });

      const conn = new Connection({ instanceUrl: org.url, accessToken: org.tokens.admin, version: '64.0' });
      await randomChanges(conn, createRandom(7), { create: 4, update: 8, delete: 3, undelete: 0, accounts: 2 }, []);
      const second = await sync();
      expect(validate(second), JSON.stringify(validate.errors)).toBe(true);
      expect(second.objects.find((o) => o.sobject === 'Opportunity')).toMatchObject({
        mode: 'incremental',
        deleted: 3,
        records: 61,
      });
      const fresh = join(work, 'fresh');
      await syncMirror(conn, {
        dir: fresh,
        organizationId: org.organizationId,
        instanceUrl: org.url,
        apiVersion: '64.0',
      });
      expect(await mirrorRecords(mirror)).toEqual(await mirrorRecords(fresh));

      const forecast = (source: string[]): Promise<Record<string, unknown>> =>
        runSf(['salesops', 'forecast', ...source, '--as-of', SAMPLE_ANCHOR_DATE, '--json']).then((run) =>
          jsonResult<Record<string, unknown>>(run),
        );
      const fromMirror = await forecast(['--data-dir', mirror]);
      const fromOrg = await forecast(['--target-org', 'local']);
      expect(fromMirror['forecasts']).toEqual(fromOrg['forecasts']);
      expect(fromMirror['totals']).toEqual(fromOrg['totals']);

      const other = join(work, 'other');
      await rm(other, { recursive: true, force: true });
      await mkdir(other);
      await writeFile(join(other, 'notes.txt'), 'mine');
      const refused = await runSf(['salesops', 'sync', '--target-org', 'local', '--to', other]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`${other} holds files but is not a mirror`);
      expect(refused.stderr).not.toMatch(/\n\s+at /);
    },
    sfTimeout(7),
  );
});
