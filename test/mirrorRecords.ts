import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { scanCsvFile } from '@salesops/csv/file';

const DELTA = /\.(changes|removed)\.csv$/;

/**
 * Each object of a `--data-dir` folder as its header and its records sorted (each as the JSON of its fields), a
 * mirror's delta files applied as docs/sync.md describes them (the base's records whose Id `<SObject>.removed.csv`
 * lists dropped, `<SObject>.changes.csv`'s records added): mirrors compare whatever their layout and row order.
 */
export async function mirrorRecords(dir: string): Promise<Record<string, string[]>> {
  const objects: Record<string, string[]> = {};
  const names = (await readdir(dir)).filter((f) => f.endsWith('.csv'));
  for (const name of names.filter((f) => !DELTA.test(f)).sort()) {
    const base = join(dir, name);
    const [header, ...records] = await csvRecords(base);
    const removedFile = base.replace(/\.csv$/, '.removed.csv');
    const removed = new Set(existsSync(removedFile) ? (await csvRecords(removedFile)).slice(1).map((r) => r[0]) : []);
    const kept = records.filter((r) => !removed.has(r[0]));
    const changesFile = base.replace(/\.csv$/, '.changes.csv');
    if (existsSync(changesFile)) {
      const [changesHeader, ...changes] = await csvRecords(changesFile);
      if (JSON.stringify(changesHeader) !== JSON.stringify(header)) throw new Error(`${changesFile}: another header`);
      kept.push(...changes);
    }
    objects[name] = [JSON.stringify(header), ...kept.map((r) => JSON.stringify(r)).sort()];
  }
  for (const name of names.filter((f) => DELTA.test(f))) {
    if (!existsSync(join(dir, name.replace(DELTA, '.csv')))) throw new Error(`${name} without its base file`);
  }
  return objects;
}

async function csvRecords(file: string): Promise<string[][]> {
  const records: string[][] = [];
  await scanCsvFile(file, (row) => records.push(row.texts()));
  return records;
}
