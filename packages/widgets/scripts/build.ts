/**
 * npm run build:widgets: writes the SalesOpsWidgets static resource (a folder Salesforce DX deploys as a zip) into
 * force-app/main/default/staticresources/SalesOpsWidgets/, one bundle per Visualforce page, and prints each page's
 * size gzip against the budget.
 */
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  buildPageBundles,
  PAGE_BUDGET_GZIP_BYTES,
  PAGE_STYLESHEET,
  STATIC_RESOURCE_DIR,
  STATIC_RESOURCE_NAME,
} from './bundle.js';

const dir = join(STATIC_RESOURCE_DIR, STATIC_RESOURCE_NAME);
const pages = await buildPageBundles();
await rm(dir, { recursive: true, force: true });
await mkdir(dir, { recursive: true });
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
for (const { page, file, code } of pages) {
  await writeFile(join(dir, file), code);
  console.log(`${page}: ${file} ${kb(gzipSync(code).length)} gzip (budget ${kb(PAGE_BUDGET_GZIP_BYTES)})`);
}
await copyFile(PAGE_STYLESHEET, join(dir, 'page.css'));
console.log(`wrote ${dir}`);
