/** npm run build:widgets: writes force-app/main/default/staticresources/SalesOpsWidgets.resource. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildWidgetsBundle, STATIC_RESOURCE_DIR, STATIC_RESOURCE_NAME } from './bundle.js';

const bundle = await buildWidgetsBundle();
await mkdir(STATIC_RESOURCE_DIR, { recursive: true });
const path = join(STATIC_RESOURCE_DIR, `${STATIC_RESOURCE_NAME}.resource`);
await writeFile(path, bundle.resource);
const kb = (s: string) => (gzipSync(s).length / 1024).toFixed(1);
console.log(`wrote ${path}: widgets ${kb(bundle.widgets)} KB gzip, with jsforce ${kb(bundle.resource)} KB gzip`);
