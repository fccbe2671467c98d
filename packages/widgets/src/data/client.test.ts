import { expect } from 'chai';
import {
  OpportunityHistoryTable,
  orgDataObjects,
  readSchemas,
  REVOPS_OBJECTS,
  type OrgData,
  type ReadObjectName,
} from '@salesops/core';
import { FieldAccessError, UnreadableObjectError, type QueryConnection } from '@salesops/org/browser';
import { smallOrg } from '../testing/helpers.js';
import { CORE_OBJECTS, createConnectionClient, createFixtureClient, isPermissionError } from './client.js';

/** A connection that answers from the small org and records what it was asked. */
function scriptedConnection(data: OrgData = smallOrg()) {
  const queried: string[] = [];
  let failNext = false;
  const records = (sobject: string): unknown[] => {
    const key = (Object.keys(orgDataObjects) as Array<keyof OrgData>).find((k) => orgDataObjects[k] === sobject);
    const value = key ? data[key] : [];
    if (value instanceof OpportunityHistoryTable) return value.rows();
    return Array.isArray(value) ? value : [value];
  };
  const connection: QueryConnection = {
    describeGlobal: () =>
      Promise.resolve({ sobjects: Object.values(orgDataObjects).map((name) => ({ name, queryable: true })) }),
    describe: (sobject) =>
      Promise.resolve({ fields: Object.keys(readSchemas[sobject as ReadObjectName].shape).map((name) => ({ name })) }),
    query: (soql) => {
      const sobject = /FROM (\w+)/.exec(soql)?.[1] ?? '';
      queried.push(sobject);
      if (failNext) {
        failNext = false;
        return Promise.reject(Object.assign(new Error('offline'), { errorCode: 'MALFORMED_QUERY' }));
      }
      const rows = records(sobject);
      return Promise.resolve({ totalSize: rows.length, done: true, records: rows as Array<Record<string, unknown>> });
    },
    queryMore: () => Promise.reject(new Error('not paged')),
  };
  return {
    connection,
    queried,
    failOnce: () => {
      failNext = true;
    },
  };
}

describe('data clients', () => {
  it('takes what the org reader could not read for a missing permission, not a failure', () => {
    expect(isPermissionError(new UnreadableObjectError('Organization'))).to.equal(true);
    expect(isPermissionError(new FieldAccessError(['Opportunity.StageName']))).to.equal(true);
    expect(isPermissionError(new Error('down'))).to.equal(false);
  });

  it('reads only the objects an element computes with, each once for every element', async () => {
    const { connection, queried } = scriptedConnection();
    const client = createConnectionClient(connection);
    const core = await client.orgSnapshot(CORE_OBJECTS);
    expect(queried).to.have.members(CORE_OBJECTS.map((o) => orgDataObjects[o]));
    expect(core.data.accounts).to.deep.equal([]);
    expect(core.data.opportunities).to.deep.equal(smallOrg().opportunities);
    expect(await client.orgSnapshot(CORE_OBJECTS)).to.equal(core);

    queried.length = 0;
    const all = await client.orgSnapshot();
    // Only the objects not read yet (and the Organization, which every read includes); the funnel's leads, campaigns
    // and activities are read only by an element that names them.
    const rest = Object.keys(orgDataObjects).filter(
      (o) => !CORE_OBJECTS.includes(o as keyof OrgData) && !(REVOPS_OBJECTS as readonly string[]).includes(o),
    );
    expect(queried).to.have.members(['Organization', ...rest.map((o) => orgDataObjects[o as keyof OrgData])]);
    expect(all.data.accounts).to.deep.equal(smallOrg().accounts);
    expect(all.data.opportunities).to.deep.equal(smallOrg().opportunities);
  });

  it('reads again after a failed read', async () => {
    const { connection, failOnce } = scriptedConnection();
    const client = createConnectionClient(connection);
    failOnce();
    const error = await client.orgSnapshot(CORE_OBJECTS).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(Error);
    const snapshot = await client.orgSnapshot(CORE_OBJECTS);
    expect(snapshot.data.users).to.deep.equal(smallOrg().users);
  });

  it('gives fixtures the same objects the connection client reads', async () => {
    const client = createFixtureClient(smallOrg());
    const objects = [...CORE_OBJECTS, 'accounts' as const];
    const snapshot = await client.orgSnapshot(objects);
    expect(snapshot.data.accounts).to.deep.equal(smallOrg().accounts);
    expect(snapshot.data.opportunityLineItems).to.deep.equal([]);
    expect((await client.orgSnapshot()).data.opportunityLineItems).to.deep.equal(smallOrg().opportunityLineItems);
  });
});
