import { describe, expect, it } from 'vitest';
import { createIdFactory, toCaseSafeId } from './salesforceId.js';

describe('Salesforce ids', () => {
  it('appends the case-safe suffix Salesforce documents for its examples', () => {
    expect(toCaseSafeId('001D000000IqhSL')).toBe('001D000000IqhSLIAZ');
    expect(toCaseSafeId('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
  });

  it('issues unique 18-character ids with the object key prefix', () => {
    const newId = createIdFactory();
    const ids = Array.from({ length: 5000 }, () => newId('Opportunity'));
    expect(new Set(ids).size).toBe(5000);
    for (const id of ids) {
      expect(id).toMatch(/^006[A-Za-z0-9]{15}$/);
      expect(toCaseSafeId(id.slice(0, 15))).toBe(id);
    }
    // Case-insensitive uniqueness is what the suffix is for.
    expect(new Set(ids.map((id) => id.toLowerCase())).size).toBe(5000);
    expect(newId('Account').startsWith('001')).toBe(true);
  });
});
