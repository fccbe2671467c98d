// The field-level-security error path with a scripted connection (the read itself runs over HTTP against the local
// org in test/orgReadWrite.test.ts).
import { describe, expect, it } from 'vitest';
import { FieldAccessError, readOrgData, type QueryConnection } from './readOrgData.js';

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
