/**
 * org check's API estimate is the reader's request count: readRequestEstimate over readVolumes equals the requests
 * readOrgData makes, as the local org counts them (its API allowance), for an org with and without hidden objects.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgDataObjects, type OrgData, type ReadObjectName } from '@salesops/core';
import { generateSampleOrg, start, type LocalOrg } from '@salesops/local-org';
import { readOrgData, readRequestEstimate, readVolumes } from '@salesops/org';

let dir: string;
const orgs: LocalOrg[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-estimate-'));
  await generateSampleOrg({ outDir: dir, size: 'default' });
}, 180_000);
afterAll(async () => {
  await Promise.all(orgs.map((o) => o.stop()));
  await rm(dir, { recursive: true, force: true });
});

// What the commands read (all but line items, which only the report reads).
const keys = (Object.keys(orgDataObjects) as Array<keyof OrgData>).filter((k) => k !== 'opportunityLineItems');
const sobjects = keys.map((k) => orgDataObjects[k] as ReadObjectName);

describe('read request estimate', () => {
  it.each([
    ['every object visible', undefined],
    ['territories and quotas hidden', { objects: ['Territory2Model', 'Territory2', 'ForecastingQuota'] }],
  ] as const)('equals the requests of the read (%s)', async (_, hidden) => {
    const org = await start({ dataDir: dir, ...(hidden ? { hidden } : {}) });
    orgs.push(org);
    const connection = new Connection({ instanceUrl: org.url, accessToken: org.tokens.admin, version: '64.0' });
    const volumes = await readVolumes(connection, sobjects);
    const estimate = readRequestEstimate(volumes);
    expect(volumes.find((v) => v.sobject === 'OpportunityHistory')?.count).toBeGreaterThan(2_000);
    const before = org.limits.used;
    const read = await readOrgData(connection, { objects: keys });
    expect(read.requests).toBe(estimate);
    expect(org.limits.used - before).toBe(estimate);
  });
});
