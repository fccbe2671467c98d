/**
 * The local org: a Salesforce-API-compatible HTTP server on 127.0.0.1 over an in-memory org loaded from a
 * `--data-dir` folder or from the sample generator. jsforce, `@salesforce/core` and the sf CLI talk to it as to
 * Salesforce: REST (versions, userinfo, query/queryAll with paging, describe, sObject rows, sObject Collections,
 * limits) and Bulk API 2.0, with per-user sessions and sharing, live API limits, CORS and seeded faults.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSampleOrg } from '../sample-data/generateSampleOrg.js';
import type { SampleSizeName } from '../sample-data/sampleSize.js';
import { toCaseSafeId } from '../sample-data/salesforceId.js';
import { Bulk2Jobs } from './bulk2.js';
import { OrgStore, type Table } from './data/orgStore.js';
import { normalizeId, valueToJson, type StoredRecord, type Value } from './data/values.js';
import { describeGlobal, describeObject, describeSummary } from './describe.js';
import { FaultPlan, type FaultEvent, type FaultKind, type FaultOptions } from './faults.js';
import { HttpError, notFound, readJson, sendEmpty, sendError, sendJson } from './http/httpUtil.js';
import { ApiLimits } from './limits.js';
import { loadForceAppSchema } from './schema/customObjects.js';
import { SchemaRegistry } from './schema/schemaRegistry.js';
import { SharingModel, type Viewer } from './sharing.js';
import { localDate, type CalendarSettings } from './soql/dateLiterals.js';
import { executeQuery, type QueryContext, type QueryResult } from './soql/executeQuery.js';
import { SoqlError } from './soql/soqlError.js';
import {
  createRecord,
  deleteRecord,
  error as fieldError,
  rollback,
  updateRecord,
  upsertRecord,
  type SaveOutcome,
  type WriteContext,
} from './writes.js';

export interface StartOptions {
  /** A `--data-dir` folder of `<SObject>.csv` files. */
  readonly dataDir?: string;
  /** Generate the sample org (into a temporary folder, removed on stop) when no dataDir is given. */
  readonly sample?: { readonly size?: SampleSizeName | number; readonly seed?: number };
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
  /** Bulk API 2.0: records per results page without maxRecords (default 50,000). */
  readonly bulkPageSize?: number;
  /** Origins allowed by CORS: `*` (default) reflects any origin. */
  readonly corsOrigins?: '*' | readonly string[];
  /** The clock for audit fields (CreatedDate…); default the system clock. */
  readonly now?: () => Date;
  /**
   * Objects (`ForecastingQuota`) and fields (`Opportunity.CurrencyIsoCode`) API clients cannot see, as when a feature
   * is off (territory management, multiple currencies), a permission is missing or field-level security hides a
   * field: left out of describe, INVALID_TYPE / INVALID_FIELD in queries. Applies to every user.
   */
  readonly hidden?: { readonly objects?: readonly string[]; readonly fields?: readonly string[] };
  /** Called with `METHOD /path status` after each response (the CLI's --verbose). */
  readonly log?: (line: string) => void;
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

const DEFAULT_API_VERSION = '64.0';
const OLDEST_API_VERSION = 31;
const PAGE_SIZE = 2000;

interface Session {
  readonly token: string;
  readonly user: StoredRecord;
  readonly viewer: Viewer;
}

interface Cursor {
  readonly result: QueryResult;
  readonly userId: string;
  readonly pageSize: number;
}

/** `Winter '25` for 62.0: three releases a year since Winter '11 (20.0). */
function releaseLabel(version: number): string {
  const index = version - 20;
  const season = ['Winter', 'Spring', 'Summer'][((index % 3) + 3) % 3] as string;
  return `${season} '${String(11 + Math.floor(index / 3)).padStart(2, '0')}`;
}

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
    await store.loadDataDir(dataDir, () => (adminId ??= findAdmin(store)?.['Id']?.toString() ?? null));
  }
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
  if (options.hidden) schema.hide(options.hidden);
  const org = new LocalOrgServer(store, options, anchor);
  await org.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  return org.handle();
}

/** The user at the top of the role hierarchy (the first active user without a parent role), else the first user. */
function findAdmin(store: OrgStore): StoredRecord | undefined {
  const users = (store.table('User')?.records ?? []).filter((u) => u['IsDeleted'] !== true);
  const roles = new Map((store.table('UserRole')?.records ?? []).map((r) => [String(r['Id']).slice(0, 15), r]));
  const top = users.find((u) => {
    const role = typeof u['UserRoleId'] === 'string' ? roles.get(u['UserRoleId'].slice(0, 15)) : undefined;
    return u['IsActive'] !== false && role !== undefined && (role['ParentRoleId'] ?? null) === null;
  });
  return top ?? users.find((u) => u['IsActive'] !== false) ?? users[0];
}

class LocalOrgServer {
  private readonly server: Server;
  private readonly sharing: SharingModel;
  private readonly limits: ApiLimits;
  private readonly bulk: Bulk2Jobs;
  private readonly sessions = new Map<string, Session>();
  private readonly cursors = new Map<string, Cursor>();
  private readonly latest: number;
  private readonly organization: StoredRecord;
  private readonly admin: StoredRecord;
  private readonly calendar: CalendarSettings;
  private readonly timeZone: string;
  private readonly now: () => Date;
  private faults: FaultPlan | undefined;
  private requestCount = 0;
  private readonly faultEvents: FaultEvent[] = [];
  /** The previous request and its faults, to mark them retried when the same request follows. */
  private previous: { method: string; path: string; events: FaultEvent[] } | undefined;
  private readonly inFlight = new Map<number, { method: string; pathname: string; events: FaultEvent[] }>();
  private sessionRequests = 0;
  private cursorSequence = 0;
  private tokens: LocalOrgTokens = { admin: '', users: [] };
  private url = '';
  private readonly sockets = new Set<import('node:net').Socket>();

  constructor(
    private readonly store: OrgStore,
    private readonly options: StartOptions,
    anchor: string | undefined,
  ) {
    this.sharing = new SharingModel(store);
    this.limits = new ApiLimits(options.apiLimit);
    this.bulk = new Bulk2Jobs(options.bulkPollsBeforeComplete ?? 1, options.bulkPageSize ?? 50_000);
    this.latest = Number(options.apiVersion ?? DEFAULT_API_VERSION);
    this.now = options.now ?? (() => new Date());
    this.faults = options.faults ? new FaultPlan(options.faults) : undefined;
    this.organization = this.ensureOrganization();
    this.admin = this.ensureAdmin();
    this.timeZone = String(this.organization['TimeZoneSidKey'] ?? 'America/Los_Angeles');
    this.calendar = {
      today: options.today ?? anchor ?? localDate(this.now(), this.timeZone),
      fiscalYearStartMonth: Number(this.organization['FiscalYearStartMonth'] ?? 1),
      usesStartDateAsFiscalYearName: this.organization['UsesStartDateAsFiscalYearName'] === true,
    };
    this.issueTokens();
    this.server = createServer((req, res) => {
      void this.dispatch(req, res);
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  private ensureOrganization(): StoredRecord {
    const table = this.store.table('Organization') as Table;
    const existing = table.records[0];
    if (existing) return existing;
    const record: StoredRecord = {};
    for (const f of table.entry.schema.fields) record[f.name] = f.type === 'boolean' ? false : null;
    Object.assign(record, {
      Id: toCaseSafeId('00D5f0000000001'),
      Name: 'Local Org',
      TimeZoneSidKey: 'America/Los_Angeles',
      FiscalYearStartMonth: 1,
      UsesStartDateAsFiscalYearName: false,
      DefaultCurrencyIsoCode: 'USD',
      IsSandbox: false,
      OrganizationType: 'Developer Edition',
    });
    this.store.add(table, record);
    return record;
  }

  private ensureAdmin(): StoredRecord {
    const found = findAdmin(this.store);
    if (found) return found;
    const table = this.store.table('User') as Table;
    const record: StoredRecord = {};
    for (const f of table.entry.schema.fields) record[f.name] = f.type === 'boolean' ? false : null;
    Object.assign(record, {
      Id: this.store.newId('User'),
      Name: 'Local Admin',
      FirstName: 'Local',
      LastName: 'Admin',
      Username: 'admin@local-org.dev',
      Email: 'admin@local-org.dev',
      IsActive: true,
      LanguageLocaleKey: 'en_US',
      LocaleSidKey: 'en_US',
    });
    this.store.add(table, record);
    return record;
  }

  /** One token per active user, `00D…!…` as `sf org login access-token` expects. */
  private issueTokens(): void {
    this.sessions.clear();
    const orgId = String(this.organization['Id']);
    const roles = this.store.table('UserRole')?.records ?? [];
    const parentRoles = new Set(roles.map((r) => r['ParentRoleId']).filter((p): p is string => typeof p === 'string'));
    const roleNames = new Map(roles.map((r) => [r['Id'], r['Name']]));
    const users: LocalOrgUserToken[] = [];
    for (const user of this.store.table('User')?.records ?? []) {
      if (user['IsActive'] === false || user['IsDeleted'] === true) continue;
      const admin = user === this.admin;
      const token = `${orgId}!AQ.${randomBytes(24).toString('base64url').replace(/-/g, '_')}`;
      this.sessions.set(token, { token, user, viewer: { userId: String(user['Id']), viewAll: admin } });
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
    this.sessionRequests = 0;
  }

  listen(port: number, host: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const address = this.server.address();
        const actualPort = typeof address === 'object' && address ? address.port : port;
        this.url = `http://${host}:${actualPort}`;
        resolve();
      });
    });
  }

  handle(): LocalOrg {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    return {
      url: this.url,
      organizationId: String(this.organization['Id']),
      get tokens() {
        return self.tokens;
      },
      store: this.store,
      limits: this.limits,
      warnings: this.store.warnings,
      setFaults: (faults) => {
        this.faults = faults ? new FaultPlan(faults) : undefined;
        this.requestCount = 0;
        this.sessionRequests = 0;
      },
      get faultLog() {
        return self.faultEvents.map((e) => ({ ...e }));
      },
      renewSessions: () => {
        this.issueTokens();
        return this.tokens;
      },
      save: (dir) => this.store.saveDataDir(dir),
      stop: () =>
        new Promise<void>((resolve) => {
          this.server.close(() => resolve());
          for (const socket of this.sockets) socket.destroy();
        }),
    };
  }

  // ---- request pipeline -----------------------------------------------------------------------------------

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const log = this.options.log;
    if (log) res.on('finish', () => log(`${req.method ?? 'GET'} ${req.url ?? '/'} ${res.statusCode}`));
    try {
      // Clients that keep the instance URL with a trailing slash ask for `//services/data`; Salesforce answers those.
      const url = new URL((req.url ?? '/').replace(/^\/{2,}/, '/'), this.url);
      this.cors(req, res);
      if (req.method === 'OPTIONS') {
        sendEmpty(res, 204);
        return;
      }
      const n = ++this.requestCount;
      this.track(req, res, url, n);
      const fault = this.faults?.forRequest(n);
      if (fault?.spike) this.recordFault(n, 'latencySpike', null);
      if (fault && fault.latencyMs > 0) await new Promise((r) => setTimeout(r, fault.latencyMs));
      if (fault?.drop) {
        this.recordFault(n, 'drop', null);
        req.socket.destroy();
        return;
      }
      if (fault?.serverError) {
        const status = fault.serverError;
        this.recordFault(n, 'serverError', status);
        sendJson(res, status, [
          status === 503
            ? { message: 'Server temporarily unavailable', errorCode: 'SERVER_UNAVAILABLE' }
            : {
                message: `An unexpected error occurred. Please include this ErrorId if you contact support: ${n}-local (-1)`,
                errorCode: 'UNKNOWN_EXCEPTION',
              },
        ]);
        return;
      }
      await this.route(req, res, url, n);
    } catch (e) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof HttpError) sendError(res, e);
      else if (e instanceof SoqlError) sendError(res, new HttpError(400, e.errorCode, e.message));
      else {
        sendError(res, new HttpError(500, 'UNKNOWN_EXCEPTION', e instanceof Error ? e.message : String(e)));
      }
    }
  }

  /** Marks the previous request's faults retried when this request repeats it, and starts this one's. */
  private track(req: IncomingMessage, res: ServerResponse, url: URL, n: number): void {
    const method = req.method ?? 'GET';
    const path = url.pathname + url.search;
    const previous = this.previous;
    if (previous && previous.method === method && previous.path === path) {
      for (const event of previous.events) event.retried = true;
    }
    const current = { method, path, pathname: url.pathname, events: [] as FaultEvent[] };
    this.previous = current;
    this.inFlight.set(n, current);
    const done = (): void => {
      if (this.inFlight.get(n) === current) this.inFlight.delete(n);
    };
    res.on('close', done);
  }

  /** Adds a fault of request n to the log (and to the request's own, for the retry mark). */
  private recordFault(n: number, kind: FaultKind, status: number | null): void {
    const request = this.inFlight.get(n);
    const method = request?.method ?? 'GET';
    const path = request?.pathname ?? '';
    const write = method !== 'GET' && method !== 'HEAD' && !/\/jobs\/query(\/|$)/.test(path);
    const event: FaultEvent = { n, kind, method, path, operation: write ? 'write' : 'read', status, retried: false };
    this.faultEvents.push(event);
    if (kind !== 'recordFailure') request?.events.push(event);
  }

  private cors(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    if (!origin) return;
    const allowed = this.options.corsOrigins ?? '*';
    if (allowed !== '*' && !allowed.includes(origin)) return;
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Access-Control-Expose-Headers', 'Sforce-Locator, Sforce-Limit-Info, Sforce-NumberOfRecords');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, PUT, DELETE, OPTIONS');
      res.setHeader(
        'Access-Control-Allow-Headers',
        req.headers['access-control-request-headers'] ??
          'Authorization, Content-Type, Accept, Sforce-Query-Options, Sforce-Call-Options, X-PrettyPrint',
      );
      res.setHeader('Access-Control-Max-Age', '600');
    }
  }

  private authenticate(req: IncomingMessage, n: number): Session {
    const header = req.headers.authorization ?? '';
    const match = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header.trim());
    const session = match ? this.sessions.get((match[1] as string).trim()) : undefined;
    const expiresAfter = this.faults?.options.sessionExpiresAfter;
    if (session && expiresAfter !== undefined && this.sessionRequests >= expiresAfter) {
      this.sessions.clear();
      this.recordFault(n, 'sessionExpired', 401);
      throw new HttpError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    }
    if (!session) throw new HttpError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    this.sessionRequests++;
    return session;
  }

  private versions(): { label: string; url: string; version: string }[] {
    const out = [];
    for (let v = OLDEST_API_VERSION; v <= Math.floor(this.latest); v++) {
      out.push({ label: releaseLabel(v), url: `/services/data/v${v}.0`, version: `${v}.0` });
    }
    return out;
  }

  private async route(req: IncomingMessage, res: ServerResponse, url: URL, n: number): Promise<void> {
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
    if (path === '/services/data' && method === 'GET') {
      sendJson(res, 200, this.versions());
      return;
    }
    if (path === '/services/oauth2/userinfo') {
      const session = this.authenticate(req, n);
      sendJson(res, 200, this.userInfo(session));
      return;
    }
    const identity = /^\/id\/([^/]+)\/([^/]+)$/.exec(path);
    if (identity) {
      const session = this.authenticate(req, n);
      sendJson(res, 200, this.identity(session));
      return;
    }
    const versioned = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(path);
    if (!versioned) throw notFound();
    const version = `v${versioned[1] as string}`;
    const numeric = Number(versioned[1]);
    if (numeric < OLDEST_API_VERSION || numeric > this.latest) throw notFound();
    const session = this.authenticate(req, n);
    if (!this.limits.consume()) {
      this.recordFault(n, 'limitExceeded', 403);
      res.setHeader('Sforce-Limit-Info', this.limits.header());
      throw new HttpError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
    }
    res.setHeader('Sforce-Limit-Info', this.limits.header());
    const parts = (versioned[2] ?? '')
      .split('/')
      .filter((p) => p !== '')
      .map(decodeURIComponent);
    await this.api(req, res, url, session, version, parts, n);
  }

  private async api(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    session: Session,
    version: string,
    parts: string[],
    n: number,
  ): Promise<void> {
    const method = req.method ?? 'GET';
    const [head, ...rest] = parts;
    switch (head) {
      case undefined:
        sendJson(res, 200, this.resources(version));
        return;
      case 'limits':
        sendJson(res, 200, this.limits.toJson());
        return;
      case 'query':
      case 'queryAll':
        if (method !== 'GET') break;
        this.query(req, res, url, session, version, head === 'queryAll', rest[0]);
        return;
      case 'sobjects':
        await this.sobjects(req, res, url, session, version, rest);
        return;
      case 'composite':
        if (rest[0] === 'sobjects') {
          await this.collections(req, res, url, session, version, rest.slice(1), n);
          return;
        }
        break;
      case 'jobs':
        await this.bulk.handle(
          {
            queryContext: () => this.queryContext(session, version),
            writeContext: () => this.writeContext(session),
            userId: String(session.user['Id']),
            version,
            now: this.now().toISOString(),
            recordFails: (index) => this.recordFails(n, index),
            countQueryJob: () => this.limits.bulkQueryJobs++,
          },
          req,
          res,
          url,
          rest,
        );
        return;
      default:
        break;
    }
    throw notFound();
  }

  private resources(version: string): Record<string, string> {
    const base = `/services/data/${version}`;
    const resources: Record<string, string> = {};
    for (const name of [
      'tooling',
      'metadata',
      'eclair',
      'folders',
      'prechatForms',
      'chatter',
      'tabs',
      'appMenu',
      'quickActions',
      'queryAll',
      'commerce',
      'wave',
      'iot',
      'analytics',
      'search',
      'identity',
      'composite',
      'parameterizedSearch',
      'fingerprint',
      'theme',
      'nouns',
      'domino',
      'event',
      'serviceTemplates',
      'recent',
      'connect',
      'licensing',
      'limits',
      'process',
      'async-queries',
      'query',
      'jobs',
      'match',
      'emailConnect',
      'compactLayouts',
      'knowledgeManagement',
      'sobjects',
      'actions',
      'support',
    ]) {
      resources[name] = `${base}/${name}`;
    }
    resources['identity'] = `${this.url}/id/${String(this.organization['Id'])}/${String(this.admin['Id'])}`;
    return resources;
  }

  // ---- identity -------------------------------------------------------------------------------------------

  private urls(session: Session): Record<string, string> {
    const orgId = String(this.organization['Id']);
    const base = this.url;
    return {
      enterprise: `${base}/services/Soap/c/{version}/${orgId}`,
      metadata: `${base}/services/Soap/m/{version}/${orgId}`,
      partner: `${base}/services/Soap/u/{version}/${orgId}`,
      rest: `${base}/services/data/v{version}/`,
      sobjects: `${base}/services/data/v{version}/sobjects/`,
      search: `${base}/services/data/v{version}/search/`,
      query: `${base}/services/data/v{version}/query/`,
      recent: `${base}/services/data/v{version}/recent/`,
      tooling_soap: `${base}/services/Soap/T/{version}/${orgId}`,
      tooling_rest: `${base}/services/data/v{version}/tooling/`,
      profile: `${base}/${String(session.user['Id'])}`,
      feeds: `${base}/services/data/v{version}/chatter/feeds`,
      groups: `${base}/services/data/v{version}/chatter/groups`,
      users: `${base}/services/data/v{version}/chatter/users`,
      feed_items: `${base}/services/data/v{version}/chatter/feed-items`,
      feed_elements: `${base}/services/data/v{version}/chatter/feed-elements`,
      custom_domain: base,
    };
  }

  private utcOffset(): number {
    const now = this.now();
    const local = localDate(now, this.timeZone);
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: this.timeZone,
      hour: 'numeric',
      hourCycle: 'h23',
      minute: 'numeric',
    })
      .formatToParts(now)
      .reduce<Record<string, string>>((acc, p) => ((acc[p.type] = p.value), acc), {});
    const localMs = Date.parse(
      `${local}T${String(parts['hour']).padStart(2, '0')}:${String(parts['minute']).padStart(2, '0')}:00Z`,
    );
    const utcMs = Date.UTC(
      now.getUTCFullYear(),
      now.getUTCMonth(),
      now.getUTCDate(),
      now.getUTCHours(),
      now.getUTCMinutes(),
    );
    return Math.round((localMs - utcMs) / 60_000) * 60_000;
  }

  /** OpenID Connect userinfo (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_using_userinfo_endpoint.htm). */
  private userInfo(session: Session): Record<string, unknown> {
    const u = session.user;
    const name = String(u['Name'] ?? '');
    const [first, ...last] = name.split(' ');
    const userId = String(u['Id']);
    const orgId = String(this.organization['Id']);
    return {
      sub: `${this.url}/id/${orgId}/${userId}`,
      user_id: userId,
      organization_id: orgId,
      preferred_username: u['Username'],
      nickname: String(u['Username'] ?? '').split('@')[0],
      name,
      email: u['Email'] ?? u['Username'],
      email_verified: true,
      given_name: u['FirstName'] ?? first ?? '',
      family_name: u['LastName'] ?? last.join(' '),
      zoneinfo: u['TimeZoneSidKey'] ?? this.timeZone,
      photos: {
        picture: `${this.url}/img/userprofile/default_profile_200_v2.png`,
        thumbnail: `${this.url}/img/userprofile/default_profile_45_v2.png`,
      },
      profile: `${this.url}/${userId}`,
      picture: `${this.url}/img/userprofile/default_profile_200_v2.png`,
      address: {},
      is_salesforce_integration_user: false,
      urls: this.urls(session),
      active: u['IsActive'] !== false,
      user_type: 'STANDARD',
      language: u['LanguageLocaleKey'] ?? 'en_US',
      locale: u['LocaleSidKey'] ?? 'en_US',
      utcOffset: this.utcOffset(),
      updated_at: valueToJson((u['LastModifiedDate'] ?? u['CreatedDate'] ?? null) as Value, undefined) ?? null,
      is_app_installed: true,
    };
  }

  /** The identity URL's response (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_using_openid.htm). */
  private identity(session: Session): Record<string, unknown> {
    const info = this.userInfo(session);
    return {
      id: info['sub'],
      asserted_user: true,
      user_id: info['user_id'],
      organization_id: info['organization_id'],
      username: info['preferred_username'],
      nick_name: info['nickname'],
      display_name: info['name'],
      email: info['email'],
      email_verified: true,
      first_name: info['given_name'],
      last_name: info['family_name'],
      timezone: info['zoneinfo'],
      photos: info['photos'],
      addr_street: null,
      addr_city: null,
      addr_state: null,
      addr_country: null,
      addr_zip: null,
      mobile_phone: null,
      mobile_phone_verified: false,
      is_lightning_login_user: false,
      status: { created_date: null, body: null },
      urls: info['urls'],
      active: info['active'],
      user_type: 'STANDARD',
      language: info['language'],
      locale: info['locale'],
      utcOffset: info['utcOffset'],
      last_modified_date: info['updated_at'],
      is_app_installed: true,
    };
  }

  // ---- query ----------------------------------------------------------------------------------------------

  private queryContext(session: Session, version: string): QueryContext {
    return {
      store: this.store,
      calendar: this.calendar,
      timeZone: this.timeZone,
      apiVersion: version,
      canSee: (table, record) => this.sharing.canSee(session.viewer, table, record),
    };
  }

  private writeContext(session: Session): WriteContext {
    return {
      store: this.store,
      sharing: this.sharing,
      viewer: session.viewer,
      now: this.now().toISOString(),
      undo: [],
    };
  }

  private query(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    session: Session,
    version: string,
    all: boolean,
    locator: string | undefined,
  ): void {
    if (locator) {
      const m = /^(.+)-(\d+)$/.exec(locator);
      const cursor = m ? this.cursors.get(m[1] as string) : undefined;
      if (!m || !cursor || cursor.userId !== String(session.user['Id'])) {
        throw new HttpError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
      }
      sendJson(res, 200, this.page(m[1] as string, cursor, Number(m[2]), version));
      return;
    }
    const soql = url.searchParams.get('q');
    if (!soql) throw new HttpError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
    const result = executeQuery(soql, this.queryContext(session, version), all);
    if (url.searchParams.get('columns') === 'true') {
      sendJson(res, 200, {
        columnMetadata: result.columnMetadata,
        entityName: result.objectName,
        groupBy: result.aggregate,
        idSelected: result.columns.some((c) => c.header === 'Id'),
        keyPrefix: this.store.schema.get(result.objectName)?.schema.keyPrefix ?? null,
      });
      return;
    }
    if (result.countOnly) {
      sendJson(res, 200, { totalSize: result.totalSize, done: true, records: [] });
      return;
    }
    const options = String(req.headers['sforce-query-options'] ?? '');
    const batch = /batchSize=(\d+)/i.exec(options);
    const pageSize = batch ? Math.min(PAGE_SIZE, Math.max(200, Number(batch[1]))) : PAGE_SIZE;
    const cursor: Cursor = { result, userId: String(session.user['Id']), pageSize };
    let id = '';
    if (!result.aggregate && result.rows.length > pageSize) {
      this.cursorSequence++;
      let seq = '';
      for (let rest = this.cursorSequence, i = 0; i < 9; i++, rest = Math.floor(rest / 62)) {
        seq = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'[rest % 62] + seq;
      }
      id = toCaseSafeId(`01g5f0${seq}`);
      this.cursors.set(id, cursor);
      if (this.cursors.size > 1000) this.cursors.delete(this.cursors.keys().next().value as string);
    }
    const limit = result.aggregate ? result.rows.length : pageSize;
    sendJson(res, 200, this.page(id, { ...cursor, pageSize: limit }, 0, version));
  }

  /** One page: `{ totalSize, done, nextRecordsUrl?, records }`. */
  private page(id: string, cursor: Cursor, from: number, version: string): Record<string, unknown> {
    const rows = cursor.result.rows.slice(from, from + cursor.pageSize);
    const next = from + rows.length;
    const done = next >= cursor.result.rows.length;
    const body: Record<string, unknown> = { totalSize: cursor.result.totalSize, done };
    if (!done) body['nextRecordsUrl'] = `/services/data/${version}/query/${id}-${next}`;
    body['records'] = rows.map((r) => cursor.result.render(r));
    if (done && id) this.cursors.delete(id);
    return body;
  }

  // ---- sobjects -------------------------------------------------------------------------------------------

  private objectEntry(name: string | undefined): NonNullable<ReturnType<SchemaRegistry['get']>> {
    const entry = name && !this.store.schema.isHidden(name) ? this.store.schema.get(name) : undefined;
    if (!entry) throw notFound();
    return entry;
  }

  private recordJson(
    table: Table,
    record: StoredRecord,
    version: string,
    fields?: readonly string[],
  ): Record<string, unknown> {
    const name = table.entry.schema.name;
    const out: Record<string, unknown> = {
      attributes: { type: name, url: `/services/data/${version}/sobjects/${name}/${String(record['Id'])}` },
    };
    const list = fields
      ? fields.map((f) => {
          const schemaField = table.entry.fields.get(f.trim().toLowerCase());
          if (!schemaField)
            throw new HttpError(
              400,
              'INVALID_FIELD',
              `No such column '${f.trim()}' on entity '${name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
            );
          return schemaField;
        })
      : table.entry.schema.fields;
    for (const f of list) out[f.name] = valueToJson(record[f.name] ?? null, f);
    return out;
  }

  private visibleRecord(session: Session, objectName: string, id: string): { table: Table; record: StoredRecord } {
    const normalized = normalizeId(id);
    const found = normalized ? this.store.findById(normalized) : undefined;
    if (
      !found ||
      found.record['IsDeleted'] === true ||
      found.table.entry.schema.name.toLowerCase() !== objectName.toLowerCase() ||
      !this.sharing.canSee(session.viewer, found.table, found.record)
    ) {
      throw notFound();
    }
    return found;
  }

  private async sobjects(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    session: Session,
    version: string,
    parts: string[],
  ): Promise<void> {
    const method = req.method ?? 'GET';
    if (parts.length === 0) {
      if (method !== 'GET') throw notFound();
      sendJson(res, 200, describeGlobal(this.store.schema, version));
      return;
    }
    const entry = this.objectEntry(parts[0]);
    const objectName = entry.schema.name;
    if (parts.length === 1) {
      if (method === 'GET') {
        sendJson(res, 200, { objectDescribe: describeSummary(entry, version), recentItems: [] });
        return;
      }
      if (method === 'POST') {
        const body = (await readJson(req)) as Record<string, unknown>;
        const context = this.writeContext(session);
        const outcome = createRecord(context, objectName, body);
        if (!outcome.success) throw this.saveError(outcome);
        sendJson(res, 201, { id: outcome.id, success: true, errors: [] });
        return;
      }
      throw notFound();
    }
    if (parts.length === 2 && parts[1] === 'describe' && method === 'GET') {
      sendJson(res, 200, describeObject(entry, version));
      return;
    }
    if (parts.length === 2) {
      const id = parts[1] as string;
      if (method === 'GET') {
        const { table, record } = this.visibleRecord(session, objectName, id);
        const fields = url.searchParams.get('fields');
        sendJson(res, 200, this.recordJson(table, record, version, fields ? fields.split(',') : undefined));
        return;
      }
      if (method === 'PATCH' || method === 'DELETE') {
        this.visibleRecord(session, objectName, id);
        const context = this.writeContext(session);
        const outcome =
          method === 'PATCH'
            ? updateRecord(context, objectName, id, (await readJson(req)) as Record<string, unknown>)
            : deleteRecord(context, objectName, id);
        if (!outcome.success) throw this.saveError(outcome);
        sendEmpty(res, 204);
        return;
      }
      throw notFound();
    }
    if (parts.length === 3) {
      const field = entry.fields.get((parts[1] as string).toLowerCase());
      if (!field || !(field.externalId || field.name === 'Id')) {
        throw new HttpError(
          404,
          'NOT_FOUND',
          `Provided external ID field does not exist or is not accessible: ${parts[1] as string}`,
        );
      }
      const value = parts[2] as string;
      if (method === 'GET') {
        const table = this.store.table(objectName) as Table;
        const matches = table.records.filter(
          (r) =>
            r['IsDeleted'] !== true &&
            r[field.name] !== null &&
            (field.caseSensitive
              ? r[field.name] === value
              : String(r[field.name]).toLowerCase() === value.toLowerCase()) &&
            this.sharing.canSee(session.viewer, table, r),
        );
        if (matches.length === 0) throw notFound();
        if (matches.length > 1) {
          sendJson(
            res,
            300,
            matches.map((m) => `/services/data/${version}/sobjects/${objectName}/${String(m['Id'])}`),
          );
          return;
        }
        sendJson(res, 200, this.recordJson(table, matches[0] as StoredRecord, version));
        return;
      }
      if (method === 'PATCH') {
        const body = (await readJson(req)) as Record<string, unknown>;
        const context = this.writeContext(session);
        const outcome = upsertRecord(context, objectName, field, value, body);
        if (!outcome.success) {
          if (outcome.errors[0]?.statusCode === 'MULTIPLE_CHOICES') {
            throw new HttpError(300, 'MULTIPLE_CHOICES', outcome.errors[0].message);
          }
          throw this.saveError(outcome);
        }
        sendJson(res, outcome.created ? 201 : 200, {
          id: outcome.id,
          success: true,
          errors: [],
          created: outcome.created === true,
        });
        return;
      }
    }
    throw notFound();
  }

  /** A single-record failure as the REST API answers it: 400 (404 for a missing record) with the first error. */
  private saveError(outcome: SaveOutcome): HttpError {
    const first = outcome.errors[0] ?? fieldError('UNKNOWN_EXCEPTION', 'unknown error');
    const status = first.statusCode === 'INVALID_CROSS_REFERENCE_KEY' && first.fields.length === 0 ? 404 : 400;
    if (status === 404) return notFound();
    return new HttpError(status, first.statusCode, first.message, first.fields);
  }

  // ---- sObject Collections --------------------------------------------------------------------------------

  private async collections(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    session: Session,
    version: string,
    parts: string[],
    n: number,
  ): Promise<void> {
    const method = req.method ?? 'GET';
    if (parts.length === 1 && method === 'POST') {
      // Retrieve many: POST /composite/sobjects/X { ids, fields }
      const entry = this.objectEntry(parts[0]);
      const body = (await readJson(req)) as { ids?: string[]; fields?: string[] };
      const table = this.store.table(entry.schema.name) as Table;
      sendJson(
        res,
        200,
        (body.ids ?? []).map((id) => {
          const normalized = normalizeId(id);
          const found = normalized ? this.store.findById(normalized) : undefined;
          if (
            !found ||
            found.table !== table ||
            found.record['IsDeleted'] === true ||
            !this.sharing.canSee(session.viewer, table, found.record)
          ) {
            return null;
          }
          return this.recordJson(table, found.record, version, body.fields);
        }),
      );
      return;
    }
    if (parts.length === 0 && method === 'DELETE') {
      const ids = (url.searchParams.get('ids') ?? '').split(',').filter((s) => s !== '');
      const allOrNone = url.searchParams.get('allOrNone') === 'true';
      if (ids.length > 200)
        throw new HttpError(
          400,
          'EXCEEDED_ID_LIMIT',
          'record limit reached. cannot submit more than 200 records into this call',
        );
      const results = this.runCollection(
        session,
        n,
        allOrNone,
        ids,
        (context, id) => deleteRecord(context, null, id),
        'update',
      );
      sendJson(res, 200, results);
      return;
    }
    const isCreate = parts.length === 0 && method === 'POST';
    const isUpdate = parts.length === 0 && method === 'PATCH';
    const isUpsert = parts.length === 2 && method === 'PATCH';
    if (!isCreate && !isUpdate && !isUpsert) throw notFound();
    const body = (await readJson(req)) as { allOrNone?: boolean; records?: Record<string, unknown>[] };
    const records = body.records ?? [];
    if (!Array.isArray(records)) throw new HttpError(400, 'JSON_PARSER_ERROR', 'records must be an array');
    if (records.length > 200) {
      throw new HttpError(
        400,
        'EXCEEDED_ID_LIMIT',
        'record limit reached. cannot submit more than 200 records into this call',
      );
    }
    const allOrNone = body.allOrNone === true;
    const typeOf = (r: Record<string, unknown>): string | undefined =>
      (r['attributes'] as { type?: string } | undefined)?.type;
    for (const r of records) {
      if (!typeOf(r)) throw new HttpError(400, 'INVALID_FIELD', 'No SObject Type defined in record');
    }
    if (isUpsert) {
      const entry = this.objectEntry(parts[0]);
      const field = entry.fields.get((parts[1] as string).toLowerCase());
      if (!field || !(field.externalId || field.name === 'Id')) {
        throw new HttpError(
          400,
          'INVALID_FIELD',
          `Field ${parts[1] as string} is not an external id field on ${entry.schema.name}`,
        );
      }
      for (const r of records) {
        if (typeOf(r)?.toLowerCase() !== entry.schema.name.toLowerCase()) {
          throw new HttpError(400, 'INVALID_FIELD', `The records must all be of type ${entry.schema.name}`);
        }
      }
      const valueOf = (r: Record<string, unknown>): Value => {
        const key = Object.keys(r).find((k) => k.toLowerCase() === field.name.toLowerCase());
        return key === undefined ? null : (r[key] as Value);
      };
      const counts = new Map<string, number>();
      for (const r of records) {
        const v = valueOf(r);
        if (v === null) continue;
        const k = field.caseSensitive ? String(v) : String(v).toLowerCase();
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      const results = this.runCollection(
        session,
        n,
        allOrNone,
        records,
        (context, r) => {
          const v = valueOf(r);
          const k = v === null ? null : field.caseSensitive ? String(v) : String(v).toLowerCase();
          if (k !== null && (counts.get(k) ?? 0) > 1) {
            return {
              success: false,
              id: null,
              errors: [
                fieldError('DUPLICATE_EXTERNAL_ID', `Duplicate external id specified: ${String(v)}`, [field.name]),
              ],
            };
          }
          if (v === null && field.name !== 'Id') {
            return {
              success: false,
              id: null,
              errors: [
                fieldError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${field.name}]`, [field.name]),
              ],
            };
          }
          const { attributes: _attributes, ...input } = r;
          void _attributes;
          return upsertRecord(context, entry.schema.name, field, v, input);
        },
        'upsert',
      );
      sendJson(res, 200, results);
      return;
    }
    const results = this.runCollection(
      session,
      n,
      allOrNone,
      records,
      (context, r) => {
        const { attributes: _attributes, ...input } = r;
        void _attributes;
        const type = typeOf(r) as string;
        if (isCreate) return createRecord(context, type, input);
        const idKey = Object.keys(input).find((k) => k.toLowerCase() === 'id');
        const id = idKey ? String(input[idKey]) : '';
        if (idKey) delete input[idKey];
        if (!id)
          return {
            success: false,
            id: null,
            errors: [fieldError('MISSING_ARGUMENT', 'Id not specified in an update call', [])],
          };
        return updateRecord(context, type, id, input);
      },
      isCreate ? 'create' : 'update',
    );
    sendJson(res, 200, results);
  }

  /**
   * Runs a collection's items in order; with allOrNone, any failure rolls every change back and the other items
   * answer ALL_OR_NONE_OPERATION_ROLLED_BACK. Seeded faults can fail items with UNABLE_TO_LOCK_ROW.
   */
  private runCollection<T>(
    session: Session,
    n: number,
    allOrNone: boolean,
    items: readonly T[],
    run: (context: WriteContext, item: T) => SaveOutcome,
    kind: 'create' | 'update' | 'upsert',
  ): Record<string, unknown>[] {
    const context = this.writeContext(session);
    const outcomes = items.map((item, index) => {
      if (this.recordFails(n, index)) {
        return {
          success: false,
          id: null,
          errors: [fieldError('UNABLE_TO_LOCK_ROW', 'unable to obtain exclusive access to this record or 1 records')],
        } satisfies SaveOutcome;
      }
      const undoBefore = context.undo.length;
      const outcome = run(context, item);
      if (!outcome.success) {
        // A failed item leaves nothing behind.
        const own = context.undo.splice(undoBefore);
        for (let i = own.length - 1; i >= 0; i--) (own[i] as () => void)();
      }
      return outcome;
    });
    const failed = outcomes.some((o) => !o.success);
    if (allOrNone && failed) {
      rollback(context);
      return outcomes.map((o) =>
        o.success
          ? this.resultJson(
              {
                success: false,
                id: kind === 'create' ? null : o.id,
                errors: [
                  fieldError(
                    'ALL_OR_NONE_OPERATION_ROLLED_BACK',
                    'Record rolled back because not all records were valid and the request was using AllOrNone header',
                  ),
                ],
              },
              kind,
            )
          : this.resultJson(o, kind),
      );
    }
    return outcomes.map((o) => this.resultJson(o, kind));
  }

  /** Whether the fault plan fails record `index` of request n (logged when it does). */
  private recordFails(n: number, index: number): boolean {
    const fails = this.faults?.recordFails(n, index) ?? false;
    if (fails) this.recordFault(n, 'recordFailure', null);
    return fails;
  }

  /** A SaveResult / UpsertResult as sObject Collections answer it. */
  private resultJson(o: SaveOutcome, kind: 'create' | 'update' | 'upsert'): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (o.success || (kind === 'update' && o.id)) out['id'] = o.id;
    out['success'] = o.success;
    out['errors'] = o.errors.map((e) => ({ statusCode: e.statusCode, message: e.message, fields: e.fields }));
    if (kind === 'upsert' && o.success) out['created'] = o.created === true;
    return out;
  }
}
