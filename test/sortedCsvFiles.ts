import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Each `.csv` of a folder: its header, then its other lines sorted (to compare mirrors whatever their row order). */
export async function sortedCsvFiles(dir: string): Promise<Record<string, string[]>> {
  const files: Record<string, string[]> = {};
  for (const name of (await readdir(dir)).filter((f) => f.endsWith('.csv')).sort()) {
    const [header, ...lines] = (await readFile(join(dir, name), 'utf8')).split('\n').filter((l) => l !== '');
    files[name] = [header as string, ...lines.sort()];
  }
  return files;
}
