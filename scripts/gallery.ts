/**
 * npm run gallery [-- --port 8090] [--size toy|default|N] [--language de] [--locale de_DE] [--screenshots DIR]
 *
 * Starts the local org (sample data) and serves a page with every widget: against fixtures, and against the local
 * org with a rep's, a manager's and the VP's token (the page talks to the org over CORS with jsforce's browser build).
 * With --screenshots it photographs each element in headless Chromium into DIR and exits.
 */

import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SAMPLE_ANCHOR_DATE, start } from '@salesops/local-org';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8090' },
    size: { type: 'string', default: 'default' },
    language: { type: 'string', default: 'en_US' },
    locale: { type: 'string', default: 'en_US' },
    screenshots: { type: 'string' },
  },
});

interface BundleModule {
  buildWidgetsBundle(options: { entry?: string; minify?: boolean }): Promise<{ widgets: string; jsforce: string }>;
}
// The widgets' own build (a separate TypeScript project), loaded at run time.
const bundleModule = (await import(
  pathToFileURL(join(root, 'packages/widgets/scripts/bundle.ts')).href
)) as BundleModule;

const size = values.size === 'toy' || values.size === 'default' ? values.size : Number(values.size);
const org = await start({ sample: { size, seed: 42 }, port: 0 });
const bundle = await bundleModule.buildWidgetsBundle({
  entry: join(root, 'packages/widgets/gallery/gallery.ts'),
  minify: false,
});
const users = org.tokens.users;
const team = (role: string | null) => (role ?? '').replace(/ (Account Executive|Sales Manager).*$/, '');
const rep = users.find((u) => u.rep);
const manager = users.find((u) => !u.rep && !u.admin && rep !== undefined && team(u.role) === team(rep.role));
const vp = users.find((u) => u.admin);
if (!rep || !manager || !vp) throw new Error('the sample org has no rep, manager or VP');
const pick = (u: { userId: string; name: string; token: string }) => ({
  userId: u.userId,
  name: u.name,
  token: u.token,
});
const config = {
  localOrg: { url: org.url, asOf: SAMPLE_ANCHOR_DATE, rep: pick(rep), manager: pick(manager), vp: pick(vp) },
  language: values.language,
  locale: values.locale,
};
// The page is only served to this machine; the tokens are the local org's fake sessions.
const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SalesOps widgets gallery</title>
<style>
  body { margin: 0; padding: 1rem; background: #f3f3f3; font-family: system-ui, sans-serif; color: #181818; }
  h1 { font-size: 1.25rem; }
  h2 { font-size: 1rem; margin: 1.5rem 0 0.5rem; }
  .grid salesops-provider { display: grid; grid-template-columns: repeat(auto-fill, minmax(26rem, 1fr)); gap: 1rem; align-items: start; }

</style>
<script src="/jsforce.js"></script>
<script type="application/json" id="gallery-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>
</head>
<body>
<h1>SalesOps widgets gallery</h1>
<main></main>
<script src="/gallery.js"></script>
</body>
</html>`;

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const send = (type: string, body: string) => {
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
    res.end(body);
  };
  if (path === '/') send('text/html', page);
  else if (path === '/gallery.js') send('text/javascript', bundle.widgets);
  else if (path === '/jsforce.js') send('text/javascript', bundle.jsforce);
  else {
    res.writeHead(404);
    res.end();
  }
});
await new Promise<void>((resolve) => server.listen(Number(values.port), '127.0.0.1', resolve));
const address = server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : values.port}/`;
console.log(`gallery: ${url} (local org ${org.url}; rep ${rep.name}, manager ${manager.name}, VP ${vp.name})`);

if (values.screenshots) {
  const { launch } = await import('puppeteer-core');
  const { mkdir } = await import('node:fs/promises');
  const { chromePath, CHROME_ARGS } = (await import(
    pathToFileURL(join(root, 'packages/widgets/web-test-runner.config.mjs')).href
  )) as { chromePath(): string; CHROME_ARGS: string[] };
  await mkdir(values.screenshots, { recursive: true });
  const browser = await launch({ executablePath: chromePath(), headless: true, args: CHROME_ARGS });
  const tab = await browser.newPage();
  await tab.setViewport({ width: 1400, height: 1000, deviceScaleFactor: 1 });
  tab.on('pageerror', (e) => console.error('page error:', e));
  await tab.goto(url);
  // Plain-JavaScript expressions: this script has no DOM types, and the page's code is not transformed.
  await tab.evaluate('window.salesopsGallery.ready');
  const names = (await tab.evaluate(
    "[...document.querySelectorAll('[data-gallery]')].map((e) => e.dataset.gallery)",
  )) as string[];
  for (const name of names) {
    const element = await tab.$(`[data-gallery="${name}"]`);
    const file = join(values.screenshots, `${name}.png`);
    await element?.screenshot({ path: file as `${string}.png` });
    console.log(`screenshot ${file}`);
  }
  await tab.screenshot({ path: join(values.screenshots, 'gallery.png') as `${string}.png`, fullPage: true });
  await browser.close();
  server.close();
  await org.stop();
} else {
  const stop = async () => {
    server.close();
    await org.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
