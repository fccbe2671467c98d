/**
 * The main job on the built-in demo org (`npm run demo`): generates the deterministic sample org, serves it from the
 * local org on 127.0.0.1, logs the real Salesforce CLI into it (an isolated sf home under .sample-org/), and runs the
 * `sf salesops` commands against it — forecast, accuracy, rep comparison, territory coverage, hygiene, payouts —
 * then writes the results back and reads them again. Exits 0 when everything worked.
 */
import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE, start } from '@salesops/local-org';
import { jsonResult, linkPlugin, repositoryRoot, runSf, sfEnvironment, loginToOrg } from './sfCli.js';

const work = join(repositoryRoot, '.sample-org');
const dataDir = join(work, 'default');
const home = join(work, 'sf-home');
const alias = 'salesops-demo';
const asOf = ['--as-of', SAMPLE_ANCHOR_DATE];
const target = ['--target-org', alias];

const step = (text: string) => console.log(`\n\x1b[1m▶ ${text}\x1b[0m`);

/** Runs `sf` with the terminal attached, so tables, colours and the summary line show as a user sees them. */
function sfShow(args: string[]): Promise<void> {
  console.log(`$ sf ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(join(repositoryRoot, 'node_modules/.bin/sf'), args, {
      env: sfEnvironment(home),
      cwd: repositoryRoot,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stderr += text;
      // The linked-plugin notice and oclif's dev-plugin warnings are noise for a user; everything else shows.
      for (const line of text.split('\n')) {
        if (
          line.trim() !== '' &&
          !/linked ESM module|auto-transpiled|Error Plugin: @salesforce\/cli|could not find package.json|^\s*(name|root|type|module|plugin):|^\s*}|DEBUG=\*|trace-warnings/.test(
            line,
          )
        ) {
          process.stderr.write(`${line}\n`);
        }
      }
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`sf ${args.join(' ')} exited with ${code}: ${stderr}`)),
    );
  });
}

step('Generating the sample org (seed 42): 40 reps, 5,000 deals with their history, quotas, territories, 4 currencies');
const generated = await generateSampleOrg({ outDir: dataDir, size: 'default' });
console.log(
  Object.entries(generated.files)
    .map(([k, n]) => `${k} ${n}`)
    .join(', '),
);

step('Starting the local org (a Salesforce-API-compatible server) on 127.0.0.1');
const org = await start({ dataDir });
console.log(`${org.url} — org ${org.organizationId}, "today" is ${SAMPLE_ANCHOR_DATE}`);

try {
  step('Logging the Salesforce CLI into it and linking the sf salesops plugin');
  await rm(home, { recursive: true, force: true });
  await mkdir(home, { recursive: true });
  const link = await linkPlugin(home);
  if (link.code !== 0) throw new Error(`sf plugins link failed: ${link.stderr}`);
  const login = jsonResult<{ username: string }>(await loginToOrg(home, org.url, alias, org.tokens.admin));
  console.log(`logged in as ${login.username} (alias ${alias}); sf home: ${home}`);

  step('Forecast of the current quarter (auto picks the method with the best backtest)');
  await sfShow(['salesops', 'forecast', ...target, ...asOf]);
  step('Forecast per team with every method');
  await sfShow([
    'salesops',
    'forecast',
    ...target,
    ...asOf,
    '--group-by',
    'team',
    '--method',
    'commit,weighted,stageHistory,monteCarlo',
  ]);
  step('How accurate each method was over the last 4 quarters');
  await sfShow(['salesops', 'forecast', 'accuracy', ...target, ...asOf, '--horizons', '30']);
  step('Rep comparison');
  await sfShow(['salesops', 'reps', 'compare', ...target, ...asOf]);
  step('Territory coverage');
  await sfShow(['salesops', 'territory', 'coverage', ...target, ...asOf]);
  step('Pipeline hygiene: deals pushed twice or more');
  await sfShow(['salesops', 'pipeline', 'hygiene', ...target, ...asOf, '--rule', 'PUSHED', '--owner', 'Quinn Gupta']);
  step('Payouts of the 75/25 plan with accelerators');
  await sfShow(['salesops', 'comp', 'payout', ...target, ...asOf, '--plan', 'packages/core/comp-plans/ae-75-25.yaml']);

  step('The monthly S&OP pack (HTML with charts, opens offline; Markdown summary)');
  await sfShow(['salesops', 'report', ...target, ...asOf, '--output-dir', join(work, 'report')]);

  step('Writing results back to the org (twice: keys make the second run update, not duplicate)');
  for (let run = 1; run <= 2; run++) {
    for (const command of [
      ['forecast', '--group-by', 'team'],
      ['reps', 'compare'],
      ['territory', 'coverage'],
    ]) {
      const result = jsonResult<{ written: { upserted: number; failed: number } }>(
        await runSf(home, ['salesops', ...command, ...target, ...asOf, '--write', '--json']),
      );
      console.log(
        `run ${run}: sf salesops ${command.join(' ')} --write → upserted ${result.written.upserted}, failed ${result.written.failed}`,
      );
    }
  }
  for (const object of [
    'SalesOps_Forecast__c',
    'SalesOps_Rep_Scorecard__c',
    'SalesOps_Territory_Coverage__c',
    'SalesOps_Run__c',
  ]) {
    const stored = jsonResult<{ totalSize: number }>(
      await runSf(home, ['data', 'query', '--query', `SELECT COUNT() FROM ${object}`, ...target, '--json']),
    );
    console.log(`${object}: ${stored.totalSize} records in the org`);
  }
  console.log(
    "\nDone. Try: npx sf salesops --help (with HOME=.sample-org/sf-home for this demo's login), or --data-dir .sample-org/default.",
  );
} finally {
  await org.stop();
}
