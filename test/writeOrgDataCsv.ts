import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvRow, orgDataObjects, readSchemas, type OrgData } from '@salesops/core';

/**
 * Writes an OrgData into `dir` in the `--data-dir` layout: one `<SObject>.csv` per object with records, API-name
 * headers, the fields of the read schema. For the tests that run commands on a hand-built org.
 */
export async function writeOrgDataCsv(data: OrgData, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [key, sobject] of Object.entries(orgDataObjects) as Array<[keyof OrgData, keyof typeof readSchemas]>) {
    const value = data[key];
    const records = (
      key === 'organization' ? [value] : key === 'opportunityHistory' ? data.opportunityHistory.rows() : value
    ) as ReadonlyArray<Record<string, unknown>>;
    if (records.length === 0) continue;
    const fields = Object.keys(readSchemas[sobject].shape);
    const lines = [
      csvRow(fields),
      ...records.map((r) => csvRow(fields.map((f) => (r[f] ?? null) as string | number | boolean | null))),
    ];
    await writeFile(join(dir, `${sobject}.csv`), lines.join('\n') + '\n');
  }
}
