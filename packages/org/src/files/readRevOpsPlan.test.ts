import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RevOpsPlanError } from '@salesops/core';
import { readRevOpsPlan } from './readRevOpsPlan.js';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

async function planFile(name: string, text: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'revops-plan-'));
  folders.push(folder);
  const file = join(folder, name);
  await writeFile(file, text);
  return file;
}

describe('readRevOpsPlan', () => {
  it('reads YAML and JSON plans', async () => {
    const yaml = await planFile(
      'plan.yaml',
      'grossMargin: 0.8\nsalesCost:\n  - period: FY2026-Q4\n    amount: 250000\n',
    );
    expect(await readRevOpsPlan(yaml)).toEqual({
      grossMargin: 0.8,
      salesCost: [{ period: 'FY2026-Q4', amount: 250000 }],
    });
    const json = await planFile('plan.json', '{ "marketingLeadSources": ["Web"] }');
    expect(await readRevOpsPlan(json)).toEqual({ salesCost: [], marketingLeadSources: ['Web'] });
  });

  it('names the file, line and field of every bad value', async () => {
    const file = await planFile('plan.yaml', 'grossMargin: 78\nsalesCost:\n  - start: 2026-10-01\n    amount: -5\n');
    const read = readRevOpsPlan(file);
    await expect(read).rejects.toThrow(RevOpsPlanError);
    await expect(readRevOpsPlan(file)).rejects.toThrow(`${file} is not a valid revenue-operations plan`);
    await expect(readRevOpsPlan(file)).rejects.toThrow('line 1, grossMargin: a gross margin is a fraction up to 1');
    await expect(readRevOpsPlan(file)).rejects.toThrow('line 4, salesCost[0].amount: a cost is 0 or more');
    await expect(readRevOpsPlan(file)).rejects.toThrow('line 3, salesCost[0]: start and end go together');
  });

  it('names the line of a syntax error', async () => {
    const file = await planFile('plan.json', '{\n  "grossMargin": 0.8\n');
    await expect(readRevOpsPlan(file)).rejects.toThrow(/line \d+, \(plan\): not valid JSON/);
  });
});
