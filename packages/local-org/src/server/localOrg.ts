/**
 * The local org: a Salesforce-API-compatible HTTP server on 127.0.0.1 over an in-memory org loaded from a
 * `--data-dir` folder or from the sample generator. jsforce, `@salesforce/core` and the sf CLI talk to it as to
 * Salesforce: REST (versions, userinfo, query/queryAll with paging, describe, sObject rows, sObject Collections,
 * limits) and Bulk API 2.0, with per-user sessions and sharing, live API limits, CORS and seeded faults.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSampleOrg } from '../sample-data/generateSampleOrg.js';
import type { SampleSizeName } from '../sample-data/sampleSize.js';
import { OrgStore } from './data/orgStore.js';
import type { FaultEvent, FaultOptions } from './faults.js';
import type { ApiLimits } from './limits.js';
import { findAdmin } from './orgSetup.js';
import { LocalOrgServer } from './orgServer.js';
import { loadForceAppSchema } from './schema/customObjects.js';
import { SchemaRegistry } from './schema/schemaRegistry.js';
import type { LocalOrgTokens } from './sessions.js';

export type { LocalOrgTokens, LocalOrgUserToken } from './sessions.js';

export interface StartOptions {
  /** A `--data-dir` folder of `<SObject>.csv` files. */
  readonly dataDir?: string;
  /** Generate the sample org (into a temporary folder, removed on stop) when no dataDir is given. */
  readonly sample?: { readonly size?: SampleSizeName | number; readonly seed?: number };
  /**
   * Objects of the data folder whose rows are loaded on their first use (the first request that reads or writes
   * them waits for it) instead of at start: by default the funnel's leads, activities and campaign members, which
   * only the funnel and campaign reads need (two thirds of a million-deal org's rows); the folder must stay in place
   * until then. `[]` loads everything at start, as does a `sample` org.
   */
  readonly deferObjects?: readonly string[];
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  readonly faults?: FaultOptions;
  /** Newest API version served, `64.0` by default; `/services/data` lists 31.0 up to it. */
  readonly apiVersion?: string;
  /** "Today" for date literals, `YYYY-MM-DD`: default the sample anchor (generator or manifest.json), else the clock. */
  readonly today?: string;
  /** `force-app/main/default/objects` to load custom objects from; default the repository's; null for none. */
  readonly objectsDir?: string | null;
  /** DailyApiRequests allowance and calls already used. */
  readonly apiLimit?: { readonly max?: number; readonly used?: number };
  /** Bulk API 2.0: status polls answered InProgress before JobComplete (default 1). */
  readonly bulkPollsBeforeComplete?: number;
  /**
   * Bulk API 2.0: bytes of CSV one ingest job may hold, every batch together (default 150 MB, Salesforce's upload
   * limit); past it the upload gets 413 REQUEST_ENTITY_TOO_LARGE.
   */
  readonly bulkIngestMaxBytes?: number;
  /** Open query cursors per user (default 10, as Salesforce); one more releases the user's oldest. */
  readonly queryCursorsPerUser?: number;
  /** Bulk API 2.0: records per results page without maxRecords (default 50,000). */
  readonly bulkPageSize?: number;
  /**
   * Origins allowed by CORS: `loopback` (the default) allows the widget gallery's (`http://127.0.0.1:8090`) and every
   * other loopback origin (`http://localhost:…`, `http://127.0.0.1:…`, `http://[::1]:…`); a list allows those origins
   * only; `*` reflects any origin.
   */
  readonly corsOrigins?: '*' | 'loopback' | readonly string[];
  /**
   * Host names (any port) requests may be addressed to: by default loopback names and `host`; others get 421
   * MISDIRECTED_REQUEST, so a page on a rebound DNS name cannot reach the org. `*` accepts any.
   */
  readonly allowedHosts?: '*' | readonly string[];
  /** The clock for audit fields (CreatedDate…); default the system clock. */
  readonly now?: () => Date;
  /**
   * Objects (`ForecastingQuota`) and fields (`Opportunity.CurrencyIsoCode`) API clients cannot see, as when a feature
   * is off (territory management, multiple currencies), a permission is missing or field-level security hides a
   * field: left out of describe, INVALID_TYPE / INVALID_FIELD in queries. Applies to every user.
   */
  readonly hidden?: { readonly objects?: readonly string[]; readonly fields?: readonly string[] };
  /**
   * Every query's budget: wall-clock milliseconds (default 120,000, Salesforce's limit for a synchronous query) and
   * records examined, every object and subquery together (default 100,000,000); past either it fails with 400
   * QUERY_TIMEOUT.
   */
  readonly queryBudget?: { readonly timeoutMs?: number; readonly maxRowsScanned?: number };
  /** Called with `METHOD /path status` after each response (the CLI's --verbose). */
  readonly log?: (line: string) => void;
}

export interface LocalOrg {
  /** `http://127.0.0.1:PORT`: the instance URL. */
  readonly url: string;
  readonly organizationId: string;
  /** Current tokens (they change after {@link LocalOrg.renewSessions}). */
  readonly tokens: LocalOrgTokens;
  readonly store: OrgStore;
  readonly limits: ApiLimits;
  /** Loading warnings (unknown columns or objects). */
  readonly warnings: readonly string[];
  /** Replaces the fault plan (undefined for none); the request count restarts. Takes effect with the next request. */
  setFaults(faults: FaultOptions | undefined): void;
  /**
   * Every fault injected since start, in order: latency spikes, 5xx answers, dropped connections, session expiries,
   * refused requests once the API allowance is used up (also without a fault plan) and failed collection / ingest
   * records (one event per record). A copy; it grows as requests arrive.
   */
  readonly faultLog: readonly FaultEvent[];
  /** Issues new tokens (old ones answer INVALID_SESSION_ID) and restarts the session-expiry count. */
  renewSessions(): LocalOrgTokens;
  /** Writes the org's records as `<SObject>.csv` files (persisting what was written). */
  save(dir: string): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

/** See {@link StartOptions.deferObjects}. */
export const DEFERRED_OBJECTS: readonly string[] = ['Lead', 'LeadHistory', 'CampaignMember', 'Task', 'Event'];

function defaultObjectsDir(): string {
  return fileURLToPath(new URL('../../../../force-app/main/default/objects', import.meta.url));
}

/** Starts a local org. */
export async function start(options: StartOptions = {}): Promise<LocalOrg> {
  const objectsDir = options.objectsDir === undefined ? defaultObjectsDir() : options.objectsDir;
  const forceApp = objectsDir ? await loadForceAppSchema(objectsDir) : undefined;
  const schema = SchemaRegistry.create(forceApp);
  const store = new OrgStore(schema);
  let tempDir: string | undefined;
  let dataDir = options.dataDir;
  let anchor: string | undefined;
  if (!dataDir && options.sample) {
    tempDir = await mkdtemp(join(tmpdir(), 'local-org-'));
    const generated = await generateSampleOrg({
      outDir: tempDir,
      size: options.sample.size ?? 'toy',
      seed: options.sample.seed ?? 42,
    });
    dataDir = tempDir;
    anchor = generated.anchorDate;
  }
  if (dataDir) {
    if (!anchor && existsSync(join(dataDir, 'manifest.json'))) {
      try {
        const manifest = JSON.parse(await readFile(join(dataDir, 'manifest.json'), 'utf8')) as { anchorDate?: string };
        anchor = manifest.anchorDate;
      } catch {
        anchor = undefined;
      }
    }
    let adminId: string | null = null;
    const loadedAt = (options.now ?? (() => new Date()))().toISOString();
    const admin = () => (adminId ??= findAdmin(store)?.['Id']?.toString() ?? null);
    // A generated sample's folder is removed below: it loads at once.
    const deferred = tempDir ? [] : (options.deferObjects ?? DEFERRED_OBJECTS);
    store.loadDataDir(dataDir, admin, loadedAt, new Set(deferred));
  }
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
  if (options.hidden) schema.hide(options.hidden);
  const org = new LocalOrgServer(store, options, anchor);
  await org.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  return org.handle();
}
