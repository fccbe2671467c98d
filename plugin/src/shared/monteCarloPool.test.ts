import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMonteCarloJob, type MonteCarloJob } from '@salesops/core';
import { monteCarloPool } from './monteCarloPool.js';

// The worker as Node runs it from source (types stripped); it reads the engine's build, as `npm test` builds first.
const workerModule = new URL('./monteCarloWorker.ts', import.meta.url);

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'salesops-monte-carlo-pool-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Shared by every job, as a forecast's past ratios are: sent to each thread once.
const amountRatios = Array.from({ length: 5000 }, (_, k) => 0.6 + ((k * 7919) % 997) / 997);
const renewalRatios = Array.from({ length: 3000 }, (_, k) => 0.8 + ((k * 104_729) % 991) / 1982);

/** Scopes of 20–130 deals: with rate uncertainty and renewals, with uncertainty only, and independent coins. */
function jobs(count: number): MonteCarloJob[] {
  return Array.from({ length: count }, (_, j) => {
    const deals = 20 + 10 * j;
    const amounts = Float64Array.from({ length: deals }, (_, k) => 1000 + ((k * 613 + j) % 97) * 500);
    const probabilities = Float64Array.from({ length: deals }, (_, k) => (k % 11 === 0 ? 1 : ((k * 331) % 89) / 100));
    const base: MonteCarloJob = {
      base: 500 * j,
      amounts,
      probabilities,
      draws: 10_000,
      seed: 1000 + j,
      unseen: [0, 4000, 9000],
    };
    if (j % 3 === 2) return base;
    return {
      ...base,
      uncertainty: {
        cellOf: Int32Array.from({ length: deals }, (_, k) => k % 4),
        cells: [0, 1, 2, 3].map((c) => ({ alpha: 2 + c, beta: 5 + 3 * c })),
        factor: { mean: 1.05, sd: 0.2 },
        amountRatios,
      },
      ...(j % 3 === 0
        ? {
            renewals: {
              amounts: [20_000, 35_000, 50_000],
              law: { winRate: { alpha: 30, beta: 10 }, ratios: renewalRatios },
            },
          }
        : {}),
    };
  });
}

describe('monteCarloPool', () => {
  it('runs the jobs in threads with the figures they give here', async () => {
    const pool = monteCarloPool({ threads: 2, startAfterDeals: 0, workerModule });
    try {
      const list = jobs(12);
      const results = await Promise.all(list.map((job) => pool.run(job)));
      expect(results).toEqual(list.map((job) => runMonteCarloJob(job)));
      expect(pool.jobsInThreads).toBe(12);
    } finally {
      await pool.close();
    }
  });

  it('finds its worker through the plugin package’s exports, as the installed plugin does', async () => {
    const pool = monteCarloPool({ threads: 2, startAfterDeals: 0 });
    try {
      const list = jobs(2);
      expect(await Promise.all(list.map((job) => pool.run(job)))).toEqual(list.map((job) => runMonteCarloJob(job)));
      expect(pool.jobsInThreads).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('runs small forecasts here, without starting a thread', async () => {
    const pool = monteCarloPool({ threads: 2, startAfterDeals: 1_000_000, workerModule });
    const list = jobs(3);
    expect(await Promise.all(list.map((job) => pool.run(job)))).toEqual(list.map((job) => runMonteCarloJob(job)));
    expect(pool.jobsInThreads).toBe(0);
    await pool.close();
  });

  it('starts its threads before the first job when the run will want them, and not when it will not', async () => {
    const early = monteCarloPool({ threads: 2, startAfterDeals: 1_000_000, workerModule });
    const late = monteCarloPool({ threads: 2, startAfterDeals: 1_000_000, workerModule });
    try {
      early.startFor(1_000_000);
      late.startFor(999_999);
      const list = jobs(3);
      const expected = list.map((job) => runMonteCarloJob(job));
      expect(await Promise.all(list.map((job) => early.run(job)))).toEqual(expected);
      expect(await Promise.all(list.map((job) => late.run(job)))).toEqual(expected);
      expect(early.jobsInThreads).toBe(3);
      expect(late.jobsInThreads).toBe(0);
    } finally {
      await Promise.all([early.close(), late.close()]);
    }
  });

  it('runs the jobs here when its threads cannot start', async () => {
    const broken = join(dir, 'broken.mjs');
    writeFileSync(broken, 'throw new Error("no worker here");\n');
    const pool = monteCarloPool({ threads: 2, startAfterDeals: 0, workerModule: pathToFileURL(broken) });
    const list = jobs(4);
    expect(await Promise.all(list.map((job) => pool.run(job)))).toEqual(list.map((job) => runMonteCarloJob(job)));
    expect(pool.jobsInThreads).toBe(0);
    await pool.close();
  });

  it('runs a job here when its thread dies before answering', async () => {
    const dying = join(dir, 'dying.mjs');
    writeFileSync(
      dying,
      'import { parentPort } from "node:worker_threads";\nparentPort.on("message", () => process.exit(3));\n',
    );
    const pool = monteCarloPool({ threads: 2, startAfterDeals: 0, workerModule: pathToFileURL(dying) });
    const list = jobs(3);
    expect(await Promise.all(list.map((job) => pool.run(job)))).toEqual(list.map((job) => runMonteCarloJob(job)));
    await pool.close();
  });

  it('rejects a job its thread could not run, with the thread’s error', async () => {
    const pool = monteCarloPool({ threads: 2, startAfterDeals: 0, workerModule });
    try {
      const bad = { ...jobs(1)[0]!, probabilities: undefined as unknown as Float64Array };
      await expect(pool.run(bad)).rejects.toThrow(/undefined/);
      expect(pool.jobsInThreads).toBe(1);
    } finally {
      await pool.close();
    }
  });
});
