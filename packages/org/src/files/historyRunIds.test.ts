import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packRunIds, unpackRunIds } from './historyRunIds.js';

const id = (n: number, long = true) => `006${String(n).padStart(12, '0')}${long ? 'AAA' : ''}`;

describe('packRunIds and unpackRunIds', () => {
  // Whether a run took its deal's string is not observable in JavaScript (equal strings are the same value): the
  // heap figures of docs/benchmarks.md show it; these tests show the Ids are right in every case.
  it('give back the run Ids, deals without history, unknown deals and deals out of order among them', () => {
    const deals = [1, 2, 3, 4, 5].map((n) => ({ Id: id(n) }));
    // Deal 2 has no history; 9 is no deal; 1 again after the others (a mirror's changed rows come last).
    const runs = [id(1), id(3), id(4), id(9), id(5), id(1), id(7, false)];
    expect(unpackRunIds(packRunIds(runs), deals)).toEqual(runs);
    expect(unpackRunIds(packRunIds(runs), [])).toEqual(runs);
    expect(unpackRunIds(packRunIds([]), deals)).toEqual([]);
  });

  it('gives back any run Ids, whatever the deals', () => {
    const ids = fc.array(fc.stringMatching(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/), { maxLength: 30 });
    fc.assert(
      fc.property(ids, ids, (runs, deals) => {
        expect(
          unpackRunIds(
            packRunIds(runs),
            deals.map((Id) => ({ Id })),
          ),
        ).toEqual(runs);
      }),
    );
  });
});
