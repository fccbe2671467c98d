import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * CORS for browser clients (the widget gallery): an allowed `Origin` is reflected with credentials, the headers
 * clients page with are exposed, and preflights are answered.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowed: '*' | readonly string[]): void {
  const origin = req.headers.origin;
  if (!origin) return;
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
