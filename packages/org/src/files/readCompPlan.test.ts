import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CompPlanError } from '@salesops/core';
import { readCompPlan } from './readCompPlan.js';

const examples = join(import.meta.dirname, '../../../core/comp-plans');
const dir = await mkdtemp(join(tmpdir(), 'comp-plan-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('readCompPlan', () => {
  it('reads the example plans; the YAML and JSON versions of the 75/25 plan are the same plan', async () => {
    const yaml = await readCompPlan(join(examples, 'ae-75-25.yaml'));
    const json = await readCompPlan(join(examples, 'ae-75-25.json'));
    expect(yaml).toEqual(json);
    expect(yaml.components.map((c) => [c.measure, c.weight])).toEqual([
      ['individual', 0.75],
      ['team', 0.25],
    ]);
    expect(yaml.cap).toBe(2.5);
    expect((await readCompPlan(join(examples, 'individual-only.yaml'))).tiers).toHaveLength(2);
  });

  it('names the file, line and column of a YAML syntax error', async () => {
    const file = join(dir, 'broken.yaml');
    await writeFile(file, 'name: x\ntargetIncentive: [1, 2\n');
    await expect(readCompPlan(file)).rejects.toThrow(CompPlanError);
    await expect(readCompPlan(file)).rejects.toThrow(
      /broken\.yaml is not a valid compensation plan:\n {2}\(line \d+, column \d+\): not valid YAML/,
    );
  });

  it('names the file and the field of an invalid plan', async () => {
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ name: 'x', targetIncentive: -5, components: [], tiers: [] }));
    await expect(readCompPlan(file)).rejects.toThrow(
      /bad\.json is not a valid compensation plan:\n {2}targetIncentive: /,
    );
  });
});
