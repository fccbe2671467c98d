import { describe, expect, it } from 'vitest';
import { salesforceId } from '../../sample-data/salesforceId.js';
import { IdIndex } from './idIndex.js';
import type { StoredRecord } from './values.js';

describe('IdIndex', () => {
  it('finds records by 15- or 18-character id, case-sensitively, through growth, removals and a reindex', () => {
    const records: StoredRecord[] = [];
    const index = new IdIndex(records);
    const ids = Array.from({ length: 5000 }, (_, i) => salesforceId('006', '5e', i + 1));
    for (const id of ids) index.add(records.push({ Id: id, Name: id }) - 1);
    expect(index.size).toBe(5000);
    for (const id of ids) {
      expect(index.get(id)?.['Id']).toBe(id);
      expect(index.get(id.slice(0, 15))?.['Id']).toBe(id);
    }
    const first = ids[0] as string;
    expect(first.slice(0, 15).toUpperCase()).not.toBe(first.slice(0, 15));
    expect(index.get(first.slice(0, 15).toUpperCase())).toBeUndefined();
    expect(index.has(salesforceId('006', '5e', 5001))).toBe(false);

    for (const id of ids.slice(0, 2500)) index.delete(id);
    expect(index.size).toBe(2500);
    expect(index.has(first)).toBe(false);
    expect(index.get(ids[2500] as string)?.['Id']).toBe(ids[2500]);

    // A record of an id already indexed replaces it; removing records from the array needs a reindex.
    index.add(records.push({ Id: ids[4999] as string, Name: 'again' }) - 1);
    expect(index.size).toBe(2500);
    expect(index.get(ids[4999] as string)?.['Name']).toBe('again');
    records.splice(0, 2500);
    index.reindex();
    expect(index.get(ids[2500] as string)).toBe(records[0]);
    expect(index.get(ids[4999] as string)?.['Name']).toBe('again');
    expect(index.has(first)).toBe(false);
  });

  it('grows past removed and replaced records, with the ids its caller hands over', () => {
    const records: StoredRecord[] = [];
    const index = new IdIndex(records);
    const ids = Array.from({ length: 3000 }, (_, i) => salesforceId('00k', '5e', i + 1));
    for (const [i, id] of ids.entries()) {
      index.add(records.push({ Id: id, Name: `first ${i}` }) - 1, id);
      if (i % 3 === 0) index.delete(id); // REMOVED slots that each growth drops
      if (i % 3 === 1) index.add(records.push({ Id: id, Name: `second ${i}` }) - 1, id);
    }
    expect(index.size).toBe(2000);
    for (const [i, id] of ids.entries()) {
      expect(index.get(id)?.['Name']).toBe(i % 3 === 0 ? undefined : `${i % 3 === 1 ? 'second' : 'first'} ${i}`);
    }
  });

  it('compares ids shorter than 15 characters whole', () => {
    const records: StoredRecord[] = [{ Id: 'z00abc' }, { Id: 'z00abcd' }];
    const index = new IdIndex(records);
    index.add(0);
    index.add(1);
    expect(index.get('z00abc')).toBe(records[0]);
    expect(index.get('z00abcd')).toBe(records[1]);
    expect(index.get('z00ab')).toBeUndefined();
  });

  it('indexes the positions added for later on its next use, and goes on adding after', () => {
    const records: StoredRecord[] = [];
    const index = new IdIndex(records);
    const ids = Array.from({ length: 3000 }, (_, i) => salesforceId('00Q', '5e', i + 1));
    for (const id of ids.slice(0, 1000)) index.addLater(records.push({ Id: id }) - 1);
    expect(index.has(ids[999] as string)).toBe(true); // the first use indexes the 1000
    for (const id of ids.slice(1000, 2000)) index.addLater(records.push({ Id: id }) - 1);
    index.add(records.push({ Id: ids[2000] as string }) - 1); // an add indexes the ones before it first
    for (const id of ids.slice(2001)) index.addLater(records.push({ Id: id }) - 1);
    expect(index.size).toBe(3000);
    for (const [i, id] of ids.entries()) expect(index.get(id)).toBe(records[i]);
    index.addLater(records.push({ Id: 'x' }) - 1);
    expect(() => index.addLater(records.length + 1)).toThrow(/added after/);
  });
});
