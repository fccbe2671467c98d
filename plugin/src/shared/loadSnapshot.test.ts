import { describe, expect, it } from 'vitest';
import type { Org } from '@salesforce/core';
import type { QueryConnection } from '@salesops/org';
import { heapWarning, loadSnapshot } from './loadSnapshot.js';

const GiB = 2 ** 30;

describe('heapWarning', () => {
  it('stays quiet for orgs the heap holds easily', () => {
    expect(heapWarning(944_367, 4 * GiB)).toBeNull(); // the 100,000-deal sample org
    expect(heapWarning(7_457_647, 4144 * 2 ** 20)).toBeNull(); // a million deals on Node's default heap
    expect(heapWarning(7_457_647, 16 * GiB)).toBeNull();
  });

  it("names the records, the heap limit and the NODE_OPTIONS to use for an org too large for Node's default heap", () => {
    expect(heapWarning(12_000_000, 4144 * 2 ** 20)).toBe(
      "12,000,000 records is a lot for Node's heap limit of 4,144 MiB: if the command runs out of memory, run it with " +
        'NODE_OPTIONS=--max-old-space-size=8192.',
    );
    expect(heapWarning(40_000_000, 4 * GiB)).toMatch(/--max-old-space-size=17408\.$/);
  });
});

describe('loadSnapshot from an org', () => {
  it('words an Organization record the user cannot read as the object the command needs', async () => {
    const connection: QueryConnection = {
      describeGlobal: () => Promise.resolve({ sobjects: [] }),
      describe: () => Promise.resolve({ fields: [] }),
      query: () => Promise.resolve({ totalSize: 0, done: true, records: [] }),
      queryMore: () => Promise.reject(new Error('not paged')),
    };
    const org = { getConnection: () => connection, getUsername: () => 'ann@example.com', getOrgId: () => '00D' };
    const error = await loadSnapshot({ 'target-org': org as unknown as Org, period: 'current' }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      name: 'MissingObjectError',
      message:
        'The org gave no Organization records to this user (ann@example.com): the command needs them. Give the user ' +
        'read access to Organization, then run the command again.',
    });
  });
});
