/**
 * The release build of force-app/: `npm run build` (which `npm test` runs first) writes the widgets' static resource
 * (a folder of page scripts) into force-app, so `sf project deploy start --source-dir force-app` works from a fresh
 * clone. Each page script in the tree is what the widgets' sources build now (never a stale one) and compiles, and
 * the real sf CLI converts force-app/ to metadata format with the folder zipped, as a deploy does (without it sf
 * stops with ExpectedSourceFilesError).
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonResult, repositoryRoot, runSf, sfTimeout } from '../scripts/sfCli.js';

interface BundleModule {
  STATIC_RESOURCE_DIR: string;
  STATIC_RESOURCE_NAME: string;
  buildPageBundles(): Promise<readonly { file: string; code: string }[]>;
}

let bundleModule: BundleModule;
let work: string;

beforeAll(async () => {
  // The widgets' build script is its own TypeScript project; load it at run time.
  const bundlePath = join(repositoryRoot, 'packages/widgets/scripts/bundle.ts');
  bundleModule = (await import(pathToFileURL(bundlePath).href)) as BundleModule;
  work = await mkdtemp(join(tmpdir(), 'salesops-release-'));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** The static resource's folder (Salesforce DX deploys it as a zip): one script per Visualforce page. */
const resourceDir = () => join(bundleModule.STATIC_RESOURCE_DIR, bundleModule.STATIC_RESOURCE_NAME);

describe('the release build of force-app', () => {
  it('holds the page scripts the widgets build now, as JavaScript that compiles', async () => {
    const pages = await bundleModule.buildPageBundles();
    expect(pages.length).toBeGreaterThan(0);
    for (const { file, code } of pages) {
      const path = join(resourceDir(), file);
      const built = await readFile(path, 'utf8').catch(() => {
        throw new Error(`${path} is missing: npm run build writes it`);
      });
      expect(built, file).toBe(code);
      expect(() => new Script(built, { filename: path })).not.toThrow();
    }
    await expect(readFile(join(resourceDir(), 'page.css'), 'utf8')).resolves.toContain('{');
    const meta = await readFile(`${resourceDir()}.resource-meta.xml`, 'utf8');
    expect(meta).toContain('<contentType>application/zip</contentType>');
  });

  it(
    'converts to metadata format with the real sf CLI, static resource included',
    async () => {
      // sf runs in a project folder: the files of this repository a deploy reads, as they are after the build.
      for (const file of ['sfdx-project.json', '.forceignore', 'force-app']) {
        await cp(join(repositoryRoot, file), join(work, file), { recursive: true });
      }
      const out = join(work, 'mdapi');
      const args = ['project', 'convert', 'source', '--source-dir', 'force-app'];
      const converted = await runSf(work, [...args, '--output-dir', out, '--json']);
      expect(jsonResult<{ location: string }>(converted).location).toBe(out);
      const pkg = await readFile(join(out, 'package.xml'), 'utf8');
      expect(pkg).toMatch(
        new RegExp(`<members>${bundleModule.STATIC_RESOURCE_NAME}</members>\\s*<name>StaticResource</name>`),
      );
      // The folder becomes one zip archive (its first bytes are the local file header, PK\x03\x04).
      const resource = await readFile(join(out, 'staticresources', `${bundleModule.STATIC_RESOURCE_NAME}.resource`));
      expect(resource.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    },
    sfTimeout(1),
  );
});
