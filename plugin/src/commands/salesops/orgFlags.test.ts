/**
 * sf conventions for the org flags (shared/design/cli.md): every command that talks to an org takes --api-version,
 * and a reading command takes its data from --target-org or --data-dir, never both (oclif refuses the pair, exit 2).
 */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const pluginRoot = join(import.meta.dirname, '../../..');
const commandsDir = join(pluginRoot, 'src/commands');
type CommandClass = { flags: Record<string, unknown> };
/** Every command class of the plugin, by id (`salesops:forecast:accuracy`), loaded from its source file. */
const commands = new Map<string, CommandClass>();

beforeAll(async () => {
  for (const entry of await readdir(commandsDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    const id = relative(commandsDir, path).replace(/\.ts$/, '').split('/').join(':');
    commands.set(id, ((await import(path)) as { default: CommandClass }).default);
  }
}, 120_000);

describe('org flags', () => {
  it('every command reads or checks an org, and takes --api-version', () => {
    expect(commands.size).toBeGreaterThan(6);
    for (const [id, command] of commands) {
      expect(Object.keys(command.flags), id).toContain('target-org');
      expect(Object.keys(command.flags), id).toContain('api-version');
    }
  });

  it('declares --target-org and --data-dir exclusive on every reading command', () => {
    // The real sf refusing the pair with exit code 2 is in test/sfCliLocalOrgCommands.test.ts (it needs an org).
    const readers = [...commands].filter(([, c]) => 'data-dir' in c.flags);
    expect(readers.length).toBeGreaterThan(5);
    for (const [id, command] of readers) {
      const flags = command.flags as Record<string, { exclusive?: string[] }>;
      expect(flags['target-org']?.exclusive, id).toEqual(['data-dir']);
      expect(flags['data-dir']?.exclusive, id).toEqual(['target-org']);
    }
  });
});
