import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Connection } from 'jsforce';
import { createRandom, start } from '@salesops/local-org';
import { syncMirror } from '@salesops/org';
import { liveIds, updateDeals } from './orgChanges.js';

let skew = 3_600_000;
let log: string[] | null = null;
let last = 0;
const org = await start({
  dataDir: resolve('.sample-org/100000'),
  now: () => new Date(Date.now() - skew),
  log: (line) => {
    if (!log) return;
    const t = performance.now();
    log.push(`${(t - last).toFixed(0).padStart(6)} ms  ${line.slice(0, 140)}`);
    last = t;
  },
});
skew = 0;
const conn = new Connection({ instanceUrl: org.url, accessToken: org.tokens.admin, version: '64.0' });
const mirror = join(await mkdtemp(join(tmpdir(), 'prof-')), 'm');
const options = { dir: mirror, organizationId: org.organizationId, instanceUrl: org.url, apiVersion: '64.0' };
await syncMirror(conn, options);
const ids = (await liveIds(conn, 'Opportunity')).filter((_, i) => i % 100 === 0);
await updateDeals(conn, ids, createRandom(1));
log = [];
last = performance.now();
const t0 = performance.now();
await syncMirror(conn, options);
console.log(log.join('\n'));
console.log(`total ${(performance.now() - t0).toFixed(0)} ms, tail after last request ${(performance.now() - last).toFixed(0)} ms`);
await org.stop();
