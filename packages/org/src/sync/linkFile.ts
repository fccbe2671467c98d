import { copyFileSync, linkSync, rmSync } from 'node:fs';

/** `target` as a hard link to `source` (a copy where links are refused): files of a mirror are never written in place. */
export function linkFile(source: string, target: string): void {
  rmSync(target, { force: true });
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}
