/**
 * Installed as users install sf plugins: every workspace package is packed (`npm pack`; the plugin with its oclif
 * manifest) and published to a throwaway registry on 127.0.0.1; the project's stock `sf`, in an empty home whose npm
 * knows only that registry and with nothing of this process's environment but PATH, installs
 * `@salesops/plugin-salesops` with `sf plugins install`. `sf salesops forecast` against the local org and from a data
 * folder then prints the figures the linked development plugin prints, without oclif's linked-ESM warning.
 */
import { execFile } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE, start, type LocalOrg } from '@salesops/local-org';
import { OWN_SCOPE, startLocalRegistry, type LocalRegistry } from '../scripts/localRegistry.js';
import { jsonResult, linkPlugin, repositoryRoot, runSf, sfTimeout, type SfRun, sfLoginArgs } from '../scripts/sfCli.js';

const run = promisify(execFile);
const PLUGIN = `${OWN_SCOPE}/plugin-salesops`;
/** An `sf plugins install` through the registry, which fetches every third-party dependency from upstream. */
const INSTALL_MS = 600_000;
/** Deals in the sample org: teams, currencies and history enough to compare figures, and quick to read. */
const SAMPLE_DEALS = 1000;
/** An sf run that reads the sample org over the API on a busy 2-core machine. */
const ORG_RUN_MS = 60_000;
/** Nothing of the user's environment reaches the installed `sf` but the PATH (for Node 22 and npm). */
const bareEnvironment: NodeJS.ProcessEnv = { PATH: process.env['PATH'] };

let work: string;
let packs: string;
let registry: LocalRegistry | undefined;
let installedHome: string;
let linkedHome: string;
let dataDir: string;
let org: LocalOrg | undefined;

const installedSf = (args: string[], env: Record<string, string> = {}) =>
  runSf(installedHome, args, env, bareEnvironment);
const linkedSf = (args: string[], env: Record<string, string> = {}) => runSf(linkedHome, args, env);

interface WorkspacePackage {
  readonly version: string;
  readonly dependencies: Record<string, string>;
}

/** Every workspace package by name, as the root package.json lists their folders. */
async function workspacePackages(): Promise<Map<string, WorkspacePackage>> {
  const read = async (dir: string) => JSON.parse(await readFile(join(repositoryRoot, dir, 'package.json'), 'utf8'));
  const { workspaces } = (await read('.')) as { workspaces: string[] };
  const packages = await Promise.all(
    workspaces.map(async (dir) => (await read(dir)) as WorkspacePackage & { name: string }),
  );
  return new Map(packages.map((p) => [p.name, { version: p.version, dependencies: p.dependencies ?? {} }]));
}

/** The file `npm pack` writes for a package. */
const tarballName = (name: string, version: string) => `${name.replace('@', '').replace('/', '-')}-${version}.tgz`;

/** The plugin and the workspace packages it depends on, directly or not. */
function pluginClosure(packages: Map<string, WorkspacePackage>): string[] {
  const found = new Set<string>();
  const visit = (name: string) => {
    if (found.has(name) || !packages.has(name)) return;
    found.add(name);
    for (const dependency of Object.keys(packages.get(name)?.dependencies ?? {})) visit(dependency);
  };
  visit(PLUGIN);
  return [...found].sort();
}

/** The files a tarball holds, without npm's `package/` prefix. */
async function tarballFiles(tarball: string): Promise<string[]> {
  const { stdout } = await run('tar', ['tzf', tarball], { maxBuffer: 16 * 1024 * 1024 });
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ''));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'salesops-install-'));
  packs = join(work, 'packs');
  installedHome = join(work, 'installed-home');
  linkedHome = join(work, 'linked-home');
  dataDir = join(work, 'data');
  for (const dir of [packs, installedHome, linkedHome, join(work, 'registry')]) await mkdir(dir);
  await run('npm', ['pack', '--workspaces', '--pack-destination', packs, '--silent'], { cwd: repositoryRoot });
  registry = await startLocalRegistry(join(work, 'registry'));
  for (const tarball of await readdir(packs)) await registry.publish(join(packs, tarball));
  // The only npm configuration the installed sf's home has: the throwaway registry.
  await writeFile(join(installedHome, '.npmrc'), `registry=${registry.url}\nupdate-notifier=false\n`);

  await generateSampleOrg({ outDir: dataDir, size: SAMPLE_DEALS });
  org = await start({ dataDir });
  expect((await linkPlugin(linkedHome)).code).toBe(0);
}, 300_000);

afterAll(async () => {
  await registry?.stop();
  await org?.stop();
  // The installed home holds the plugin's whole dependency tree: thousands of files to delete.
  if (work) await rm(work, { recursive: true, force: true });
}, 120_000);

/** Logs the home's sf into the local org as its admin. */
async function login(sf: typeof installedSf): Promise<void> {
  const done = await sf(sfLoginArgs((org as LocalOrg).url, 'local'), {
    SF_ACCESS_TOKEN: (org as LocalOrg).tokens.admin,
  });
  expect(done.code, done.stdout + done.stderr).toBe(0);
}

const forecast = ['salesops', 'forecast', '--as-of', SAMPLE_ANCHOR_DATE, '--group-by', 'team', '--json'];
const methods = ['--method', 'commit,weighted,monteCarlo'];

function expectSameFigures(installed: SfRun, linked: SfRun): void {
  expect(installed.stderr).not.toMatch(/linked ESM module/i);
  const result = jsonResult<{ forecasts: unknown[] }>(installed);
  expect(result.forecasts.length).toBeGreaterThan(0);
  expect(result).toEqual(jsonResult(linked));
}

describe('the plugin installed from a registry', () => {
  it('packs every workspace package; the plugin with its oclif manifest and without tests', async () => {
    const packages = await workspacePackages();
    const expected = [...packages].map(([name, { version }]) => tarballName(name, version));
    expect((await readdir(packs)).sort()).toEqual(expected.sort());
    const version = packages.get(PLUGIN)?.version as string;
    const tarball = join(packs, tarballName(PLUGIN, version));
    const plugin = await tarballFiles(tarball);
    expect(plugin).toContain('oclif.manifest.json');
    expect(plugin).toContain('LICENSE');
    expect(plugin.filter((f) => /\.test\./.test(f))).toEqual([]);
    const commands = plugin.filter((f) => /^lib\/commands\/.*\.js$/.test(f));
    const manifest = JSON.parse((await run('tar', ['xzfO', tarball, 'package/oclif.manifest.json'])).stdout) as {
      version: string;
      commands: Record<string, { relativePath: string[] }>;
    };
    expect(manifest.version).toBe(version);
    // Every command, each loaded from the compiled file the package ships.
    expect(
      Object.values(manifest.commands)
        .map((c) => c.relativePath.join('/'))
        .sort(),
    ).toEqual(commands.sort());
    // postpack removed it again: a manifest left in the linked plugin would hide new commands.
    expect(await readdir(join(repositoryRoot, 'plugin'))).not.toContain('oclif.manifest.json');
  });

  it(
    'a clean home installs it with sf plugins install',
    async () => {
      const allow = await installedSf(['plugins', 'trust', 'allowlist', 'add', '--name', PLUGIN]);
      expect(allow.code, allow.stdout + allow.stderr).toBe(0);
      const install = await installedSf(['plugins', 'install', PLUGIN]);
      expect(install.code, install.stdout + install.stderr).toBe(0);
      const list = await installedSf(['plugins', '--json']);
      // oclif's own command: --json prints the list itself, not sf's { status, result } envelope.
      const plugins = JSON.parse(list.stdout) as Array<{ name: string; type: string; version: string }>;
      const packages = await workspacePackages();
      expect(plugins.find((p) => p.name === PLUGIN)).toMatchObject({
        type: 'user',
        version: packages.get(PLUGIN)?.version,
      });
      // The plugin and its workspace dependencies came from the registry as published, not linked to this repository.
      const modules = join(installedHome, '.local/share/sf/node_modules');
      const installed = (await readdir(join(modules, OWN_SCOPE))).map((dir) => `${OWN_SCOPE}/${dir}`);
      expect(installed.sort()).toEqual(pluginClosure(packages));
      for (const name of installed) {
        expect((await lstat(join(modules, name))).isDirectory(), name).toBe(true);
        const { version } = JSON.parse(await readFile(join(modules, name, 'package.json'), 'utf8')) as WorkspacePackage;
        expect(version, name).toBe(packages.get(name)?.version);
      }
    },
    INSTALL_MS,
  );

  it(
    'forecast against the local org equals the linked plugin’s',
    async () => {
      await login(installedSf);
      await login(linkedSf);
      const args = [...forecast, ...methods, '--target-org', 'local'];
      expectSameFigures(await installedSf(args), await linkedSf(args));
    },
    sfTimeout(4, ORG_RUN_MS),
  );

  it(
    'forecast from a data folder equals the linked plugin’s',
    async () => {
      const args = [...forecast, ...methods, '--data-dir', dataDir];
      expectSameFigures(await installedSf(args), await linkedSf(args));
    },
    sfTimeout(2),
  );
});
