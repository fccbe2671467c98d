/**
 * The plugin's prepack step: writes plugin/oclif.manifest.json from the built commands (plugin/lib), as
 * `oclif manifest` does, with the plugin's own @oclif/core (the `oclif` dev tool would bring an S3 uploader and
 * more for this one job). An installed plugin then loads its command list without importing every command.
 * Commands are always taken from the compiled `lib/`: under NODE_ENV=test or development oclif would otherwise
 * point the manifest at `src/*.ts`, which the package does not ship.
 * The plugin's postpack step deletes the file again (`--remove`): oclif prefers a manifest over the commands it
 * finds, so a stale one left in the linked development plugin would hide new commands and flags.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Plugin, settings } from '@oclif/core';

const pluginRoot = join(import.meta.dirname, '..', 'plugin');
const manifestPath = join(pluginRoot, 'oclif.manifest.json');

if (process.argv.includes('--remove')) {
  await rm(manifestPath, { force: true });
} else {
  settings.enableAutoTranspile = false;
  const plugin = new Plugin({
    root: pluginRoot,
    type: 'core',
    isRoot: true,
    ignoreManifest: true,
    errorOnManifestCreate: true,
    respectNoCacheDefault: true,
  });
  await plugin.load();
  const count = Object.keys(plugin.manifest.commands).length;
  if (count === 0) throw new Error(`no commands under ${join(pluginRoot, 'lib/commands')}: run npm run build first`);
  await writeFile(manifestPath, `${JSON.stringify(plugin.manifest, null, 2)}\n`);
  console.log(`wrote ${manifestPath}: ${count} commands`);
}
