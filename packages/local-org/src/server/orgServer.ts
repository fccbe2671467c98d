/**
 * The local org's HTTP server: the request pipeline (CORS, seeded faults, authentication, API limits) in front of
 * the unversioned routes (versions, userinfo, identity) and the versioned API's route table.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { identity, userInfo } from './api/identity.js';
import { chargeApiRequest } from './api/limitsResource.js';
import { routeApi } from './api/routes.js';
import { sendSoapFault, soapCall, soapSession } from './api/soapApi.js';
import { OLDEST_API_VERSION, versions } from './api/versions.js';
import { Bulk2Jobs } from './bulk/bulk2Jobs.js';
import type { OrgStore } from './data/orgStore.js';
import { FaultLog } from './faultLog.js';
import { applyCors, defaultAllowedHosts, hostAllowed } from './http/cors.js';
import { HttpError, notFound, readBody, sendEmpty, sendError, sendJson } from './http/httpUtil.js';
import type { OrgServices } from './http/requestContext.js';
import { ApiLimits } from './limits.js';
import type { LocalOrg, StartOptions } from './localOrg.js';
import { ensureAdmin, ensureOrganization } from './orgSetup.js';
import { QueryCursors } from './queryCursors.js';
import { Sessions, type Session } from './sessions.js';
import { SharingModel } from './sharing.js';
import { localDate } from './soql/dateLiterals.js';
import { SoqlError } from './soql/soqlError.js';

const DEFAULT_API_VERSION = '64.0';

/** A path segment percent-decoded; a bad escape (`%zz`) is 400 ILLEGAL_QUERY_PARAMETER_VALUE, as Salesforce says. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    const at = segment.search(/%(?![0-9A-Fa-f]{2})/);
    throw new HttpError(
      400,
      'ILLEGAL_QUERY_PARAMETER_VALUE',
      `URLDecoder: Illegal hex characters in escape (%) pattern - Error at index ${Math.max(0, at)} in: "${segment.slice(at + 1, at + 3)}"`,
    );
  }
}

export class LocalOrgServer {
  private readonly server: Server;
  private readonly org: OrgServices & { url: string };
  private readonly sessions: Sessions;
  private readonly sockets = new Set<Socket>();

  constructor(
    store: OrgStore,
    private readonly options: StartOptions,
    anchor: string | undefined,
  ) {
    const organization = ensureOrganization(store);
    const admin = ensureAdmin(store);
    const now = options.now ?? (() => new Date());
    const timeZone = String(organization['TimeZoneSidKey'] ?? 'America/Los_Angeles');
    this.org = {
      store,
      sharing: new SharingModel(store),
      limits: new ApiLimits(options.apiLimit),
      bulk: new Bulk2Jobs(
        options.bulkPollsBeforeComplete ?? 1,
        options.bulkPageSize ?? 50_000,
        options.bulkIngestMaxBytes ?? 150 * 1024 * 1024,
      ),
      cursors: new QueryCursors(options.queryCursorsPerUser ?? 10),
      faults: new FaultLog(options.faults),
      organization,
      admin,
      calendar: {
        today: options.today ?? anchor ?? localDate(now(), timeZone),
        fiscalYearStartMonth: Number(organization['FiscalYearStartMonth'] ?? 1),
        usesStartDateAsFiscalYearName: organization['UsesStartDateAsFiscalYearName'] === true,
      },
      timeZone,
      now,
      queryBudget: {
        timeoutMs: options.queryBudget?.timeoutMs ?? 120_000,
        maxRowsScanned: options.queryBudget?.maxRowsScanned ?? 100_000_000,
      },
      latestVersion: Number(options.apiVersion ?? DEFAULT_API_VERSION),
      url: '',
    };
    this.sessions = new Sessions(store, organization, admin);
    this.sessions.issue();
    this.server = createServer((req, res) => {
      void this.dispatch(req, res);
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  listen(port: number, host: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const address = this.server.address();
        const actualPort = typeof address === 'object' && address ? address.port : port;
        this.org.url = `http://${host}:${actualPort}`;
        resolve();
      });
    });
  }

  handle(): LocalOrg {
    const { org, sessions } = this;
    return {
      url: org.url,
      organizationId: String(org.organization['Id']),
      get tokens() {
        return sessions.tokens;
      },
      store: org.store,
      limits: org.limits,
      warnings: org.store.warnings,
      setFaults: (faults) => {
        org.faults.setPlan(faults);
        sessions.requests = 0;
      },
      get faultLog() {
        return org.faults.events.map((e) => ({ ...e }));
      },
      renewSessions: () => sessions.issue(),
      save: (dir) => org.store.saveDataDir(dir),
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
      const url = new URL((req.url ?? '/').replace(/^\/{2,}/, '/'), this.org.url);
      const hosts = this.options.allowedHosts ?? defaultAllowedHosts(this.options.host ?? '127.0.0.1');
      if (!hostAllowed(req, hosts)) {
        throw new HttpError(421, 'MISDIRECTED_REQUEST', `Host not allowed: ${req.headers.host ?? ''}`);
      }
      applyCors(req, res, this.options.corsOrigins ?? 'loopback');
      if (req.method === 'OPTIONS') {
        sendEmpty(res, 204);
        return;
      }
      const faults = this.org.faults;
      const n = faults.begin(req.method ?? 'GET', url, res);
      const fault = faults.plan?.forRequest(n);
      if (fault?.spike) faults.record(n, 'latencySpike', null);
      if (fault && fault.latencyMs > 0) await new Promise((r) => setTimeout(r, fault.latencyMs));
      if (fault?.drop) {
        faults.record(n, 'drop', null);
        req.socket.destroy();
        return;
      }
      if (fault?.serverError) {
        const status = fault.serverError;
        faults.record(n, 'serverError', status);
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

  private authenticate(req: IncomingMessage, n: number): Session {
    return this.sessions.authenticate(
      req.headers.authorization,
      this.org.faults.plan?.options.sessionExpiresAfter,
      () => this.org.faults.record(n, 'sessionExpired', 401),
    );
  }

  /** The SOAP API's undelete and getServerTimestamp (the REST API has neither); errors as SOAP faults. */
  private async soap(req: IncomingMessage, res: ServerResponse, url: URL, n: number, version: string): Promise<void> {
    try {
      const envelope = await readBody(req);
      const session = this.sessions.authenticate(
        soapSession(envelope),
        this.org.faults.plan?.options.sessionExpiresAfter,
        () => this.org.faults.record(n, 'sessionExpired', 401),
      );
      chargeApiRequest(this.org, res, n);
      soapCall({ org: this.org, req, res, url, method: 'POST', n, session, version }, envelope);
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      sendSoapFault(res, e);
    }
  }

  private async route(req: IncomingMessage, res: ServerResponse, url: URL, n: number): Promise<void> {
    const method = req.method ?? 'GET';
    const path = url.pathname.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
    if (path === '/services/data' && method === 'GET') {
      sendJson(res, 200, versions(this.org));
      return;
    }
    if (path === '/services/oauth2/userinfo') {
      sendJson(res, 200, userInfo(this.org, this.authenticate(req, n)));
      return;
    }
    if (/^\/id\/([^/]+)\/([^/]+)$/.test(path)) {
      sendJson(res, 200, identity(this.org, this.authenticate(req, n)));
      return;
    }
    const soap = /^\/services\/Soap\/u\/(\d+\.\d)$/.exec(path);
    if (soap && method === 'POST') {
      await this.soap(req, res, url, n, `v${soap[1] as string}`);
      return;
    }
    const versioned = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(path);
    if (!versioned) throw notFound();
    const numeric = Number(versioned[1]);
    if (numeric < OLDEST_API_VERSION || numeric > this.org.latestVersion) throw notFound();
    const session = this.authenticate(req, n);
    chargeApiRequest(this.org, res, n);
    const parts = (versioned[2] ?? '')
      .split('/')
      .filter((p) => p !== '')
      .map(decodePathSegment);
    await routeApi({ org: this.org, req, res, url, method, n, session, version: `v${versioned[1] as string}` }, parts);
  }
}
