/**
 * Browsers may talk to the local org only from the gallery's and other loopback origins (or the origins configured),
 * and requests whose Host is not a loopback name are refused, so a DNS-rebinding page cannot reach it.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { useToyOrgs } from '../localOrgs.test.fixture.js';
import type { LocalOrg } from '../localOrg.js';

const toyOrgs = useToyOrgs();

/** A raw request (fetch cannot set Host): status and headers. */
function send(
  org: LocalOrg,
  headers: Record<string, string>,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(`${org.url}/services/data/v62.0/limits`);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method,
        headers: { Authorization: `Bearer ${org.tokens.admin}`, ...headers },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('CORS and Host', () => {
  it("reflects the gallery's origin and other loopback origins", async () => {
    const org = toyOrgs.first();
    for (const origin of ['http://127.0.0.1:8090', 'http://localhost:8000', 'http://[::1]:5173']) {
      const res = await send(org, { Origin: origin });
      expect(res.status).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
    }
  });

  it('does not reflect any other origin, nor answer its preflight with CORS headers', async () => {
    const org = toyOrgs.first();
    const res = await send(org, { Origin: 'http://evil.example' });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await send(
      org,
      { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'GET' },
      'OPTIONS',
    );
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('refuses a request whose Host is not a loopback name with 421 (DNS rebinding)', async () => {
    const org = toyOrgs.first();
    const port = new URL(org.url).port;
    const res = await send(org, { Host: `rebind.evil.example:${port}` });
    expect(res.status).toBe(421);
    expect(JSON.parse(res.body)).toEqual([
      { message: `Host not allowed: rebind.evil.example:${port}`, errorCode: 'MISDIRECTED_REQUEST' },
    ]);
    expect((await send(org, { Host: `localhost:${port}` })).status).toBe(200);
  });

  it('keeps the options: a configured origin list and allowed hosts', async () => {
    const org = await toyOrgs.start({ corsOrigins: ['https://app.example'], allowedHosts: ['org.test'] });
    const allowed = await send(org, { Origin: 'https://app.example', Host: 'org.test' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example');
    const loopback = await send(org, { Origin: 'http://127.0.0.1:8090' });
    expect(loopback.headers['access-control-allow-origin']).toBeUndefined();
    const anyOrigin = await toyOrgs.start({ corsOrigins: '*' });
    expect((await send(anyOrigin, { Origin: 'https://anywhere.example' })).headers['access-control-allow-origin']).toBe(
      'https://anywhere.example',
    );
  });
});
