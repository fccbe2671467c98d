// Error paths of the writer with a scripted connection (the happy path runs over HTTP against the local org in
// test/writeback.test.ts).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { upsertRecords, type RestConnection } from './upsertRecords.js';

const dir = await mkdtemp(join(tmpdir(), 'upsert-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
const noSleep = () => Promise.resolve();

function scripted(
  responses: Array<(body: { records: Array<Record<string, unknown>> }) => unknown>,
): RestConnection & { calls: string[] } {
  const calls: string[] = [];
  return {
    version: '66.0',
    calls,
    request: <T>(request: { method: string; url: string; body?: string }) => {
      calls.push(`${request.method} ${request.url}`);
      const next = responses.shift();
      if (!next) throw new Error('no more responses');
      try {
        return Promise.resolve(next(JSON.parse(request.body ?? '{}')) as T);
      } catch (e) {
        return Promise.reject(e);
      }
    },
  };
}

describe('upsertRecords', () => {
  it('saves the records that failed, with their errors, and counts the rest', async () => {
    const connection = scripted([
      (body) =>
        body.records.map((r, i) =>
          i === 1
            ? {
                success: false,
                errors: [
                  {
                    statusCode: 'STRING_TOO_LONG',
                    message: 'Scope Name: data value too large',
                    fields: ['Scope_Name__c'],
                  },
                ],
              }
            : { id: `a0${i}`, success: true, created: i === 0, errors: [] },
        ),
    ]);
    const records = [
      { Key__c: 'k1', Scope_Name__c: 'East' },
      { Key__c: 'k2', Scope_Name__c: 'x'.repeat(300) },
      { Key__c: 'k3', Scope_Name__c: 'West, "North"' },
    ];
    const errorFile = join(dir, 'failed.csv');
    const outcome = await upsertRecords(connection, 'SalesOps_Forecast__c', records, { errorFile, sleep: noSleep });
    expect(outcome).toEqual({ upserted: 2, created: 1, failed: 1, errorFile, requests: 1 });
    expect(connection.calls).toEqual(['PATCH /services/data/v66.0/composite/sobjects/SalesOps_Forecast__c/Key__c']);
    expect(await readFile(errorFile, 'utf8')).toBe(
      `Error_Code,Error_Message,Error_Fields,Key__c,Scope_Name__c\nSTRING_TOO_LONG,Scope Name: data value too large,Scope_Name__c,k2,${'x'.repeat(300)}\n`,
    );
  });

  it('neutralises formulas in the failed-records file people open in a spreadsheet', async () => {
    const refuse = (body: { records: Array<Record<string, unknown>> }) =>
      body.records.map(() => ({
        success: false,
        errors: [{ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: '=1+1' }],
      }));
    const records = [{ Key__c: 'k1', Scope_Name__c: '=HYPERLINK("http://evil.example","Georgia")', Quota__c: -5 }];
    const errorFile = join(dir, 'formula.csv');
    await upsertRecords(scripted([refuse]), 'SalesOps_Forecast__c', records, { errorFile, sleep: noSleep });
    expect(await readFile(errorFile, 'utf8')).toBe(
      'Error_Code,Error_Message,Error_Fields,Key__c,Scope_Name__c,Quota__c\n' +
        `FIELD_CUSTOM_VALIDATION_EXCEPTION,'=1+1,,k1,"'=HYPERLINK(""http://evil.example"",""Georgia"")",-5\n`,
    );
  });

  it('retries a request that failed for a transient reason, in batches of 200', async () => {
    const ok = (body: { records: unknown[] }) => body.records.map(() => ({ success: true, created: true, errors: [] }));
    const dropped = () => {
      throw Object.assign(new Error('socket hang up'), { errorCode: 'ECONNRESET' });
    };
    const connection = scripted([ok, dropped, ok]);
    const records = Array.from({ length: 350 }, (_, i) => ({ Key__c: `k${i}` }));
    const outcome = await upsertRecords(connection, 'SalesOps_Run__c', records, {
      errorFile: join(dir, 'none.csv'),
      sleep: noSleep,
    });
    expect(outcome).toMatchObject({ upserted: 350, failed: 0, errorFile: null, requests: 3 });
  });

  it('retries a connection closed without an answer as undici reports it (fetch failed, cause: other side closed)', async () => {
    const ok = (body: { records: unknown[] }) => body.records.map(() => ({ success: true, created: true, errors: [] }));
    const closed = () => {
      const cause = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
      throw new TypeError('fetch failed', { cause });
    };
    const connection = scripted([closed, ok]);
    const outcome = await upsertRecords(connection, 'SalesOps_Run__c', [{ Key__c: 'k1' }], {
      errorFile: join(dir, 'closed.csv'),
      sleep: noSleep,
    });
    expect(outcome).toMatchObject({ upserted: 1, failed: 0, errorFile: null, requests: 2 });
  });

  it('stops sending once the session expired, and saves the records not written', async () => {
    const ok = (body: { records: unknown[] }) => body.records.map(() => ({ success: true, created: true, errors: [] }));
    const expired = () => {
      throw Object.assign(new Error('Session expired or invalid'), { errorCode: 'INVALID_SESSION_ID' });
    };
    const connection = scripted([ok, expired]);
    const errorFile = join(dir, 'expired.csv');
    const records = Array.from({ length: 450 }, (_, i) => ({ Key__c: `k${i}` }));
    const outcome = await upsertRecords(connection, 'SalesOps_Run__c', records, { errorFile, sleep: noSleep });
    expect(outcome).toEqual({ upserted: 200, created: 200, failed: 250, errorFile, requests: 2, sessionExpired: true });
    const lines = (await readFile(errorFile, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(251);
    expect(lines[1]).toBe('INVALID_SESSION_ID,Session expired or invalid,,k200');
    expect(lines[250]).toBe('INVALID_SESSION_ID,Session expired or invalid,,k449');
  });

  it('does not retry a request Salesforce refused, and saves its whole batch', async () => {
    const refused = () => {
      throw Object.assign(new Error('The requested resource does not exist'), { errorCode: 'NOT_FOUND' });
    };
    const connection = scripted([refused]);
    const errorFile = join(dir, 'refused.csv');
    const outcome = await upsertRecords(connection, 'SalesOps_Missing__c', [{ Key__c: 'k1' }, { Key__c: 'k2' }], {
      errorFile,
      sleep: noSleep,
    });
    expect(outcome).toMatchObject({ upserted: 0, failed: 2, errorFile, requests: 1 });
    expect((await readFile(errorFile, 'utf8')).split('\n')[1]).toBe(
      'NOT_FOUND,The requested resource does not exist,,k1',
    );
  });
});
