/**
 * A throwaway npm registry on 127.0.0.1 (verdaccio, a devDependency) for the install test. Packages under
 * `@salesops/` come only from what was published to it; every other package is proxied from the registry npm is
 * configured with on this machine (the public one, or the mirror a user's or CI's npm configuration names), which is
 * where an installed plugin's third-party dependencies come from too. Its configuration, storage and the publisher's
 * credentials live in `dir`; `stop()` ends the server.
 */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { repositoryRoot } from './sfCli.js';

export interface LocalRegistry {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  /** Publishes a tarball `npm pack` wrote. */
  publish(tarball: string): Promise<void>;
  stop(): Promise<void>;
}

/** The scope that never reaches the upstream registry. */
export const OWN_SCOPE = '@salesops';
/** How long verdaccio may take to answer its first ping on a busy 2-core machine. */
const START_TIMEOUT_MS = 60_000;

const run = promisify(execFile);

/** The registry npm uses here: what `npm config get registry` says in this repository. */
async function upstreamRegistry(): Promise<string> {
  const { stdout } = await run('npm', ['config', 'get', 'registry'], { cwd: repositoryRoot });
  return stdout.trim();
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no TCP port on 127.0.0.1');
  return address.port;
}

async function waitUntilUp(url: string, exited: () => string | undefined): Promise<void> {
  const deadline = performance.now() + START_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const exit = exited();
    if (exit !== undefined) throw new Error(`verdaccio exited before it answered: ${exit}`);
    const ping = await fetch(new URL('-/ping', url)).catch(() => undefined);
    if (ping?.ok) return;
    await sleep(250);
  }
  throw new Error(`verdaccio did not answer at ${url} within ${START_TIMEOUT_MS} ms`);
}

/** Registers the one user verdaccio allows and returns its token. */
async function publisherToken(url: string): Promise<string> {
  const name = 'publisher';
  const response = await fetch(new URL(`-/user/org.couchdb.user:${name}`, url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: `${name}-${process.pid}` }),
  });
  const body = (await response.json()) as { token?: string; error?: string };
  if (!response.ok || body.token === undefined) throw new Error(`verdaccio refused the publisher: ${body.error}`);
  return body.token;
}

export async function startLocalRegistry(dir: string): Promise<LocalRegistry> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const config = {
    storage: join(dir, 'storage'),
    auth: { htpasswd: { file: join(dir, 'htpasswd'), max_users: 1 } },
    uplinks: { upstream: { url: await upstreamRegistry() } },
    packages: {
      [`${OWN_SCOPE}/*`]: { access: '$all', publish: '$authenticated' },
      '**': { access: '$all', proxy: 'upstream' },
    },
    web: { enable: false },
    log: { type: 'stdout', format: 'pretty', level: 'warn' },
  };
  const configPath = join(dir, 'verdaccio.yaml');
  await writeFile(configPath, JSON.stringify(config, null, 2)); // JSON is YAML
  const server = spawn(
    process.execPath,
    [
      join(repositoryRoot, 'node_modules/verdaccio/bin/verdaccio'),
      '--config',
      configPath,
      '--listen',
      `127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = () => (server.exitCode === null && server.signalCode === null ? undefined : output);
  const stop = async () => {
    if (exited() !== undefined) return;
    const exit = once(server, 'exit');
    server.kill('SIGTERM');
    await exit;
  };
  try {
    await waitUntilUp(url, exited);
    const userconfig = join(dir, 'publisher.npmrc');
    const auth = `//127.0.0.1:${port}/:_authToken=${await publisherToken(url)}`;
    await writeFile(userconfig, `${auth}\nupdate-notifier=false\nfund=false\naudit=false\n`, { mode: 0o600 });
    return {
      url,
      publish: async (tarball) => {
        await run('npm', ['publish', tarball, '--registry', url, '--userconfig', userconfig], { cwd: dir });
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
