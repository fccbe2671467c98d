/**
 * The widgets' Salesforce metadata: force-app (with the static resource the widgets build produces) converts cleanly
 * to metadata format with @salesforce/source-deploy-retrieve; each Visualforce page loads that static resource,
 * builds the jsforce connection from the page's session and mounts an element the bundle defines; every page is
 * granted by every permission set (scripts/forceAppPermissionSets.ts is the single list).
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIDGET_PAGES } from '../scripts/forceAppPermissionSets.js';

const root = join(import.meta.dirname, '..');
const pagesDir = join(root, 'force-app/main/default/pages');

interface BundleModule {
  STATIC_RESOURCE_NAME: string;
  buildWidgetsBundle(): Promise<{ widgets: string; jsforce: string; resource: string }>;
}

let bundleModule: BundleModule;
let bundle: Awaited<ReturnType<BundleModule['buildWidgetsBundle']>>;
let work: string;

/** Tag names the widgets define (customElements.define in their sources). */
async function definedTags(): Promise<Set<string>> {
  const dir = join(root, 'packages/widgets/src');
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const tags = new Set<string>();
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8');
    for (const m of text.matchAll(/customElements\.define\('([a-z0-9-]+)'/g)) tags.add(m[1] as string);
  }
  return tags;
}

beforeAll(async () => {
  // The widgets' build script is its own TypeScript project; load it at run time.
  bundleModule = (await import(pathToFileURL(join(root, 'packages/widgets/scripts/bundle.ts')).href)) as BundleModule;
  bundle = await bundleModule.buildWidgetsBundle();
  work = await mkdtemp(join(tmpdir(), 'salesops-force-app-'));
  await cp(join(root, 'force-app'), join(work, 'force-app'), { recursive: true });
  await writeFile(
    join(work, 'force-app/main/default/staticresources', `${bundleModule.STATIC_RESOURCE_NAME}.resource`),
    bundle.resource,
  );
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('widgets metadata', () => {
  it('converts force-app, with the built static resource, to metadata format', async () => {
    const components = ComponentSet.fromSource(join(work, 'force-app'));
    const byType = new Map<string, string[]>();
    for (const c of components.getSourceComponents()) {
      byType.set(c.type.name, [...(byType.get(c.type.name) ?? []), c.fullName]);
    }
    expect(byType.get('ApexPage')?.sort()).toEqual([...WIDGET_PAGES].sort());
    expect(byType.get('StaticResource')).toEqual([bundleModule.STATIC_RESOURCE_NAME]);
    const out = join(work, 'mdapi');
    const result = await new MetadataConverter().convert(components, 'metadata', {
      type: 'directory',
      outputDirectory: out,
      genUniqueDir: false,
    });
    expect(result.converted?.length ?? 0).toBeGreaterThan(0);
    const pkg = await readFile(join(out, 'package.xml'), 'utf8');
    for (const page of WIDGET_PAGES) expect(pkg).toContain(`<members>${page}</members>`);
    expect(pkg).toContain(`<members>${bundleModule.STATIC_RESOURCE_NAME}</members>`);
    const converted = await readFile(
      join(out, 'staticresources', `${bundleModule.STATIC_RESOURCE_NAME}.resource`),
      'utf8',
    );
    expect(converted).toBe(bundle.resource);
    // jsforce first (the pages use the global), then the widgets.
    expect(converted.indexOf(bundle.jsforce.trimEnd())).toBe(0);
    expect(converted.endsWith(bundle.widgets)).toBe(true);
  });

  it('has one page per widget page name, each loading the static resource and mounting a defined element', async () => {
    const files = (await readdir(pagesDir)).filter((f) => f.endsWith('.page'));
    expect(files.map((f) => f.replace(/\.page$/, '')).sort()).toEqual([...WIDGET_PAGES].sort());
    const tags = await definedTags();
    expect(tags.has('salesops-provider')).toBe(true);
    for (const file of files) {
      const text = await readFile(join(pagesDir, file), 'utf8');
      expect(text, file).toContain(`{!$Resource.${bundleModule.STATIC_RESOURCE_NAME}}`);
      expect(text, file).toContain("new jsforce.Connection({ accessToken: '{!$Api.Session_ID}'");
      expect(text, file).toMatch(/\$User\.LanguageLocaleKey/);
      expect(text, file).toMatch(/\$User\.LocaleSidKey/);
      expect(text, file).toMatch(/\$User\.Id/);
      expect(text, file).toMatch(/\$CurrentPage\.parameters\.id/);
      const used = [...text.matchAll(/<(salesops-[a-z-]+)/g)].map((m) => m[1] as string);
      expect(used, file).toContain('salesops-provider');
      expect(used.length, file).toBe(2);
      for (const tag of used) expect(tags.has(tag), `${file}: <${tag}> is not defined by the widgets`).toBe(true);
      // The bundle defines the element the page mounts.
      for (const tag of used) expect(bundle.widgets).toContain(`"${tag}"`);
    }
  });

  it('grants every widget page in every permission set', async () => {
    const dir = join(root, 'force-app/main/default/permissionsets');
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.permissionset-meta.xml'))) {
      const text = await readFile(join(dir, file), 'utf8');
      for (const page of WIDGET_PAGES) {
        expect(text, file).toContain(`<apexPage>${page}</apexPage>`);
      }
    }
  });
});
