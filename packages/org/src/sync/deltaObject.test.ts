import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { updateObject } from './deltaObject.js';
import type { Changes } from './mirrorObject.js';
import { MirrorFileWriter } from './mirrorFileWriter.js';
import type { ObjectPlan } from './objectPlan.js';
import type { MirroredObject } from './syncManifest.js';

const root = mkdtempSync(join(tmpdir(), 'delta-object-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const plan: ObjectPlan = {
  sobject: 'Opportunity',
  columns: ['Id', 'Name', 'CreatedDate'],
  types: ['id', 'string', 'datetime'],
  markField: 'SystemModstamp',
  tombstones: 'since',
  archivable: false,
};
const at = (day: number): string => `2026-11-0${day}T10:00:00.000Z`;
const row = (id: string, name: string, day: number): (string | null)[] => [id, name, at(day)];

/** A generation folder's `Opportunity.csv` path. */
function generation(n: number): string {
  const dir = join(root, `gen-${n}`);
  mkdirSync(dir, { recursive: true });
  return join(dir, 'Opportunity.csv');
}

function changes(rows: (string | null)[][], deleted: string[] = []): Changes {
  return { rows: new Map(rows.map((r) => [r[0] as string, r])), deleted: new Set(deleted) };
}

/** A file's lines after its header, sorted. */
function lines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(1).filter(Boolean).sort() : [];
}

describe('updateObject', () => {
  it('keeps a delta beside the base, drops deleted appended rows from it, and compacts past the share', async () => {
    const base = generation(0);
    const writer = new MirrorFileWriter(base, plan.columns);
    for (const r of [row('006A', 'a', 1), row('006B', 'b', 2), row('006C', 'c', 3)]) writer.line(r);
    const written = writer.finish();
    await written.durable;
    expect(written.createdMax).toBe(at(3));
    const entry = (records: number, rest: Partial<MirroredObject> = {}): MirroredObject => ({
      file: 'Opportunity.csv',
      columns: [...plan.columns],
      markField: 'SystemModstamp',
      mark: at(9),
      records,
      createdMax: at(3),
      ...rest,
    });

    // B updated, C deleted, D created after the base's latest record (no need to look for it in the base).
    const first = generation(1);
    const one = await updateObject(
      plan,
      entry(3),
      base,
      first,
      changes([row('006B', 'b2', 2), row('006D', 'd', 4)], ['006C']),
      10,
    );
    await one.durable;
    expect(one).toMatchObject({ records: 3, delta: { changes: 2, removed: 2, createdMax: at(4) } });
    expect(lines(first)).toEqual(['006A,a,' + at(1), '006B,b,' + at(2), '006C,c,' + at(3)]);
    expect(lines(first.replace('.csv', '.changes.csv'))).toEqual(['006B,b2,' + at(2), '006D,d,' + at(4)]);
    expect(lines(first.replace('.csv', '.removed.csv'))).toEqual(['006B', '006C']);

    // D (only in the changes file) deleted, E created, an Id the mirror never had deleted: the base's Ids stay.
    const second = generation(2);
    const before = entry(3, { delta: one.delta ?? undefined });
    const two = await updateObject(plan, before, first, second, changes([row('006E', 'e', 5)], ['006D', '006Z']), 10);
    await two.durable;
    expect(two).toMatchObject({ records: 3, delta: { changes: 2, removed: 2 } });
    expect(lines(second.replace('.csv', '.changes.csv'))).toEqual(['006B,b2,' + at(2), '006E,e,' + at(5)]);
    expect(lines(second.replace('.csv', '.removed.csv'))).toEqual(['006B', '006C']);

    // Past the share: one base with every record, no delta files.
    const third = generation(3);
    const after = entry(3, { delta: two.delta ?? undefined });
    const three = await updateObject(plan, after, second, third, changes([row('006A', 'a2', 1)]), 0.5);
    await three.durable;
    expect(three).toMatchObject({ records: 3, delta: null, createdMax: at(5) });
    expect(lines(third)).toEqual(['006A,a2,' + at(1), '006B,b2,' + at(2), '006E,e,' + at(5)]);
    expect(existsSync(third.replace('.csv', '.changes.csv'))).toBe(false);
    expect(existsSync(third.replace('.csv', '.removed.csv'))).toBe(false);
  });
});
