/** Writes the package's custom objects and permission sets into force-app/ (npm run force-app). */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { forceAppFiles } from './forceAppFiles.js';

const root = join(import.meta.dirname, '..');
for (const [path, content] of forceAppFiles()) {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), content);
}
console.log(`wrote ${forceAppFiles().size} files into force-app/`);
