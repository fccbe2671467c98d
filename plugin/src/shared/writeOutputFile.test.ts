import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOutputFile } from './writeOutputFile.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'output-file-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('writeOutputFile', () => {
  it('writes the file', async () => {
    await writeOutputFile(join(dir, 'x.csv'), 'a\n');
    expect(await readFile(join(dir, 'x.csv'), 'utf8')).toBe('a\n');
  });

  it('names the path, the missing folder and the fix instead of a raw ENOENT', async () => {
    const error = (await writeOutputFile('/nonexistent/x.csv', 'a').catch((e: unknown) => e)) as {
      message: string;
      actions?: string[];
      exitCode?: number;
      name: string;
    };
    expect(error.message).toBe('Cannot write /nonexistent/x.csv: the folder /nonexistent does not exist.');
    expect(error.message).not.toMatch(/ENOENT/);
    expect(error.actions?.[0]).toMatch(/mkdir -p \/nonexistent/);
    expect(error.exitCode).toBe(1);
  });

  it('says when the path is a folder', async () => {
    const error = (await writeOutputFile(dir, 'a').catch((e: unknown) => e)) as Error & { actions?: string[] };
    expect(error.message).toBe(`Cannot write ${dir}: it is a folder, not a file.`);
    expect(error.actions?.[0]).toContain(`${dir}/result.csv`);
  });
});
