// The real Visualforce pages for the browser tests: each force-app `.page` served as Salesforce serves it to one
// user (the apex:page wrapper gone, merge fields filled, the built static resource), the REST API on the same origin
// (a Visualforce page calls /services/data on its own domain), the local org's request log, and the results the real
// `sf salesops … --write --json` runs wrote to the local org (run once, on first request).
import { Buffer } from 'node:buffer';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { jsonResult, linkPlugin, runSf, sfLoginArgs } from '../../scripts/sfCli.ts';

const PAGE = /^\/__salesops\/pages\/(\w+)\.html$/;
/** A file of the built static resource folder (force-app/…/staticresources/SalesOpsWidgets/). */
const RESOURCE = /^\/__salesops\/resource\/SalesOpsWidgets\/([\w.-]+)$/;
const RESOURCE_URL = '/__salesops/resource/SalesOpsWidgets';

/** A JavaScript string's content as JSENCODE leaves it (backslashes, quotes and `<` escaped). */
const jsEncode = (s) =>
  s
    .replace(/[\\'"]/g, (c) => `\\${c}`)
    .replace(/</g, '\\u003C')
    .replace(/\n/g, '\\n');

/** An attribute value as Visualforce writes a merge field into HTML (HTML-encoded). */
const htmlEncode = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The `.page` markup with the merge fields of `viewer` filled (`URLFOR($Resource.SalesOpsWidgets, 'file')` to the
 * served resource folder); an unknown merge field fails loudly.
 */
export async function renderPage(root, name, values) {
  const markup = await readFile(join(root, 'force-app/main/default/pages', `${name}.page`), 'utf8');
  const body = markup.replace(/^\s*<apex:page[^>]*>\s*/, '').replace(/\s*<\/apex:page>\s*$/, '');
  return body
    .replace(/\{!URLFOR\(\$Resource\.SalesOpsWidgets,\s*'([\w.-]+)'\)\}/g, (_, file) => `${RESOURCE_URL}/${file}`)
    .replace(/\{!\s*(JSENCODE\()?\s*([$\w.]+)\s*\)?\s*\}/g, (match, encode, field) => {
      if (!(field in values)) throw new Error(`${name}.page: no value for the merge field ${match}`);
      return htmlEncode(encode ? jsEncode(values[field]) : values[field]);
    });
}

/** Outside Salesforce the page's date is pinned to the sample's as-of (a user on that day sees what it showed). */
export const withAsOf = (page, asOf) =>
  page.replace(/<salesops-provider data-salesops-page=""/, `<salesops-provider data-salesops-page="" as-of="${asOf}"`);

/** The sf CLI's `--write --json` runs against the local org, as an admin schedules them (one after another). */
export async function runCli(org, asOf) {
  const home = await mkdtemp(join(tmpdir(), 'sf-widgets-'));
  const link = await linkPlugin(home);
  if (link.code !== 0) throw new Error(`sf plugins link failed: ${link.stderr}`);
  const env = { SF_ACCESS_TOKEN: org.tokens.admin };
  const login = sfLoginArgs(org.url, 'local');
  jsonResult(await runSf(home, login, env));
  const run = async (...args) =>
    jsonResult(await runSf(home, ['salesops', ...args, '--target-org', 'local', '--as-of', asOf, '--write', '--json']));
  try {
    return {
      // The admin allows names on the peer leaderboard.
      repsCompare: await run('reps', 'compare', '--leaderboard-names'),
      territoryCoverage: await run('territory', 'coverage'),
      forecastRep: await run('forecast', '--group-by', 'rep'),
      forecastTeam: await run('forecast', '--group-by', 'team'),
      forecastOrg: await run('forecast', '--group-by', 'org'),
      // The stage benchmarks deal health reads.
      pipelineHygiene: await run('pipeline', 'hygiene'),
    };
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/** The viewers the pages are opened as: a rep, their team's manager and the VP (the admin, who sees everything). */
export function pageViewers(org) {
  const users = org.tokens.users;
  const rep = users.find((u) => u.rep);
  const team = (u) => u.role.replace(/ (Account Executive|Sales Manager).*$/, '');
  const manager = users.find((u) => !u.rep && !u.admin && team(u) === team(rep));
  const vp = users.find((u) => u.admin);
  return { rep, manager, vp: { ...vp, token: org.tokens.admin } };
}

/**
 * The web-test-runner plugin and middleware. `state()` gives the running local org, its request log and its
 * as-of date (set by the local-org plugin).
 */
export function realPages(root, state) {
  let cli;
  const viewers = () => pageViewers(state().org);
  const plugin = {
    name: 'salesops-real-pages',
    async serve(context) {
      const { org, asOf } = state();
      const resource = RESOURCE.exec(context.path);
      if (resource) {
        const path = join(root, 'force-app/main/default/staticresources/SalesOpsWidgets', resource[1]);
        try {
          return { body: await readFile(path, 'utf8'), type: extname(path).slice(1) };
        } catch {
          throw new Error(`${path} is missing: run npm run build:widgets first`);
        }
      }
      if (context.path === '/__salesops/cli-results.json') {
        cli ??= runCli(org, asOf);
        const v = viewers();
        const pick = (u) => ({ userId: u.userId, name: u.name });
        return {
          body: JSON.stringify({
            asOf,
            viewers: { rep: pick(v.rep), manager: pick(v.manager), vp: pick(v.vp) },
            ...(await cli),
          }),
          type: 'json',
        };
      }
      const page = PAGE.exec(context.path);
      if (!page) return undefined;
      const viewer = viewers()[context.query.viewer];
      if (!viewer) throw new Error(`unknown viewer ${context.query.viewer}`);
      const parameter = (name) => String(context.query[name] ?? '');
      const body = await renderPage(root, page[1], {
        '$Api.Session_ID': viewer.token,
        '$User.Id': viewer.userId,
        '$User.LanguageLocaleKey': 'en_US',
        '$User.LocaleSidKey': 'en_US',
        ...Object.fromEntries(
          ['id', 'period', 'scope', 'anonymise', 'embedded'].map((p) => [`$CurrentPage.parameters.${p}`, parameter(p)]),
        ),
      });
      return { body: withAsOf(body, asOf), type: 'html' };
    },
  };
  /** /services/… answered by the local org, as a Visualforce page's own domain answers it. */
  const middleware = async (ctx, next) => {
    const { org, log } = state();
    // Served here, not by the plugin: the dev server caches what plugins serve, and the log grows.
    if (ctx.path === '/__salesops/request-log.json') {
      ctx.type = 'json';
      ctx.body = JSON.stringify(log);
      return undefined;
    }
    if (!ctx.path.startsWith('/services/')) return next();
    if (ctx.method !== 'GET') ctx.throw(405, 'the page proxy forwards reads only');
    const response = await globalThis.fetch(`${org.url}${ctx.url}`, {
      headers: { authorization: ctx.get('authorization'), accept: 'application/json' },
    });
    ctx.status = response.status;
    ctx.type = response.headers.get('content-type') ?? 'application/json';
    ctx.body = Buffer.from(await response.arrayBuffer());
  };
  return { plugin, middleware };
}
