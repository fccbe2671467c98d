import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { outputMessages as messages } from './pluralMessage.js';

/** File-system codes with their own problem and fix in plugin/messages/output.md. */
const KNOWN = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ENOSPC', 'EROFS']);

/**
 * Writes `--output-file`; a failure becomes an error that names the path, the problem and the fix (a folder that
 * does not exist, no permission, a folder given as the file, a full disk, …) instead of a raw ENOENT.
 */
export async function writeOutputFile(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (e) {
    throw outputFileError(path, e as NodeJS.ErrnoException);
  }
}

/** The clear error for a failed write of `path`. */
export function outputFileError(path: string, error: NodeJS.ErrnoException): Error {
  const code = error.code === 'EPERM' ? 'EACCES' : error.code;
  const folder = dirname(resolve(path));
  const known = code !== undefined && KNOWN.has(code);
  const problem = known
    ? messages.getMessage(`fileProblem.${code}`, [folder])
    : messages.getMessage('fileProblem.other', [error.message]);
  const fix = known
    ? messages.getMessage(`fix.${code}`, [code === 'EISDIR' ? `${path}/result.csv` : folder])
    : messages.getMessage('fix.other');
  return messages.createError('error.OutputFile', [path, problem], [fix], 1, error);
}
