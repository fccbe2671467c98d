/**
 * The writers' field lists and the metadata admins deploy come from one source: every file under force-app/ for the
 * package's objects and permission sets equals what scripts/forceAppMetadata.ts generates from the zod schemas, and
 * nothing else is there. Regenerate with `npm run force-app` after changing a result schema.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { quotaKey, resultSchemas } from '@salesops/core';
import { generateSampleOrg } from '@salesops/local-org';
import { forceAppFiles } from '../scripts/forceAppFiles.js';
import { CUSTOM_OBJECTS, customFields } from '../scripts/forceAppMetadata.js';

const root = join(import.meta.dirname, '..');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name !== '.gitkeep')
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

describe('force-app metadata', () => {
  it('equals the metadata generated from the schemas, file for file', async () => {
    const generated = forceAppFiles();
    const committed = [
      ...(await filesUnder('force-app/main/default/objects')),
      ...(await filesUnder('force-app/main/default/permissionsets')),
      ...(await filesUnder('force-app/main/default/tabs')),
      ...(await filesUnder('force-app/main/default/reportTypes')),
      ...(await filesUnder('force-app/main/default/sharingRules')),
    ];
    expect(committed.sort()).toEqual([...generated.keys()].sort());
    for (const [path, content] of generated) expect(await readFile(join(root, path), 'utf8'), path).toBe(content);
  });

  it('deploys every field the writers write', () => {
    for (const [object, schema] of Object.entries(resultSchemas)) {
      const spec = CUSTOM_OBJECTS.find((o) => o.name === object);
      expect(spec, object).toBeDefined();
      const deployed = customFields(spec!).map((f) => f.name);
      expect(deployed.sort(), object).toEqual(
        Object.keys(schema.shape)
          .filter((f) => f.endsWith('__c'))
          .sort(),
      );
    }
  });

  it('gives SalesOps_Quota__c a unique key the sample org fills as the validation rule requires', async () => {
    const quota = CUSTOM_OBJECTS.find((o) => o.name === 'SalesOps_Quota__c')!;
    expect(customFields(quota).find((f) => f.name === 'Key__c')?.sf).toMatchObject({ externalId: true, unique: true });
    const dir = await mkdtemp(join(tmpdir(), 'quota-keys-'));
    try {
      await generateSampleOrg({ outDir: dir, size: 'toy' });
      const rows = parse(await readFile(join(dir, 'SalesOps_Quota__c.csv'), 'utf8'), { columns: true }) as Array<
        Record<string, string>
      >;
      expect(rows.length).toBeGreaterThan(0);
      const nullable = (v: string | undefined) => (v === undefined || v === '' ? null : v);
      for (const row of rows) {
        expect(row['Key__c']).toBe(
          quotaKey({
            Rep__c: nullable(row['Rep__c']),
            Territory_Id__c: nullable(row['Territory_Id__c']),
            Period_Start__c: row['Period_Start__c'] as string,
            Period_End__c: nullable(row['Period_End__c']),
          }),
        );
      }
      expect(new Set(rows.map((r) => r['Key__c'])).size).toBe(rows.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('grants SalesOps_Admin only what the writer needs: no Delete or Modify All on results and runs', async () => {
    const admin = await readFile(
      join(root, 'force-app/main/default/permissionsets/SalesOps_Admin.permissionset-meta.xml'),
      'utf8',
    );
    const grants = [...admin.matchAll(/<objectPermissions>([\s\S]*?)<\/objectPermissions>/g)].map((m) => {
      const flag = (name: string) => new RegExp(`<${name}>true</${name}>`).test(m[1] as string);
      return {
        object: /<object>(.*)<\/object>/.exec(m[1] as string)?.[1],
        create: flag('allowCreate'),
        edit: flag('allowEdit'),
        delete: flag('allowDelete'),
        modifyAll: flag('modifyAllRecords'),
      };
    });
    expect(grants.map((g) => g.object).sort()).toEqual(CUSTOM_OBJECTS.map((o) => o.name).sort());
    for (const g of grants) {
      expect(g, g.object).toMatchObject({ create: true, edit: true });
      // Quotas are the one object admins maintain by hand (and clean up).
      expect(g.delete || g.modifyAll, g.object).toBe(g.object === 'SalesOps_Quota__c');
    }
  });

  it('sets Bulk API, sharing and Streaming API explicitly, with a tab, a list view and a report type per object', () => {
    const files = forceAppFiles();
    for (const { name } of CUSTOM_OBJECTS) {
      const object = files.get(`force-app/main/default/objects/${name}/${name}.object-meta.xml`) ?? '';
      for (const flag of ['enableBulkApi', 'enableSharing', 'enableStreamingApi'])
        expect(object, `${name} ${flag}`).toContain(`<${flag}>true</${flag}>`);
      expect(files.has(`force-app/main/default/tabs/${name}.tab-meta.xml`), name).toBe(true);
      expect(files.get(`force-app/main/default/objects/${name}/listViews/All.listView-meta.xml`), name).toContain(
        '<filterScope>Everything</filterScope>',
      );
      // The report type offers every field the writer writes.
      const reportType = files.get(
        `force-app/main/default/reportTypes/${name.replace(/__c$/, '')}_Report.reportType-meta.xml`,
      );
      const columns = [...(reportType ?? '').matchAll(/<field>(.*)<\/field>/g)].map((m) => m[1]);
      const spec = CUSTOM_OBJECTS.find((o) => o.name === name)!;
      expect(columns, name).toEqual(['Name', 'CreatedDate', ...customFields(spec).map((f) => f.name)]);
    }
  });
});
