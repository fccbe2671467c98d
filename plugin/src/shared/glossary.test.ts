import { Logger } from '@salesforce/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { glossaryHeader, glossaryIn, glossaryMeaning, withGlossary } from './glossary.js';

afterEach(() => vi.restoreAllMocks());

describe('glossary', () => {
  it('puts the tokens in a header’s specifier and leaves a header without one as it is', () => {
    expect(glossaryHeader('rankBy', ['Attainment', 'extra'])).toBe('Rank (Attainment)');
    expect(glossaryHeader('rankBy')).toBe('Rank (%s)');
    expect(glossaryHeader('closedWon', ['…'])).toBe('Closed won');
    expect(glossaryIn('en').header('componentAttainment')).toBe('… attainment');
    expect(glossaryMeaning('closedWon')).toMatch(/^Amount of the deals won/);
  });

  it('logs no warning for the entries whose lines have no specifier', () => {
    const childFromRoot = vi.spyOn(Logger, 'childFromRoot');
    const help = withGlossary('Forecast.', ['closedWon', 'quota', 'rankBy']);
    expect(help).toContain('  Closed won — Amount of the deals won');
    expect(help).toContain('  Rank (…) — Place within the peer group');
    expect(glossaryIn('de').header('closedWon')).not.toBe('closedWon');
    expect(childFromRoot).not.toHaveBeenCalled();
  });
});
