/**
 * The writers' field lists and the metadata admins deploy come from one source: every file under force-app/ for the
 * package's objects and permission sets equals what scripts/forceAppMetadata.ts generates from the zod schemas, and
 * nothing else is there. Regenerate with `npm run force-app` after changing a result schema.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultSchemas } from '@salesops/core';
import { CUSTOM_OBJECTS, customFields, forceAppFiles } from '../scripts/forceAppMetadata.js';

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
});
