/**
 * The plugin's commands, flags and aliases as the Salesforce CLI's own plugins keep them in command-snapshot.json:
 * one entry per command, sorted, so a renamed or removed flag (a breaking change for scripts) shows in review.
 * `npm run command-snapshot` rewrites plugin/command-snapshot.json; test/commandSnapshot.test.ts fails when the
 * commands and the committed snapshot differ.
 */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { format, resolveConfig } from 'prettier';

export const pluginRoot = join(import.meta.dirname, '../plugin');
export const snapshotPath = join(pluginRoot, 'command-snapshot.json');

export interface CommandSnapshot {
  readonly alias: string[];
  readonly command: string;
  readonly flagAliases: string[];
  readonly flagChars: string[];
  readonly flags: string[];
  readonly plugin: string;
}

interface FlagDefinition {
  readonly char?: string;
  readonly aliases?: readonly string[];
  readonly hidden?: boolean;
}

interface CommandClass {
  readonly aliases?: readonly string[];
  readonly baseFlags?: Record<string, FlagDefinition>;
  readonly flags?: Record<string, FlagDefinition>;
  /** oclif adds `--json` when set (SfCommand sets it). */
  readonly enableJsonFlag?: boolean;
}

/** Every command under plugin/src/commands, loaded from its source file, as a snapshot entry. */
export async function commandSnapshot(): Promise<CommandSnapshot[]> {
  const commandsDir = join(pluginRoot, 'src/commands');
  const entries: CommandSnapshot[] = [];
  for (const entry of await readdir(commandsDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    const command = ((await import(path)) as { default: CommandClass }).default;
    const flags = Object.entries({
      ...command.baseFlags,
      ...command.flags,
      ...(command.enableJsonFlag ? { json: {} as FlagDefinition } : {}),
    });
    entries.push({
      alias: [...(command.aliases ?? [])].sort(),
      command: relative(commandsDir, path).replace(/\.ts$/, '').split('/').join(':'),
      flagAliases: flags.flatMap(([, f]) => f.aliases ?? []).sort(),
      flagChars: flags.flatMap(([, f]) => (f.char ? [f.char] : [])).sort(),
      flags: flags.map(([name]) => name).sort(),
      plugin: '@salesops/plugin-salesops',
    });
  }
  return entries.sort((a, b) => a.command.localeCompare(b.command));
}

/** The snapshot file's text, formatted by the repository's Prettier (so `npm run format:check` passes). */
export async function commandSnapshotText(): Promise<string> {
  const options = (await resolveConfig(snapshotPath)) ?? {};
  return format(JSON.stringify(await commandSnapshot()), { ...options, filepath: snapshotPath });
}
