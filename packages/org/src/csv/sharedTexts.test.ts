import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiHash, NOT_ASCII, SharedTexts, UnkeptTexts } from './sharedTexts.js';

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

  it('decodes without keeping a copy when unkept', () => {
    const texts = new UnkeptTexts();
    for (const text of ['Prospecting', 'Zürich', '']) {
      const bytes = Buffer.from(`,${text},`);
      expect(texts.fromBytes(bytes, 1, bytes.length - 1)).toBe(text);
      expect(texts.of(text)).toBe(text);
    }
    const ascii = Buffer.from('0065e0000000001AAA');
    expect(texts.fromAscii(asciiHash(ascii, 0, 18), ascii, 0, 18)).toBe('0065e0000000001AAA');
  });
});
