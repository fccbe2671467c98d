import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpportunityHistoryTable } from '@salesops/core';
import { readHistoryInWorker } from './readHistoryInWorker.js';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'salesops-history-worker-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const table = OpportunityHistoryTable.of([
  {
    OpportunityId: '006000000000001AAA',
    CreatedDate: '2026-04-01T10:00:00.000Z',
    StageName: 'Prospecting',
    Amount: 100,
    CloseDate: null,
    Probability: null,
    ForecastCategory: null,
  },
]);

describe('readHistoryInWorker', () => {
  it('reads in this thread when the worker cannot run', async () => {
    const broken = join(dir, 'broken.mjs');
    writeFileSync(broken, 'throw new Error("no worker here");\n');
    const read = readHistoryInWorker(
      join(dir, 'OpportunityHistory.csv'),
      () => Promise.resolve(table),
      pathToFileURL(broken),
    );
    expect(await read.table()).toBe(table);
  });

  it('does not read in this thread once stopped', async () => {
    const idle = join(dir, 'idle.mjs');
    writeFileSync(idle, 'setTimeout(() => {}, 60_000);\n');
    let readHere = 0;
    const read = readHistoryInWorker(
      join(dir, 'OpportunityHistory.csv'),
      () => {
        readHere++;
        return Promise.resolve(table);
      },
      pathToFileURL(idle),
    );
    await read.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readHere).toBe(0);
  });
});
