/**
 * Writes the deterministic sample org as a `--data-dir` folder.
 *
 *   npm run sample-org -- [--size toy|default|N] [--seed 42] [--out .sample-org/<size>] [--anchor-date 2026-11-16]
 *
 * Prints the rows per file, the time taken and the peak resident memory.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSampleOrg, SAMPLE_ANCHOR_DATE } from '@salesops/local-org';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'default' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string' },
    'anchor-date': { type: 'string', default: SAMPLE_ANCHOR_DATE },
  },
});
const sizeArg = values.size;
const size = sizeArg === 'toy' || sizeArg === 'default' ? sizeArg : Number(sizeArg.replaceAll('_', ''));
if (typeof size === 'number' && !Number.isInteger(size)) {
  console.error(
    `--size "${sizeArg}" is not valid: use toy, default or a whole number of opportunities (e.g. 1000000).`,
  );
  process.exit(2);
}
const seed = Number(values.seed);
if (!Number.isSafeInteger(seed)) {
  console.error(`--seed "${values.seed}" is not valid: use a whole number such as 42.`);
  process.exit(2);
}
const outDir = values.out ?? join(process.cwd(), '.sample-org', String(sizeArg));
const started = performance.now();
try {
  const result = await generateSampleOrg({ outDir, seed, size, anchorDate: values['anchor-date'] });
  const seconds = (performance.now() - started) / 1000;
  const width = Math.max(...Object.keys(result.files).map((k) => k.length));
  for (const [object, rows] of Object.entries(result.files)) console.log(`${object.padEnd(width)}  ${rows}`);
  const total = Object.values(result.files).reduce((a, b) => a + b, 0);
  console.log(
    `\n${total} rows in ${seconds.toFixed(1)} s into ${result.outDir}` +
      (result.treeFiles > 0 ? ` (+ sf data tree plan: ${result.treeFiles} files in tree/)` : '') +
      `; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
  );
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(2);
}
