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
import { afterAll, beforeAll } from 'vitest';
import { generateSampleOrg } from '../sample-data/generateSampleOrg.js';
import { start, type LocalOrg, type StartOptions } from './localOrg.js';

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
async function startDefaultSampleOrg(
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

export interface SampleOrgOfTests {
  readonly org: LocalOrg;
  /** The named CSV files' rows. */
  readonly csv: Record<string, Row[]>;
  /** A connection with the admin's token. */
  readonly admin: Connection;
  connect(token: string): Connection;
  /** A plain HTTP request to the org (admin's token unless given). */
  raw(path: string, token?: string, init?: RequestInit): Promise<Response>;
}

/**
 * The default sample org for one test file: started before its tests (generating and loading 5,000 deals takes
 * seconds, more on a busy machine) and stopped after them. Read its parts inside tests.
 */
export function useDefaultSampleOrg(files: readonly string[]): SampleOrgOfTests {
  let started: Awaited<ReturnType<typeof startDefaultSampleOrg>> | undefined;
  let admin: Connection | undefined;
  beforeAll(async () => {
    started = await startDefaultSampleOrg(files);
    admin = connectTo(started.org, started.org.tokens.admin);
  }, 120_000);
  afterAll(async () => {
    await started?.stop();
  });
  const running = () => {
    if (!started || !admin) throw new Error('The sample org starts in beforeAll: use it inside a test.');
    return { ...started, admin };
  };
  return {
    get org() {
      return running().org;
    },
    get csv() {
      return running().csv;
    },
    get admin() {
      return running().admin;
    },
    connect: (token) => connectTo(running().org, token),
    raw: (path, token = running().org.tokens.admin, init = {}) =>
      fetch(`${running().org.url}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...init.headers } }),
  };
}

/**
 * Toy sample orgs (no custom objects) for one test file: `first()` is started before its tests, `start(options)`
 * starts another, and all stop after the tests.
 */
export function useToyOrgs(): { first(): LocalOrg; start(options?: StartOptions): Promise<LocalOrg> } {
  const orgs: LocalOrg[] = [];
  const startToy = async (options: StartOptions = {}): Promise<LocalOrg> => {
    const org = await start({ sample: { size: 'toy', seed: 42 }, objectsDir: null, ...options });
    orgs.push(org);
    return org;
  };
  beforeAll(async () => {
    await startToy();
  });
  afterAll(async () => {
    for (const org of orgs) await org.stop();
  });
  return {
    first: () => {
      if (!orgs[0]) throw new Error('The first toy org starts in beforeAll: use it inside a test.');
      return orgs[0];
    },
    start: startToy,
  };
}
