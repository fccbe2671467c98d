/**
 * The mirror's folder, swapped atomically: each sync writes a complete new generation (`..gen-000042/`) beside the
 * current one, fsyncs it, and swaps the `..data` link to it with one rename; the folder's `<SObject>.csv` entries are
 * links through `..data`, so `--data-dir DIR` reads one whole generation, old or new, never a mix. An interrupted sync
 * leaves the current generation as it was and its staging folder (`..staging/`) with the objects it finished, which
 * the next run reuses (the way Kubernetes' AtomicWriter updates mounted volumes).
 */
import {
  existsSync,
  fsyncSync,
  openSync,
  closeSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  lstatSync,
  writeFileSync,
  mkdirSync,
  readFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, parseManifest, type MirroredObject, type SyncManifest } from './syncManifest.js';

const DATA_LINK = '..data';
const STAGING = '..staging';
const PROGRESS = 'progress.json';
const GENERATION = /^\.\.gen-(\d{6})$/;

/** A folder that holds files but is not a mirror: the sync will not write into it (codes and data, no sentence). */
export class NotAMirrorError extends Error {
  override readonly name = 'NotAMirrorError';
  readonly code = 'NOT_A_MIRROR';
  constructor(readonly dir: string) {
    super(`NOT_A_MIRROR ${dir}`);
  }
}

export interface MirrorState {
  readonly dir: string;
  /** The current generation's folder name, null before the first sync. */
  readonly generation: string | null;
  readonly manifest: SyncManifest | null;
}

/** The mirror in `dir` as it is: its current generation and manifest (none for a missing or empty folder). */
export function openMirror(dir: string): MirrorState {
  if (!existsSync(dir)) return { dir, generation: null, manifest: null };
  const link = join(dir, DATA_LINK);
  if (!isLink(link)) {
    const others = readdirSync(dir).filter((f) => f !== STAGING && !f.startsWith('.'));
    if (others.length > 0) throw new NotAMirrorError(dir);
    return { dir, generation: null, manifest: null };
  }
  const generation = readlinkSync(link);
  // A sync stopped between the swap and the links: the new generation's files get their links now.
  linkTopLevel(dir, generation);
  const file = join(dir, generation, MANIFEST_FILE);
  return { dir, generation, manifest: parseManifest(file, readFileSync(file, 'utf8')) };
}

/** What an interrupted sync left in the staging folder: objects finished, on top of which generation, for which org. */
interface Progress {
  readonly base: string | null;
  readonly organizationId: string;
  readonly objects: Record<string, MirroredObject>;
}

/**
 * The staging folder of the next generation, with the objects an interrupted sync of the same org on the same
 * generation already finished (anything else there is cleared).
 */
export function openStaging(
  state: MirrorState,
  organizationId: string,
): { path: string; done: Record<string, MirroredObject> } {
  const path = join(state.dir, STAGING);
  const progressFile = join(path, PROGRESS);
  if (existsSync(progressFile)) {
    try {
      const progress = JSON.parse(readFileSync(progressFile, 'utf8')) as Progress;
      if (progress.base === state.generation && progress.organizationId === organizationId) {
        const done = Object.fromEntries(
          Object.entries(progress.objects).filter(([, o]) => existsSync(join(path, o.file))),
        );
        return { path, done };
      }
    } catch {
      // An unreadable progress file: start the staging over.
    }
  }
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { recursive: true });
  return { path, done: {} };
}

/**
 * Records that `objects` are finished in the staging folder (written to a temporary file, then renamed; no fsync:
 * the files it names are on disk already, and a progress file a power cut leaves unreadable starts the staging over).
 */
export function saveProgress(
  state: MirrorState,
  staging: string,
  organizationId: string,
  objects: Record<string, MirroredObject>,
): void {
  const progress: Progress = { base: state.generation, organizationId, objects };
  writeReplacing(join(staging, PROGRESS), JSON.stringify(progress), false);
}

/**
 * Makes the staging folder the current generation: writes the manifest, fsyncs, renames it to the next generation's
 * name, swaps `..data` to it (one rename: the commit), links each file at the top, drops links to files the new
 * generation lacks and removes the previous generation. Returns the new generation's name.
 */
export function commitStaging(state: MirrorState, staging: string, manifest: SyncManifest): string {
  unlinkIfExists(join(staging, PROGRESS));
  writeReplacing(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, true);
  fsyncDir(staging);
  const previous = state.generation ? Number(GENERATION.exec(state.generation)?.[1] ?? 0) : 0;
  const generation = `..gen-${String(previous + 1).padStart(6, '0')}`;
  rmSync(join(state.dir, generation), { recursive: true, force: true });
  renameSync(staging, join(state.dir, generation));
  const tmpLink = join(state.dir, `${DATA_LINK}_tmp`);
  unlinkIfExists(tmpLink);
  symlinkSync(generation, tmpLink);
  renameSync(tmpLink, join(state.dir, DATA_LINK));
  fsyncDir(state.dir);
  linkTopLevel(state.dir, generation);
  if (state.generation && state.generation !== generation) {
    rmSync(join(state.dir, state.generation), { recursive: true, force: true });
  }
  return generation;
}

/** Top-level links `<file> -> ..data/<file>` for the generation's files; links to files it lacks are removed. */
function linkTopLevel(dir: string, generation: string): void {
  const files = new Set(readdirSync(join(dir, generation)));
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (!entry.startsWith('..') && isLink(path) && !files.has(entry)) unlinkSync(path);
  }
  for (const file of files) {
    const path = join(dir, file);
    if (!isLink(path)) symlinkSync(join(DATA_LINK, file), path);
  }
  fsyncDir(dir);
}

/** Writes `file` through a temporary file renamed over it, fsynced first when `durable`. */
function writeReplacing(file: string, text: string, durable: boolean): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeFileSync(fd, text);
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function unlinkIfExists(path: string): void {
  try {
    unlinkSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}
