/**
 * Who may talk to the local org from a browser. CORS: an allowed `Origin` is reflected with credentials (by default
 * loopback origins, the widget gallery's `http://127.0.0.1:8090` among them), the headers clients page with are
 * exposed, preflights are answered. Host: a request whose `Host` is not an allowed name (by default loopback names
 * and the host the server listens on) is refused, so a page on a rebound DNS name cannot reach the org.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** `localhost`, `127.0.0.1`, `[::1]` with or without a port. */
function hostnameOf(host: string): string {
  const bracketed = /^(\[[^\]]+\])(?::\d+)?$/.exec(host);
  if (bracketed) return (bracketed[1] as string).toLowerCase();
  return host.replace(/:\d+$/, '').toLowerCase();
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTNAMES.has(url.hostname);
  } catch {
    return false;
  }
}

/** Whether the request's Host names this server: an allowed host name (any port), `*` for any. */
export function hostAllowed(req: IncomingMessage, allowed: '*' | readonly string[]): boolean {
  if (allowed === '*') return true;
  const host = req.headers.host;
  if (!host) return true; // HTTP/1.0 clients send none; a browser always does
  const name = hostnameOf(host);
  return allowed.some((h) => hostnameOf(h) === name);
}

/** The default allowed hosts: loopback names and the name the server listens on. */
export function defaultAllowedHosts(listenHost: string): string[] {
  return [...LOOPBACK_HOSTNAMES, listenHost];
}

/**
 * Sets the CORS headers for an allowed origin: `*` allows any, a list allows those, `loopback` (the default) the
 * gallery's and every other loopback origin.
 */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowed: '*' | 'loopback' | readonly string[],
): void {
  const origin = req.headers.origin;
  if (!origin) return;
  const ok = allowed === '*' || (allowed === 'loopback' ? isLoopbackOrigin(origin) : allowed.includes(origin));
  if (!ok) return;
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
