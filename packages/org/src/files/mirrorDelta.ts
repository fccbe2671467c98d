/**
 * The delta layout of a mirror (`sf salesops sync`, docs/sync.md): beside an object's base file `<SObject>.csv` a
 * sync writes, instead of rewriting the base, `<SObject>.changes.csv` (the records created, updated or undeleted
 * since the base was written, each Id once, same header) and `<SObject>.removed.csv` (header `Id`: the base's records
 * that are deleted or replaced by a line of the changes file). The object's records are the base's lines whose Id is
 * not removed, then the changes file's lines. A folder without these files is read as it is.
 */
import { existsSync } from 'node:fs';
import { scanCsvFile } from '@salesops/csv/file';

/** What a reader applies to a base file: the changes file to read after it, and the base Ids to skip. */
export interface MirrorDelta {
  readonly changes: string | null;
  readonly removed: ReadonlySet<string>;
}

/** The changes file beside a base file `<SObject>.csv`. */
export function changesFileOf(base: string): string {
  return base.replace(/\.csv$/, '.changes.csv');
}

/** The removed-Ids file beside a base file `<SObject>.csv`. */
export function removedFileOf(base: string): string {
  return base.replace(/\.csv$/, '.removed.csv');
}

/** The delta beside `base`, or null when it has none. */
export async function readMirrorDelta(base: string): Promise<MirrorDelta | null> {
  const changes = changesFileOf(base);
  const removedFile = removedFileOf(base);
  const hasChanges = existsSync(changes);
  const hasRemoved = existsSync(removedFile);
  if (!hasChanges && !hasRemoved) return null;
  return { changes: hasChanges ? changes : null, removed: hasRemoved ? await readIds(removedFile) : new Set() };
}

/** The first column of a CSV file (an `Id` column, header skipped). */
export async function readIds(file: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let header = true;
  await scanCsvFile(file, (row) => {
    if (header) header = false;
    else ids.add(row.text(0));
  });
  return ids;
}
