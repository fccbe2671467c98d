import { describe, expect, it } from 'vitest';
import { pluralMessage } from './pluralMessage.js';

describe('pluralMessage', () => {
  it('chooses the form for the count', () => {
    expect(pluralMessage('deals', 1, ['1'])).toBe('1 deal');
    expect(pluralMessage('deals', 2, ['2'])).toBe('2 deals');
    expect(pluralMessage('deals', 0, ['0'])).toBe('0 deals');
    expect(pluralMessage('deals', 2089, ['2,089'])).toBe('2,089 deals');
    expect(pluralMessage('periods', 1, ['1'])).toBe('1 period');
    expect(pluralMessage('columnsLeftOut', 1, ['P50', '120'])).toMatch(/^Column P50 left out to fit 120 characters/);
    expect(pluralMessage('columnsLeftOut', 2, ['P10, P90', '80'])).toMatch(/^Columns P10, P90 left out to fit 80/);
  });
});
