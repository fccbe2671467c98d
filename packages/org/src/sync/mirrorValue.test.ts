import { describe, expect, it } from 'vitest';
import { mirrorValue } from './mirrorValue.js';
import { objectPlan, selectOf, sinceLiteral } from './objectPlan.js';

describe('mirrorValue', () => {
  it('writes REST JSON and Bulk CSV values the same way', () => {
    expect(mirrorValue('datetime', '2026-11-16T10:00:00.000+0000')).toBe('2026-11-16T10:00:00.000Z');
    expect(mirrorValue('datetime', '2026-11-16T10:00:00.000Z')).toBe('2026-11-16T10:00:00.000Z');
    expect(mirrorValue('currency', 1200)).toBe('1200');
    expect(mirrorValue('currency', '1200.0')).toBe('1200');
    expect(mirrorValue('percent', '12.5')).toBe('12.5');
    expect(mirrorValue('boolean', true)).toBe('true');
    expect(mirrorValue('boolean', 'false')).toBe('false');
    expect(mirrorValue('date', '2026-11-16')).toBe('2026-11-16');
    expect(mirrorValue('string', 'a, "b"')).toBe('a, "b"');
  });

  it('gives null for empty values, whatever the type', () => {
    for (const type of ['string', 'currency', 'datetime', 'boolean']) {
      expect(mirrorValue(type, null)).toBeNull();
      expect(mirrorValue(type, '')).toBeNull();
      expect(mirrorValue(type, undefined)).toBeNull();
    }
  });
});

describe('sinceLiteral', () => {
  it('subtracts the window and floors to the second (a lower bound only re-reads more)', () => {
    expect(sinceLiteral('2026-11-16T10:00:30.500Z', 600)).toBe('2026-11-16T09:50:30Z');
    expect(sinceLiteral('2026-11-16T00:00:00.000Z', 0)).toBe('2026-11-16T00:00:00Z');
  });
});

describe('objectPlan', () => {
  it('mirrors Id and the read fields the org describes, marked by SystemModstamp', () => {
    const plan = objectPlan('Product2', [
      { name: 'Id', type: 'id' },
      { name: 'Family', type: 'picklist' },
      { name: 'Name', type: 'string' },
      { name: 'IsDeleted', type: 'boolean' },
      { name: 'SystemModstamp', type: 'datetime' },
    ]);
    expect(plan).toMatchObject({
      columns: ['Id', 'Name', 'Family'],
      markField: 'SystemModstamp',
      tombstones: 'since',
      archivable: false,
    });
    expect(selectOf(plan)).toBe('SELECT Id, Name, Family FROM Product2');
  });

  it('knows the activities whose archived records only queryAll returns', () => {
    const task = objectPlan('Task', [
      { name: 'Id', type: 'id' },
      { name: 'IsArchived', type: 'boolean' },
      { name: 'IsDeleted', type: 'boolean' },
      { name: 'SystemModstamp', type: 'datetime' },
    ]);
    expect(task).toMatchObject({ tombstones: 'since', archivable: true });
  });

  it('marks an append-only object without SystemModstamp by CreatedDate, and one with neither not at all', () => {
    const history = objectPlan('OpportunityHistory', [
      { name: 'Id', type: 'id' },
      { name: 'OpportunityId', type: 'reference' },
      { name: 'CreatedDate', type: 'datetime' },
      { name: 'IsDeleted', type: 'boolean' },
    ]);
    expect(history).toMatchObject({ markField: 'CreatedDate', tombstones: 'all' });
    expect(objectPlan('Product2', [{ name: 'Id', type: 'id' }])).toMatchObject({ markField: null, tombstones: 'none' });
  });
});
