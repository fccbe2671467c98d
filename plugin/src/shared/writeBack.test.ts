/**
 * writeBack against the local org: the audit record's own upsert is checked, and a run whose SalesOps_Run__c record
 * is refused says so and exits 1 (the results themselves were written).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Org } from '@salesforce/core';
import type { SfCommand } from '@salesforce/sf-plugins-core';
import { Connection } from 'jsforce';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { start, type LocalOrg } from '@salesops/local-org';
import { writeBack } from './writeBack.js';

let org: LocalOrg;
let dir: string;
const cwd = process.cwd();

beforeAll(async () => {
  org = await start({ sample: { size: 'toy' }, now: () => new Date('2026-11-16T12:00:00.000Z') });
  dir = await mkdtemp(join(tmpdir(), 'write-back-'));
  process.chdir(dir);
});
afterAll(async () => {
  process.chdir(cwd);
  await org.stop();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  org.setFaults(undefined);
  process.exitCode = undefined;
});

/** A command that keeps what it tells people, and the org as `--target-org` gives it. */
function fixtures(): { command: SfCommand<unknown>; warnings: string[]; spinner: string[]; targetOrg: Org } {
  const warnings: string[] = [];
  /** What the spinner showed: `start …`, `status …`, `stop`. */
  const spinner: string[] = [];
  const command = {
    logToStderr: () => undefined,
    warn: (m: string) => void warnings.push(m),
    spinner: {
      start: (action: string) => void spinner.push(`start ${action}`),
      stop: (message?: string) => void spinner.push(`stop${message ? ` ${message}` : ''}`),
      set status(status: string) {
        spinner.push(`status ${status}`);
      },
    },
  };
  const connection = new Connection({ instanceUrl: org.url, accessToken: org.tokens.admin, version: '64.0' });
  const targetOrg = { getConnection: () => connection, getUsername: () => 'admin@local' };
  return {
    command: command as unknown as SfCommand<unknown>,
    warnings,
    spinner,
    targetOrg: targetOrg as unknown as Org,
  };
}

describe('writeBack', () => {
  it('records the run and exits 0 when everything was saved', async () => {
    const { command, warnings, targetOrg } = fixtures();
    const written = await writeBack(
      command,
      { write: true, 'dry-run': false, 'target-org': targetOrg },
      'x',
      [],
      () => [],
    );
    expect(written).toMatchObject({ upserted: 0, failed: 0, errorFile: null });
    expect(warnings).toEqual([]);
    expect(process.exitCode).toBeUndefined();
    const runs = await targetOrg
      .getConnection()
      .query(`SELECT Key__c FROM SalesOps_Run__c WHERE Key__c = 'run|${written?.runId}'`);
    expect(runs.totalSize).toBe(1);
  });

  it('says so and exits 1 when the org refuses the SalesOps_Run__c record', async () => {
    const { command, warnings, targetOrg } = fixtures();
    // Every record of a write fails: here the only record is the run's own.
    org.setFaults({ seed: 3, recordFailureRate: 1 });
    const written = await writeBack(
      command,
      { write: true, 'dry-run': false, 'target-org': targetOrg },
      'x',
      [],
      () => [],
    );
    org.setFaults(undefined);
    expect(written).toMatchObject({ upserted: 0, failed: 0 });
    expect(process.exitCode).toBe(1);
    const errorFile = `salesops-failed-SalesOps_Run__c-${written?.runId}.csv`;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`run|${written?.runId}`);
    expect(warnings[0]).toContain(errorFile);
    expect(await readFile(join(dir, errorFile), 'utf8')).toMatch(/^Error_Code,[^\n]*\nUNABLE_TO_LOCK_ROW,/);
  });

  it('shows the write and the Bulk API job polls on the spinner', async () => {
    const { command, spinner, targetOrg } = fixtures();
    const records = Array.from({ length: 2_000 }, (_, i) => ({
      Key__c: `run|spinner-${i}`,
      Command__c: 'sf salesops test',
      Started__c: '2026-11-16T10:00:00.000Z',
      Records_Written__c: 0,
      Records_Failed__c: 0,
      Status__c: 'Succeeded',
    }));
    await writeBack(command, { write: true, 'dry-run': false, 'target-org': targetOrg }, 'x', [], () => [
      { sobject: 'SalesOps_Run__c', records },
    ]);
    expect(process.exitCode).toBeUndefined();
    expect(spinner[0]).toBe('start Writing 2000 SalesOps_Run__c records');
    const statuses = spinner.filter((s) => s.startsWith('status '));
    // The local org answers the first poll InProgress, the next JobComplete.
    expect(statuses).toEqual(['status 0 of 2000 records (InProgress)', 'status 2000 of 2000 records (JobComplete)']);
    expect(spinner.at(-1)).toBe('stop');
  });
});
