import { describe, expect, it } from 'vitest';
import { createOrgSnapshot } from '../snapshot/index.js';
import { smallOrg } from '../testing/smallOrg.js';
import { CACHED_FACT_DATES, dealFactsAsOf } from './dealFacts.js';

describe('dealFactsAsOf', () => {
  it('shares one list per date while the date is among the last used, and replays it again after', () => {
    const snapshot = createOrgSnapshot(smallOrg());
    const first = dealFactsAsOf(snapshot, '2026-03-15');
    expect(dealFactsAsOf(snapshot, '2026-03-15')).toBe(first);
    const others = Array.from({ length: CACHED_FACT_DATES }, (_, i) => `2026-02-${String(10 + i).padStart(2, '0')}`);
    for (const date of others.slice(1)) dealFactsAsOf(snapshot, date);
    expect(dealFactsAsOf(snapshot, '2026-03-15')).toBe(first); // still among the last CACHED_FACT_DATES dates
    for (const date of others) dealFactsAsOf(snapshot, date);
    const again = dealFactsAsOf(snapshot, '2026-03-15');
    expect(again).not.toBe(first); // evicted, replayed anew …
    expect(again).toEqual(first); // … to the same facts
  });
});
