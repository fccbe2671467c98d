import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { salesforceId, toCaseSafeId } from '../../sample-data/salesforceId.js';
import { SchemaRegistry } from '../schema/schemaRegistry.js';
import { DataFileError } from './loadDataDir.js';
import { OrgStore } from './orgStore.js';

const LOADED_AT = '2026-11-16T12:00:00.000Z';
const OWNER = '0055e0000000001AAA';
const dirs: string[] = [];

/** A store loaded from a folder holding `files` (name → text). */
async function load(files: Record<string, string>): Promise<OrgStore> {
  const dir = await mkdtemp(join(tmpdir(), 'local-org-load-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  const store = new OrgStore(SchemaRegistry.create());
  await store.loadDataDir(dir, () => OWNER, LOADED_AT);
  return store;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('loading a data folder', () => {
  it('reads quoting, CRLF and a BOM, normalizes ids and datetimes, and fills owner, audit dates and IsDeleted', async () => {
    const store = await load({
      'Account.csv':
        '\uFEFFid,Name,OwnerId,AnnualRevenue,CreatedDate\r\n' +
        '001000000000001,"Acme ""Best"", Inc",,1.5e3,2026-03-08T17:04:05Z\r\n' +
        '\r\n' +
        'not-an-id,"Two\nlines",0055e0000000002AAA,12.25,\r\n',
    });
    const [first, second] = store.table('Account')?.records ?? [];
    expect(first).toMatchObject({
      Id: toCaseSafeId('001000000000001'),
      Name: 'Acme "Best", Inc',
      OwnerId: OWNER,
      AnnualRevenue: 1500,
      CreatedDate: '2026-03-08T17:04:05.000Z',
      LastModifiedDate: '2026-03-08T17:04:05.000Z',
      SystemModstamp: '2026-03-08T17:04:05.000Z',
      IsDeleted: false,
      Industry: null,
    });
    expect(second).toMatchObject({
      Name: 'Two\nlines',
      OwnerId: '0055e0000000002AAA',
      AnnualRevenue: 12.25,
      CreatedDate: null,
      LastModifiedDate: null,
      SystemModstamp: LOADED_AT,
    });
    expect(second?.['Id']).toBe(salesforceId('001', '5f', 1)); // a new id: the row's is none
    expect(store.get('Account', String(first?.['Id']).slice(0, 15))).toBe(first);
    // Every record has every field of the schema, in its order.
    const fields = store.table('Account')?.entry.schema.fields.map((f) => f.name);
    expect(Object.keys(first ?? {})).toEqual(fields);
    expect(Object.keys(second ?? {})).toEqual(fields);
  });

  it('serves columns and objects the schema lacks as text, with a warning, and skips an object without Id', async () => {
    const store = await load({
      'Account.csv': 'Id,Name,Mood__x\n0015e0000000001AAA,Acme,sunny\n',
      'Gadget__c.csv': 'Id,Size\na005e0000000001AAA,12\n',
      'Notes.csv': 'Title\nhello\n',
    });
    expect(store.table('Account')?.records.at(0)).toMatchObject({ Name: 'Acme', Mood__x: 'sunny' });
    expect(store.table('Gadget__c')?.records.at(0)).toMatchObject({ Id: 'a005e0000000001AAA', Size: '12' });
    expect(store.warnings).toEqual([
      'Account.csv: column Mood__x is not a field of Account; served as text',
      'Gadget__c.csv: object Gadget__c is not in the schema; served with text fields',
      'Notes.csv: no object Notes and no Id column; skipped',
    ]);
  });

  it('names the file, line and what is wrong for a row of another length or broken quoting', async () => {
    await expect(load({ 'Account.csv': 'Id,Name\n0015e0000000001AAA,Acme\n0015e0000000002AAA\n' })).rejects.toThrow(
      new DataFileError('1 fields where the header has 2', 'Account.csv', 3),
    );
    await expect(load({ 'Account.csv': 'Id,Name\n0015e0000000001AAA,Ac"me\n' })).rejects.toThrow(
      'Account.csv:2: a quote inside an unquoted field (column 22)',
    );
  });
});
