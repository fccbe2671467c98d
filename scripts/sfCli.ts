/**
 * Runs the real `sf` executable (installed by npm) with an isolated home, so tests never touch the user's sf
 * configuration, and links this repository's plugin into it.
 */
import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const repositoryRoot = join(import.meta.dirname, '..');

export interface SfRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment `sf` runs with: an isolated home, Node 22 first on the PATH, no telemetry or update checks, on top
 * of `base` (this process's environment unless a test wants nothing of the user's to reach `sf`).
 */
export function sfEnvironment(
  home: string,
  env: Record<string, string> = {},
  base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  return {
    ...base,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    PATH: `${join(repositoryRoot, 'node_modules/.bin')}:${base['PATH'] ?? ''}`,
    SF_DISABLE_TELEMETRY: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    SF_DISABLE_AUTOUPDATE: 'true', // the update plugin's own switch: without it a background `sf update` starts
    SF_HIDE_RELEASE_NOTES: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    ...env,
  };
}

/** `sf args…` in `home`; resolves with the exit code and output, never rejects. */
export async function runSf(
  home: string,
  args: readonly string[],
  env: Record<string, string> = {},
  base: NodeJS.ProcessEnv = process.env,
): Promise<SfRun> {
  const environment = sfEnvironment(home, { NO_COLOR: '1', ...env }, base);
  try {
    const { stdout, stderr } = await promisify(execFile)(join(repositoryRoot, 'node_modules/.bin/sf'), [...args], {
      env: environment,
      cwd: home,
      maxBuffer: 256 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

/** The arguments of `sf org login access-token` into `instanceUrl` as `alias`; the token goes in SF_ACCESS_TOKEN. */
export function sfLoginArgs(instanceUrl: string, alias: string): string[] {
  return ['org', 'login', 'access-token', '--instance-url', instanceUrl, '--no-prompt', '--alias', alias, '--json'];
}

/** Logs the home's sf into the org at `instanceUrl` as `alias` with `token` (through the environment, never argv). */
export async function loginToOrg(home: string, instanceUrl: string, alias: string, token: string): Promise<SfRun> {
  return runSf(home, sfLoginArgs(instanceUrl, alias), { SF_ACCESS_TOKEN: token });
}

/** Links the plugin (already built by `npm run build`) into the sf home. */
export async function linkPlugin(home: string): Promise<SfRun> {
  return runSf(home, ['plugins', 'link', join(repositoryRoot, 'plugin'), '--no-install']);
}

/** The `result` of a `--json` run (throws with the output when the run failed). */
export function jsonResult<T>(run: SfRun): T {
  if (run.code !== 0) throw new Error(`sf exited with ${run.code}: ${run.stdout}${run.stderr}`);
  return (JSON.parse(run.stdout) as { result: T }).result;
}

/**
 * What one `sf` run on a small data folder may take on CI's busy 2-core machine: about 2 s alone, but `sf` starts
 * a Node process that loads oclif and every plugin's manifest, and with another CPU-heavy process beside it that
 * start-up alone was seen at 10–15 s. Tests budget their time from the runs they make, never from a quiet machine.
 */
export const SF_RUN_BUDGET_MS = 30_000;

/** A test's timeout for `runs` sequential `sf` runs of `perRun` ms each, plus a fixed margin for its own work. */
export function sfTimeout(runs: number, perRun: number = SF_RUN_BUDGET_MS): number {
  return 20_000 + runs * perRun;
}

/**
 * How many `sf` runs a test starts at once: each is a CPU-bound Node process, so on a 2-core machine (where vitest
 * already runs another test file beside this one) one at a time, and at most half the cores elsewhere.
 */
export function sfConcurrency(): number {
  return Math.max(1, Math.floor(availableParallelism() / 2));
}
