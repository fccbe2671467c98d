import { describe, expect, it } from 'vitest';
import { createRandom } from '../../sample-data/random.js';
import { likeMatcher } from './likeMatcher.js';

/**
 * The plain definition of LIKE, as an independent reference: dynamic programming over (pattern token, text
 * position), `%` any run, `_` one character, `\x` the character x, case-insensitive.
 */
function referenceLike(pattern: string, text: string): boolean {
  const tokens: { kind: 'any' | 'one' | 'char'; ch?: string }[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\' && i + 1 < pattern.length) tokens.push({ kind: 'char', ch: pattern[++i] as string });
    else if (c === '%') tokens.push({ kind: 'any' });
    else if (c === '_') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', ch: c });
  }
  // can[j] after k tokens: the first k tokens match text[0, j).
  let can = Array.from({ length: text.length + 1 }, (_, j) => j === 0);
  for (const token of tokens) {
    const next = Array.from({ length: text.length + 1 }, () => false);
    for (let j = 0; j <= text.length; j++) {
      if (token.kind === 'any') next[j] = can[j] === true || (j > 0 && next[j - 1] === true);
      else if (j > 0 && can[j - 1] === true) {
        next[j] = token.kind === 'one' || (token.ch as string).toLowerCase() === (text[j - 1] as string).toLowerCase();
      }
    }
    can = next;
  }
  return can[text.length] === true;
}

describe('likeMatcher', () => {
  it('matches prefixes, suffixes, infixes and single characters, case-insensitively', () => {
    expect(likeMatcher('acme%')('ACME Corp')).toBe(true);
    expect(likeMatcher('%corp')('ACME Corp')).toBe(true);
    expect(likeMatcher('%me c%')('ACME Corp')).toBe(true);
    expect(likeMatcher('a_me%')('Acme')).toBe(true);
    expect(likeMatcher('a_me')('Acmes')).toBe(false);
    expect(likeMatcher('%%')('')).toBe(true);
    expect(likeMatcher('')('')).toBe(true);
    expect(likeMatcher('')('x')).toBe(false);
    expect(likeMatcher('50\\%')('50%')).toBe(true);
    expect(likeMatcher('50\\%')('500')).toBe(false);
    expect(likeMatcher('%ab%ab%')('xab')).toBe(false);
    expect(likeMatcher('ab%ba')('aba')).toBe(false);
  });

  it('answers the pattern that froze the old RegExp at once: 20 % then a character the text lacks', () => {
    const matches = likeMatcher(`${'%'.repeat(20)}!`);
    expect(matches('Global Media Expansion - Renewal 2026 (Q3) with a long tail of words'.repeat(50))).toBe(false);
    expect(likeMatcher(`${'%a'.repeat(20)}!`)('a'.repeat(5000))).toBe(false);
  });

  it('agrees with the reference definition on 20,000 random patterns and texts', () => {
    const random = createRandom(21);
    const pick = (alphabet: string, max: number): string => {
      let out = '';
      const length = Math.floor(random.next() * (max + 1));
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(random.next() * alphabet.length)] as string;
      return out;
    };
    for (let i = 0; i < 20_000; i++) {
      const pattern = pick('aAb%_\\', 8);
      const text = pick('abAB%_\\', 10);
      expect(likeMatcher(pattern)(text), `${pattern} LIKE ${text}`).toBe(referenceLike(pattern, text));
    }
  });
});
