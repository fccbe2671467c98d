/**
 * The commands, flags and aliases people's scripts rely on: plugin/command-snapshot.json (as the Salesforce CLI's
 * plugins keep it) must equal what the commands declare. After adding, renaming or removing a flag or command, run
 * `npm run command-snapshot` and commit the file; a removed or renamed flag is a breaking change to call out.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { commandSnapshot, commandSnapshotText, snapshotPath } from '../scripts/commandSnapshot.js';

describe('command snapshot', () => {
  it('equals the committed plugin/command-snapshot.json (update: npm run command-snapshot)', async () => {
    const committed = await readFile(snapshotPath, 'utf8');
    expect(committed, 'run `npm run command-snapshot` and commit plugin/command-snapshot.json').toBe(
      await commandSnapshotText(),
    );
  }, 120_000);

  it('lists every command with the flags sf conventions require', async () => {
    const snapshot = await commandSnapshot();
    expect(snapshot.map((c) => c.command)).toContain('salesops:forecast');
    for (const c of snapshot)
      expect(c.flags, c.command).toEqual(expect.arrayContaining(['json', 'target-org', 'api-version']));
  }, 120_000);
});
