/** Writes the `--json` result schemas into plugin/schemas/ (npm run json-schemas). */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { resultSchemaFiles } from './resultSchemas.js';

const root = join(import.meta.dirname, '..');
const files = resultSchemaFiles();
for (const [path, content] of files) {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), content);
}
console.log(`wrote ${files.size} schemas into plugin/schemas/`);
