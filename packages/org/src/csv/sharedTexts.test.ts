import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiHash, NOT_ASCII, SharedTexts } from './sharedTexts.js';

describe('SharedTexts', () => {
  it('gives the text of the bytes, the same for a text and its bytes, whatever came first', () => {
    // 'Stage 5wzx' and 'Stage c6cd' have the same hash: the second is kept apart.
    const pool = ['Prospecting', 'Stage 5wzx', 'Stage c6cd', 'Zürich', '東京', 'a', ''];
    expect(asciiHash(Buffer.from('Stage 5wzx'), 0, 10)).toBe(asciiHash(Buffer.from('Stage c6cd'), 0, 10));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...pool), fc.boolean()), { maxLength: 20 }), (seq) => {
        const texts = new SharedTexts();
        for (const [text, asBytes] of seq) {
          const bytes = Buffer.from(`,${text},`);
          const got = asBytes ? texts.fromBytes(bytes, 1, bytes.length - 1) : texts.of(text);
          expect(got).toBe(text);
          expect(texts.of(text)).toBe(got);
        }
      }),
    );
  });

  it('tells ASCII bytes from others', () => {
    expect(asciiHash(Buffer.from('Zürich'), 0, 7)).toBe(NOT_ASCII);
    expect(asciiHash(Buffer.from('Zurich'), 0, 6)).not.toBe(NOT_ASCII);
  });
});
