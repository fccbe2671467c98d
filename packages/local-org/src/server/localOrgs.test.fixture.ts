/**
 * The local orgs the server's own tests start (shared by the test files; `.test.` keeps it out of the published
 * package): the default sample org from a generated folder, with the CSV rows tests compare against, and the toy
 * sample org with a force-app fixture of custom objects.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { Connection } from 'jsforce';
import { generateSampleOrg } from '../sample-data/generateSampleOrg.js';
import { start, type LocalOrg } from './localOrg.js';

export type Row = Record<string, string>;

/** SalesOps_Rep_Scorecard__c and Opportunity.Region__c, as force-app metadata. */
export const FIXTURE_OBJECTS_DIR = fileURLToPath(new URL('./fixtures/force-app/main/default/objects', import.meta.url));

/** A jsforce connection to `org` with `token` (Bulk API 2.0 polled every 20 ms). */
export function connectTo(org: LocalOrg, token: string, version = '62.0'): Connection {
  const conn = new Connection({ instanceUrl: org.url, accessToken: token, version });
  conn.bulk2.pollInterval = 20;
  return conn;
}

/** The default sample org (seed 42) written to a temporary folder and loaded; `csv` holds the named files' rows. */
export async function startDefaultSampleOrg(
  files: readonly string[],
): Promise<{ org: LocalOrg; csv: Record<string, Row[]>; stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'local-org-read-'));
  await generateSampleOrg({ outDir: dir, size: 'default', seed: 42 });
  const csv: Record<string, Row[]> = {};
  for (const name of files) {
    csv[name] = parse(await readFile(join(dir, `${name}.csv`), 'utf8'), { columns: true }) as Row[];
  }
  const org = await start({ dataDir: dir, objectsDir: null });
  return {
    org,
    csv,
    stop: async () => {
      await org.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The toy sample org (seed 42) with the fixture's custom objects, its clock at 2026-11-16 18:00 UTC. */
export function startToyOrgWithFixture(): Promise<LocalOrg> {
  return start({
    sample: { size: 'toy', seed: 42 },
    objectsDir: FIXTURE_OBJECTS_DIR,
    now: () => new Date('2026-11-16T18:00:00.000Z'),
  });
}
