import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Row } from './catalog.js';

/** sObject Tree requests take at most 200 records, so each plan file holds at most that many. */
export const TREE_FILE_LIMIT = 200;

export interface TreeObject {
  readonly sobject: string;
  /** Records with the fields to insert; `ref` names the record for later files, `AccountRef` links to one. */
  readonly records: ReadonlyArray<{ ref: string; fields: Row }>;
}

/**
 * Writes an `sf data tree import --plan tree/plan.json` plan: Accounts, Products and Opportunities (linked to
 * their Accounts by `@AccountRefN`, which current `sf` resolves across files by itself, so the plan has no
 * `saveRefs`/`resolveRefs`). Users, roles, territories, quotas and OpportunityHistory cannot be inserted
 * that way (history is written by Salesforce itself), so the plan seeds what a scratch org accepts; the local
 * org loads the full CSV set.
 */
export async function writeDataTreePlan(dir: string, objects: readonly TreeObject[]): Promise<number> {
  await mkdir(dir, { recursive: true });
  const plan: Array<{ sobject: string; files: string[] }> = [];
  let files = 0;
  for (const object of objects) {
    const names: string[] = [];
    for (let start = 0; start < object.records.length; start += TREE_FILE_LIMIT) {
      const chunk = object.records.slice(start, start + TREE_FILE_LIMIT);
      const name = `${object.sobject}-${names.length + 1}.json`;
      const records = chunk.map(({ ref, fields }) => ({
        attributes: { type: object.sobject, referenceId: ref },
        ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined)),
      }));
      await writeFile(join(dir, name), JSON.stringify({ records }, null, 2) + '\n');
      names.push(name);
      files++;
    }
    plan.push({ sobject: object.sobject, files: names });
  }
  await writeFile(join(dir, 'plan.json'), JSON.stringify(plan, null, 2) + '\n');
  return files;
}
