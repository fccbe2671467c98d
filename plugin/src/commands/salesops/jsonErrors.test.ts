/**
 * `--json` errors for bad input carry the message, the actions and the exit code, never a stack trace or the
 * toolkit's internal paths; errors have actions (an expired session says how to log in again).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Config } from '@oclif/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE } from '@salesops/local-org';
import { BulkJobError, BulkQueryError, SessionExpiredError } from '@salesops/org';
import { apiError } from '../../shared/apiError.js';
import { withoutInternals } from '../../shared/salesopsCommand.js';
import PipelineHygiene from './pipeline/hygiene.js';

const pluginRoot = join(import.meta.dirname, '../../..');
let dir: string;
let config: Config;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plugin-json-errors-'));
  await generateSampleOrg({ outDir: join(dir, 'org'), size: 'toy' });
  config = await Config.load(pluginRoot);
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The JSON the command prints on stdout for `argv --json`. */
async function jsonOf(argv: string[]): Promise<Record<string, unknown>> {
  let stdout = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await PipelineHygiene.run([...argv, '--json'], config).catch(() => undefined);
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('--json errors', () => {
  it('name bad input without a stack trace or internal paths', async () => {
    const badPeriod = await jsonOf([
      '--data-dir',
      join(dir, 'org'),
      '--as-of',
      SAMPLE_ANCHOR_DATE,
      '--period',
      'FY20x',
    ]);
    const broken = join(dir, 'broken');
    await generateSampleOrg({ outDir: broken, size: 'toy' });
    await writeFile(join(broken, 'Opportunity.csv'), 'Id,Amount\n006000000000001AAA,not-a-number\n');
    const badData = await jsonOf(['--data-dir', broken, '--as-of', SAMPLE_ANCHOR_DATE]);
    const badFlag = await jsonOf(['--data-dir', join(dir, 'org'), '--result-format', 'xml']);
    for (const [what, json, status] of [
      ['bad period', badPeriod, 1],
      ['bad data', badData, 1],
      ['bad flag', badFlag, 2],
    ] as const) {
      expect(json['status'], what).toBe(status);
      expect(typeof json['message'], what).toBe('string');
      expect(json, what).not.toHaveProperty('stack');
      expect(json, what).not.toHaveProperty('cause');
      const text = JSON.stringify(json);
      expect(text, what).not.toMatch(/node_modules|\/src\/|\.ts:\d|\.js:\d|\n\s+at /);
    }
    expect(badData['name']).toBe('BadData');
    expect((badData['actions'] as string[]).length).toBeGreaterThan(0);
  });

  it('keep the stack of a bug, which a bug report needs', () => {
    const bug = { status: 1, name: 'TypeError', message: 'x is undefined', stack: 'TypeError: x\n    at f (a.js:1:1)' };
    expect(withoutInternals(bug)).toEqual(bug);
  });

  it('say how to log in again when the session expired', () => {
    const error = apiError(new SessionExpiredError(), undefined) as Error & { actions?: string[] };
    expect(error.name).toBe('SessionExpired');
    expect(error.message).toContain('INVALID_SESSION_ID');
    expect(error.actions?.join('\n')).toMatch(/sf org login web/);
  });

  it('name a Bulk job that failed, was aborted or timed out, with the reason the org gave', () => {
    const failed = apiError(
      new BulkQueryError('JOB_FAILED', '750X', 'InvalidBatch : bad query'),
      undefined,
    ) as Error & {
      actions?: string[];
    };
    expect(failed.name).toBe('JOB_FAILED');
    expect(failed.message).toBe('The Bulk API 2.0 job 750X failed: InvalidBatch : bad query');
    expect(failed.actions?.length).toBeGreaterThan(0);
    const aborted = apiError(new BulkJobError('JOB_ABORTED', '750Y'), undefined) as Error;
    expect(aborted.message).toBe('The Bulk API 2.0 job 750Y was aborted: the org gave no reason');
    const late = apiError(new BulkQueryError('JOB_TIMEOUT', '750Z'), undefined) as Error;
    expect(late.message).toBe('The Bulk API 2.0 job 750Z did not complete in time.');
  });
});
