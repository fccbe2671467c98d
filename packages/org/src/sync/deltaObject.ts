/**
 * An object's changes written as a delta beside its base file instead of a rewrite of the base (the layout is
 * described in files/mirrorDelta.ts): a 1 % change of a million deals rewrites a few megabytes rather than the
 * 850 MB of `Opportunity.csv` and `OpportunityHistory.csv`. When the delta grows past a share of the base, the sync
 * compacts: one new base with every record, as a merge by Id would write it, and no delta.
 */
import { rmSync } from 'node:fs';
import { changesFileOf, readIds, removedFileOf } from '../files/mirrorDelta.js';
import { idsIn, keptLines } from './keptLines.js';
import { linkFile } from './linkFile.js';
import { MirrorFileWriter, type WrittenFile } from './mirrorFileWriter.js';
import type { Changes } from './mirrorObject.js';
import type { ObjectPlan } from './objectPlan.js';
import type { MirroredObject } from './syncManifest.js';

/** An object's files written by an incremental sync. */
export interface UpdatedObject {
  readonly records: number;
  /** The base's latest CreatedDate or later (null: unknown). */
  readonly createdMax: string | null;
  readonly durable: Promise<void>;
  /** The delta files beside the (linked) base; null when a compaction wrote a new base holding every record. */
  readonly delta: NonNullable<MirroredObject['delta']> | null;
}

/**
 * Writes the object into `target` (the new generation's `<SObject>.csv`) from the previous generation's `previous`
 * (described by `before`) and the changes read: a delta beside a hard link to the previous base while the delta holds
 * at most `compactShare` of the base's records, else a compacted base.
 */
export async function updateObject(
  plan: ObjectPlan,
  before: MirroredObject,
  previous: string,
  target: string,
  changes: Changes,
  compactShare: number,
): Promise<UpdatedObject> {
  removeDelta(target);
  const oldChanges = before.delta && before.delta.changes > 0 ? changesFileOf(previous) : null;
  const oldRemoved =
    before.delta && before.delta.removed > 0 ? await readIds(removedFileOf(previous)) : new Set<string>();
  const oldChangeIds = oldChanges ? await readIds(oldChanges) : new Set<string>();
  const override = new Set([...changes.rows.keys(), ...changes.deleted]);
  const baseRecords = before.records - (before.delta?.changes ?? 0) + oldRemoved.size;
  // Overridden Ids the base may hold: not known from an earlier delta, not created after the base's latest record.
  const createdAt = plan.columns.indexOf('CreatedDate');
  const unknown = new Set<string>();
  let keptChanges = oldChangeIds.size;
  for (const id of override) {
    if (oldChangeIds.has(id)) keptChanges--;
    if (oldRemoved.has(id) || oldChangeIds.has(id)) continue;
    const created = createdAt >= 0 ? changes.rows.get(id)?.[createdAt] : undefined;
    if (created && before.createdMax && created > before.createdMax) continue;
    unknown.add(id);
  }
  const changed = keptChanges + changes.rows.size;
  if (changed + oldRemoved.size + unknown.size > compactShare * baseRecords) {
    const written = await writeObject(
      target,
      plan,
      [
        { file: previous, drop: new Set([...oldRemoved, ...override]) },
        ...(oldChanges ? [{ file: oldChanges, drop: override }] : []),
      ],
      changes,
    );
    // Kept lines are not decoded: the new base's bound is the old bounds' and the new records' latest.
    const bounds = [before.createdMax, oldChanges ? before.delta?.createdMax : null, written.createdMax];
    const createdMax = before.createdMax && (!oldChanges || before.delta?.createdMax) ? latest(bounds) : null;
    return { records: written.records, createdMax, durable: written.durable, delta: null };
  }
  const removed = new Set([...oldRemoved, ...(await idsIn(previous, unknown))]);
  linkFile(previous, target);
  const parts: WrittenFile[] = [];
  let changesMax: string | null = null;
  if (changed > 0) {
    const sources = oldChanges ? [{ file: oldChanges, drop: override }] : [];
    const written = await writeObject(changesFileOf(target), plan, sources, changes);
    changesMax =
      oldChanges && !before.delta?.createdMax ? null : latest([before.delta?.createdMax, written.createdMax]);
    parts.push(written);
  }
  if (removed.size > 0) {
    const writer = new MirrorFileWriter(removedFileOf(target), ['Id']);
    for (const id of removed) writer.line([id]);
    parts.push(writer.finish());
  }
  return {
    records: baseRecords - removed.size + changed,
    createdMax: before.createdMax ?? null,
    durable: Promise.all(parts.map((p) => p.durable)).then(() => undefined),
    delta: { changes: changed, removed: removed.size, ...(changesMax ? { createdMax: changesMax } : {}) },
  };
}

/** Links the delta files of an unchanged object into the new generation (if it has them). */
export function linkDelta(before: MirroredObject, previous: string, target: string): void {
  removeDelta(target);
  if (before.delta && before.delta.changes > 0) linkFile(changesFileOf(previous), changesFileOf(target));
  if (before.delta && before.delta.removed > 0) linkFile(removedFileOf(previous), removedFileOf(target));
}

/** Removes delta files an interrupted run may have left beside `target` in the staging folder. */
export function removeDelta(target: string): void {
  rmSync(changesFileOf(target), { force: true });
  rmSync(removedFileOf(target), { force: true });
}

/** Writes `file`: the lines of each source whose Id it does not drop, copied as they are, then the changed records. */
async function writeObject(
  file: string,
  plan: ObjectPlan,
  sources: ReadonlyArray<{ file: string; drop: ReadonlySet<string> }>,
  changes: Changes,
): Promise<WrittenFile> {
  const writer = new MirrorFileWriter(file, plan.columns);
  try {
    for (const source of sources) {
      await keptLines(source.file, source.drop, (bytes, records) => writer.lines(bytes, records));
    }
    for (const values of changes.rows.values()) writer.line(values);
  } catch (e) {
    writer.abandon();
    throw e;
  }
  return writer.finish();
}

/** The latest of some datetimes (mirror text, ordered as text), null for none. */
function latest(times: ReadonlyArray<string | null | undefined>): string | null {
  let max: string | null = null;
  for (const t of times) if (t && (max === null || t > max)) max = t;
  return max;
}
