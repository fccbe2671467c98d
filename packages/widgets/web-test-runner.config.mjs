// @web/test-runner: the widgets' tests in a real Chromium (never downloaded: CHROME_PATH, Debian's chromium, or an
// installed Chrome), with a local org on 127.0.0.1 for the tests that read over HTTP.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { SAMPLE_ANCHOR_DATE, start } from '@salesops/local-org';
import { realPages } from './web-test-runner.pages.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function chromePath() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found)
    throw new Error('No Chromium or Chrome found: install chromium (apt-get install chromium) or set CHROME_PATH.');
  return found;
}

export const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let org;
/** The local org's request log (method, path, status per request): the tests count API requests from it. */
const requestLog = [];
const pages = realPages(root, () => ({ org, log: requestLog, asOf: SAMPLE_ANCHOR_DATE }));
/** Starts the local org (a 1,000-deal sample: 8 reps in 2 teams) once and serves its URL and a rep's and a manager's token to the tests. */
const localOrgPlugin = {
  name: 'salesops-local-org',
  async serverStart() {
    org = await start({ sample: { size: 1000, seed: 42 }, port: 0, log: (line) => requestLog.push(line) });
  },
  async serverStop() {
    await org?.stop();
  },
  serve(context) {
    if (context.path !== '/__salesops/local-org.json') return undefined;
    const users = org.tokens.users;
    // Roles are "<team> Account Executive …" and "<team> Sales Manager …": the rep's team is the role's prefix.
    const team = (u) => u.role.replace(/ (Account Executive|Sales Manager).*$/, '');
    const rep = users.find((u) => u.rep);
    const teammates = users.filter((u) => u.rep && u.userId !== rep.userId && team(u) === team(rep));
    const manager = users.find((u) => !u.rep && !u.admin && team(u) === team(rep));
    const pick = (u) => u && { userId: u.userId, name: u.name, token: u.token };
    return {
      body: JSON.stringify({
        url: org.url,
        asOf: SAMPLE_ANCHOR_DATE,
        rep: pick(rep),
        teammates: teammates.map(pick),
        manager: pick(manager),
        admin: { token: org.tokens.admin },
      }),
      type: 'json',
    };
  },
};

/** Where the layout test saves its screenshots (gitignored; CI keeps them as artifacts). */
export const SCREENSHOT_DIR = join(root, 'packages/widgets/test-artifacts/screenshots');

/** `salesops-screenshot` command: photographs a page area ({ name, clip }) into SCREENSHOT_DIR/<name>.png. */
const screenshotPlugin = {
  name: 'salesops-screenshot',
  async executeCommand({ command, payload, session }) {
    if (command !== 'salesops-screenshot') return undefined;
    if (!/^[\w.-]+$/.test(payload?.name ?? '')) throw new Error(`Not a screenshot name: ${payload?.name}`);
    const page = session.browser.getPage(session.id);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({
      path: join(SCREENSHOT_DIR, `${payload.name}.png`),
      clip: payload.clip,
      captureBeyondViewport: true,
    });
    return true;
  },
};

export default {
  rootDir: root,
  files: ['packages/widgets/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'import', 'default'] },
  concurrency: 1,
  testFramework: { config: { timeout: 60000 } },
  browserStartTimeout: 60000,
  // The real-pages test runs the sf CLI four times before it mounts pages: minutes on a busy 2-core machine.
  testsFinishTimeout: 900000,
  middleware: [pages.middleware],
  plugins: [
    localOrgPlugin,
    screenshotPlugin,
    pages.plugin,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(root, 'packages/widgets/tsconfig.json') }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromePath(), headless: true, args: CHROME_ARGS },
    }),
  ],
};
