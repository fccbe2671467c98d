/**
 * The release build of force-app/: `npm run build` (which `npm test` runs first) writes the widgets' static resource
 * into force-app, so `sf project deploy start --source-dir force-app` works from a fresh clone. The resource in the
 * tree is what the widgets' sources build now (never a stale one), it is JavaScript that compiles, and the real sf
 * CLI converts force-app/ to metadata format with it, as a deploy does (without it sf stops with
 * ExpectedSourceFilesError).
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
  buildWidgetsBundle(): Promise<{ resource: string }>;
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

const resourceFile = () => join(bundleModule.STATIC_RESOURCE_DIR, `${bundleModule.STATIC_RESOURCE_NAME}.resource`);

describe('the release build of force-app', () => {
  it('holds the static resource the widgets build now, as JavaScript that compiles', async () => {
    const built = await readFile(resourceFile(), 'utf8').catch(() => {
      throw new Error(`${resourceFile()} is missing: npm run build writes it`);
    });
    expect(built).toBe((await bundleModule.buildWidgetsBundle()).resource);
    expect(() => new Script(built, { filename: resourceFile() })).not.toThrow();
    const meta = await readFile(`${resourceFile()}-meta.xml`, 'utf8');
    expect(meta).toContain('<contentType>application/javascript</contentType>');
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
      const resource = join(out, 'staticresources', `${bundleModule.STATIC_RESOURCE_NAME}.resource`);
      expect(await readFile(resource, 'utf8')).toBe(await readFile(resourceFile(), 'utf8'));
    },
    sfTimeout(1),
  );
});
