/**
 * The widgets' Salesforce metadata: force-app (with the static resource the widgets build produces: a zip with one
 * script per page) converts cleanly to metadata format with @salesforce/source-deploy-retrieve; each Visualforce page
 * has no inline script or style (a strict CSP holds), loads its own script from the static resource, hands the
 * session id and the user's settings to it in data-* attributes through JSENCODE, and mounts the element that
 * script defines; every page is granted by every permission set (scripts/forceAppPermissionSets.ts is the single list).
 */
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIDGET_PAGES } from '../scripts/forceAppPermissionSets.js';

const root = join(import.meta.dirname, '..');
const pagesDir = join(root, 'force-app/main/default/pages');

interface PageBundle {
  page: string;
  file: string;
  code: string;
}
interface BundleModule {
  STATIC_RESOURCE_NAME: string;
  PAGE_ELEMENTS: Record<string, string>;
  PAGE_STYLESHEET: string;
  buildPageBundles(): Promise<PageBundle[]>;
}

let bundleModule: BundleModule;
let bundles: PageBundle[];
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
  bundles = await bundleModule.buildPageBundles();
  work = await mkdtemp(join(tmpdir(), 'salesops-force-app-'));
  await cp(join(root, 'force-app'), join(work, 'force-app'), { recursive: true });
  const resource = join(work, 'force-app/main/default/staticresources', bundleModule.STATIC_RESOURCE_NAME);
  await rm(resource, { recursive: true, force: true });
  await mkdir(resource, { recursive: true });
  for (const { file, code } of bundles) await writeFile(join(resource, file), code);
  await copyFile(bundleModule.PAGE_STYLESHEET, join(resource, 'page.css'));
  // Five minified bundles on a busy 2-core machine.
}, 180_000);

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
    // The Lightning card that hosts a page, with its labels in every language.
    expect(byType.get('LightningComponentBundle')).toEqual(['salesopsWidget']);
    expect(byType.get('CustomLabels')).toEqual(['CustomLabels']);
    expect(byType.get('Translations')?.sort()).toEqual(['de', 'ja', 'zh_CN', 'zh_TW']);
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
    expect(pkg).toContain('<members>salesopsWidget</members>');
    // A folder static resource deploys as a zip of its files (names stored in the clear in a zip's directory).
    const zip = await readFile(join(out, 'staticresources', `${bundleModule.STATIC_RESOURCE_NAME}.resource`));
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
    for (const file of [...bundles.map((b) => b.file), 'page.css'])
      expect(zip.includes(Buffer.from(file)), file).toBe(true);
  });

  it('has one page per widget page name, each loading its own script and mounting the element it defines', async () => {
    const files = (await readdir(pagesDir)).filter((f) => f.endsWith('.page'));
    expect(files.map((f) => f.replace(/\.page$/, '')).sort()).toEqual([...WIDGET_PAGES].sort());
    expect(Object.keys(bundleModule.PAGE_ELEMENTS).sort()).toEqual([...WIDGET_PAGES].sort());
    const tags = await definedTags();
    expect(tags.has('salesops-provider')).toBe(true);
    for (const file of files) {
      const page = file.replace(/\.page$/, '');
      const text = await readFile(join(pagesDir, file), 'utf8');
      const bundle = bundles.find((b) => b.page === page);
      expect(bundle, file).toBeDefined();
      // Strict CSP: no inline script, style or event handler; the one script comes from the static resource.
      const scripts = [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length, file).toBe(1);
      expect(scripts[0]?.[2]?.trim(), file).toBe('');
      expect(scripts[0]?.[1], file).toContain(
        `src="{!URLFOR($Resource.${bundleModule.STATIC_RESOURCE_NAME}, '${bundle?.file}')}"`,
      );
      expect(text, file).not.toMatch(/<style|\sstyle=|\son[a-z]+=|javascript:/i);
      expect(text, file).toContain(
        `<link rel="stylesheet" href="{!URLFOR($Resource.${bundleModule.STATIC_RESOURCE_NAME}, 'page.css')}" />`,
      );
      // The bootstrap reads the merge fields from data-* attributes; the session id only through JSENCODE.
      expect(text, file).toContain('data-salesops-page=""');
      expect(text, file).toContain('data-session-id="{!JSENCODE($Api.Session_ID)}"');
      expect(text.match(/\$Api\.Session_ID/g)?.length, file).toBe(1);
      for (const [attribute, field] of [
        ['data-user-id', '$User.Id'],
        ['data-language', '$User.LanguageLocaleKey'],
        ['data-locale', '$User.LocaleSidKey'],
        ['data-record-id', '$CurrentPage.parameters.id'],
        ['data-period', '$CurrentPage.parameters.period'],
        ['data-scope', '$CurrentPage.parameters.scope'],
        ['data-anonymise', '$CurrentPage.parameters.anonymise'],
        ['data-embedded', '$CurrentPage.parameters.embedded'],
      ]) {
        expect(text, file).toContain(`${attribute}="{!JSENCODE(${field})}"`);
      }
      // Every merge field is encoded.
      for (const m of text.matchAll(/\{!([^}]*)\}/g)) expect(m[1], file).toMatch(/^(JSENCODE|URLFOR)\(/);
      const used = [...text.matchAll(/<(salesops-[a-z-]+)/g)].map((m) => m[1] as string);
      expect(used, file).toEqual(['salesops-provider', `salesops-${bundleModule.PAGE_ELEMENTS[page]}`]);
      for (const tag of used) {
        expect(tags.has(tag), `${file}: <${tag}> is not defined by the widgets`).toBe(true);
        // The page's script defines the element the page mounts.
        expect(bundle?.code, file).toContain(`"${tag}"`);
      }
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
