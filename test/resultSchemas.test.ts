/**
 * The committed `--json` schemas (plugin/schemas/) are the ones the exported result types generate: run
 * `npm run json-schemas` after changing a result type. The plugin's command tests validate real output against them.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESULT_TYPES, resultSchemaFiles } from '../scripts/resultSchemas.js';

const root = join(import.meta.dirname, '..');
// Each schema compiles the plugin's sources anew: up to 25 s apiece on a busy 2-core machine.
const TIMEOUT_MS = 30_000 + Object.keys(RESULT_TYPES).length * 25_000;

describe('--json result schemas', () => {
  it(
    'are committed and current',
    async () => {
      const generated = resultSchemaFiles();
      const committed = (await readdir(join(root, 'plugin/schemas'))).map((f) => `plugin/schemas/${f}`);
      expect(committed.sort()).toEqual([...generated.keys()].sort());
      for (const [path, content] of generated) expect(await readFile(join(root, path), 'utf8'), path).toBe(content);
    },
    TIMEOUT_MS,
  );
});
