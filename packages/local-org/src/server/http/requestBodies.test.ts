/**
 * Malformed but valid JSON, a bad %-escape in a path and an unclosed quote in ingest CSV are the client's mistakes:
 * 400 with Salesforce's error codes, never 500 UNKNOWN_EXCEPTION (which clients retry six times).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, type LocalOrg } from '../localOrg.js';

let org: LocalOrg;
let accountId: string;

async function call(method: string, path: string, body?: string, contentType = 'application/json') {
  const res = await fetch(`${org.url}/services/data/v62.0${path}`, {
    method,
    headers: { Authorization: `Bearer ${org.tokens.admin}`, 'Content-Type': contentType },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

function expectError(result: { status: number; body: unknown }, errorCode: string, mentions?: string): void {
  expect(result.status, JSON.stringify(result.body)).toBe(400);
  const [first] = result.body as { errorCode: string; message: string }[];
  expect(first?.errorCode).toBe(errorCode);
  if (mentions) expect(first?.message).toContain(mentions);
}

beforeAll(async () => {
  org = await start({ sample: { size: 'toy', seed: 42 }, objectsDir: null });
  const created = await call('POST', '/sobjects/Account', JSON.stringify({ Name: 'Validation Test' }));
  accountId = (created.body as { id: string }).id;
});

afterAll(async () => {
  await org?.stop();
});

describe('request validation', () => {
  it('a record body that is null, an array or a number is 400 JSON_PARSER_ERROR', async () => {
    expectError(await call('POST', '/sobjects/Account', 'null'), 'JSON_PARSER_ERROR', 'expected object');
    expectError(await call('PATCH', `/sobjects/Account/${accountId}`, '[1]'), 'JSON_PARSER_ERROR');
    expectError(await call('PATCH', '/sobjects/Account/Id/x', '7'), 'JSON_PARSER_ERROR');
  });

  it('{"ids":"abc"} on a collection retrieve is 400 JSON_PARSER_ERROR naming ids', async () => {
    expectError(await call('POST', '/composite/sobjects/Account', '{"ids":"abc"}'), 'JSON_PARSER_ERROR', 'ids');
    expectError(await call('POST', '/composite/sobjects/Account', 'null'), 'JSON_PARSER_ERROR');
  });

  it('{"records":[null]} and a non-boolean allOrNone are 400 JSON_PARSER_ERROR naming the field', async () => {
    expectError(await call('POST', '/composite/sobjects', '{"records":[null]}'), 'JSON_PARSER_ERROR', 'records.0');
    expectError(
      await call('PATCH', '/composite/sobjects', '{"allOrNone":"yes","records":[]}'),
      'JSON_PARSER_ERROR',
      'allOrNone',
    );
    expectError(
      await call('PATCH', '/composite/sobjects/Account/Id', '{"records":"x"}'),
      'JSON_PARSER_ERROR',
      'records',
    );
  });

  it('Bulk job bodies of the wrong shape are 400 JSON_PARSER_ERROR', async () => {
    expectError(await call('POST', '/jobs/query', 'null'), 'JSON_PARSER_ERROR');
    expectError(
      await call('POST', '/jobs/ingest', '{"operation":1,"object":"Account"}'),
      'JSON_PARSER_ERROR',
      'operation',
    );
    const job = await call(
      'POST',
      '/jobs/query',
      JSON.stringify({ operation: 'query', query: 'SELECT Id FROM Account' }),
    );
    const id = (job.body as { id: string }).id;
    expectError(await call('PATCH', `/jobs/query/${id}`, '{"state":5}'), 'JSON_PARSER_ERROR', 'state');
  });

  it('a bad %-escape in a path is 400 ILLEGAL_QUERY_PARAMETER_VALUE', async () => {
    expectError(await call('GET', '/sobjects/Account/%zz'), 'ILLEGAL_QUERY_PARAMETER_VALUE', 'escape (%)');
    expectError(await call('GET', '/sobjects/Account/Name/100%'), 'ILLEGAL_QUERY_PARAMETER_VALUE');
  });

  it('an unclosed quote in an ingest batch is 400 INVALIDBATCH, and the job stays open for a good batch', async () => {
    const job = await call('POST', '/jobs/ingest', JSON.stringify({ operation: 'insert', object: 'Account' }));
    const id = (job.body as { id: string }).id;
    expectError(
      await call('PUT', `/jobs/ingest/${id}/batches`, 'Name\n"Unclosed Account\n', 'text/csv'),
      'INVALIDBATCH',
      'Quote Not Closed',
    );
    expect((await call('PUT', `/jobs/ingest/${id}/batches`, 'Name\n"Closed, Inc."\n', 'text/csv')).status).toBe(201);
  });
});
