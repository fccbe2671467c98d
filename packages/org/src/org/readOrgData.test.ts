// The field-level-security error path with a scripted connection (the read itself runs over HTTP against the local
// org in test/orgReadWrite.test.ts).
import { describe, expect, it } from 'vitest';
import { readSchemas, type ReadObjectName } from '@salesops/core';
import { FieldAccessError, readOrgData, UnreadableObjectError, type QueryConnection } from './readOrgData.js';

describe('readOrgData without access to a required field', () => {
  it('names every hidden field the engine cannot do without', async () => {
    const connection: QueryConnection = {
      describeGlobal: () =>
        Promise.resolve({
          sobjects: [
            { name: 'Organization', queryable: true },
            { name: 'Opportunity', queryable: true },
          ],
        }),
      describe: (sobject) =>
        Promise.resolve({
          fields:
            sobject === 'Opportunity'
              ? ['Id', 'OwnerId', 'CloseDate', 'CreatedDate', 'IsClosed', 'IsWon', 'Amount'].map((name) => ({ name }))
              : ['Id', 'TimeZoneSidKey', 'FiscalYearStartMonth', 'UsesStartDateAsFiscalYearName'].map((name) => ({
                  name,
                })),
        }),
      query: () =>
        Promise.resolve({
          totalSize: 1,
          done: true,
          records: [
            {
              Id: '00D000000000001AAA',
              TimeZoneSidKey: 'UTC',
              FiscalYearStartMonth: 1,
              UsesStartDateAsFiscalYearName: false,
            },
          ],
        }),
      queryMore: () => Promise.reject(new Error('not paged')),
    };
    const error = await readOrgData(connection).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FieldAccessError);
    expect((error as FieldAccessError).fields).toEqual(['Opportunity.StageName']);
  });
});

describe('readOrgData with several objects at a time, or some objects only', () => {
  const ORG = {
    Id: '00D000000000001AAA',
    TimeZoneSidKey: 'UTC',
    FiscalYearStartMonth: 1,
    UsesStartDateAsFiscalYearName: false,
  };
  const USER = { Id: '005000000000001AAA', Name: 'Ann', IsActive: true };
  const scripted = (failOn: readonly string[] = []) => {
    const asked: string[] = [];
    const connection: QueryConnection = {
      describeGlobal: () =>
        Promise.resolve({
          sobjects: ['Organization', 'User', 'Opportunity'].map((name) => ({
            name,
            queryable: name !== 'Opportunity',
          })),
        }),
      describe: (sobject) => {
        asked.push(`describe ${sobject}`);
        const fields = sobject === 'Organization' ? Object.keys(ORG) : sobject === 'User' ? Object.keys(USER) : ['Id'];
        return Promise.resolve({ fields: fields.map((name) => ({ name })) });
      },
      query: async (soql) => {
        const sobject = /FROM (\w+)/.exec(soql)?.[1] ?? '';
        asked.push(`query ${sobject}`);
        // Later objects answer sooner, so a parallel read sees them finish out of order.
        await new Promise((r) => setTimeout(r, sobject === 'Organization' ? 20 : 1));
        if (failOn.includes(sobject))
          throw Object.assign(new Error(`boom ${sobject}`), { errorCode: 'MALFORMED_QUERY' });
        const records = sobject === 'Organization' ? [ORG] : sobject === 'User' ? [USER] : [];
        return { totalSize: records.length, done: true, records };
      },
      queryMore: () => Promise.reject(new Error('not paged')),
    };
    return { connection, asked };
  };

  it('reads the same data, warnings and counts one object at a time and six at a time', async () => {
    const one = await readOrgData(scripted().connection, { concurrency: 1 });
    const six = await readOrgData(scripted().connection, { concurrency: 6 });
    expect(six.data).toEqual(one.data);
    expect(six.warnings).toEqual(one.warnings);
    expect(six.missingObjects).toEqual(one.missingObjects);
    expect(six.requests).toBe(one.requests);
    expect(six.data.users).toHaveLength(1);
  });

  it('fails with the error of the first object in order, though a later one failed first', async () => {
    const error = await readOrgData(scripted(['Organization', 'User']).connection, { concurrency: 6 }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toBe('boom Organization');
  });

  it('leaves the objects not asked for empty, without a request or a warning', async () => {
    const { connection, asked } = scripted();
    const read = await readOrgData(connection, { objects: ['users'], concurrency: 6 });
    expect(read.data.users).toHaveLength(1);
    expect(read.data.organization.Id).toBe(ORG.Id);
    expect(read.data.opportunities).toEqual([]);
    expect(asked.filter((a) => !a.endsWith('Organization') && !a.endsWith('User'))).toEqual([]);
    expect(read.missingObjects).toEqual([]);
  });
});

describe('readOrgData warnings: codes and data, never sentences', () => {
  const ORG = {
    Id: '00D000000000001AAA',
    TimeZoneSidKey: 'UTC',
    FiscalYearStartMonth: 1,
    UsesStartDateAsFiscalYearName: false,
  };
  /** An org with Territory2Model and Territory2 listed but refused, the other territory object and CurrencyType
   * missing, Opportunity.NextStep hidden, and `organization` as its Organization rows. */
  const org = (organization: ReadonlyArray<Record<string, unknown>>): QueryConnection => ({
    describeGlobal: () =>
      Promise.resolve({
        sobjects: ['Organization', 'Opportunity', 'Territory2Model', 'Territory2'].map((name) => ({
          name,
          queryable: true,
        })),
      }),
    describe: (sobject) =>
      Promise.resolve({
        fields: Object.keys(readSchemas[sobject as ReadObjectName].shape)
          .filter((name) => !(sobject === 'Opportunity' && name === 'NextStep'))
          .map((name) => ({ name })),
      }),
    query: (soql) => {
      const sobject = /FROM (\w+)/.exec(soql)?.[1] ?? '';
      if (sobject.startsWith('Territory2')) {
        return Promise.reject(Object.assign(new Error('refused'), { errorCode: 'INSUFFICIENT_ACCESS' }));
      }
      const records = sobject === 'Organization' ? organization : [];
      return Promise.resolve({ totalSize: records.length, done: true, records });
    },
    queryMore: () => Promise.reject(new Error('not paged')),
  });
  const objects = ['opportunities', 'territoryModels', 'territories', 'userTerritories', 'currencyTypes'] as const;

  it('groups absent objects by reason and by the code the org refused them with, then hidden fields, then currency', async () => {
    const read = await readOrgData(org([ORG]), { objects });
    expect(read.warnings).toEqual([
      {
        code: 'OBJECTS_ABSENT',
        reason: 'TERRITORY_MANAGEMENT_OFF',
        objects: ['Territory2Model', 'Territory2'],
        refusedWith: 'INSUFFICIENT_ACCESS',
      },
      {
        code: 'OBJECTS_ABSENT',
        reason: 'TERRITORY_MANAGEMENT_OFF',
        objects: ['UserTerritory2Association'],
        refusedWith: null,
      },
      { code: 'FIELDS_HIDDEN', sobject: 'Opportunity', fields: ['NextStep'] },
      { code: 'SINGLE_CURRENCY' },
    ]);
    expect(read.missingObjects).toEqual(['Territory2Model', 'Territory2', 'UserTerritory2Association', 'CurrencyType']);
  });

  it('fails with the object, as a typed error, when the Organization record is not readable', async () => {
    const error = await readOrgData(org([]), { objects }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableObjectError);
    expect((error as UnreadableObjectError).sobject).toBe('Organization');
    expect((error as UnreadableObjectError).code).toBe('UNREADABLE_OBJECT');
  });
});
