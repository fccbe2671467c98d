import { describe, expect, it } from 'vitest';
import { csvField, csvRow, csvText, neutraliseFormula } from './csvField.js';

describe('csvField', () => {
  it('quotes what needs quoting and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(false)).toBe('false');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined, { nullAs: '#N/A' })).toBe('#N/A');
    expect(csvField(' padded ')).toBe(' padded ');
    expect(csvField(' padded ', { quoteSpaces: true })).toBe('" padded "');
  });

  it('neutralises formulas in text only when asked, and never numbers', () => {
    const link = '=HYPERLINK("http://evil.example","click")';
    expect(csvField(link)).toBe('"=HYPERLINK(""http://evil.example"",""click"")"');
    expect(csvField(link, { neutralise: true })).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    for (const text of ['+1', '-1+2', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(csvField(-12.5, { neutralise: true })).toBe('-12.5');
    expect(csvField('North - East', { neutralise: true })).toBe('North - East');
  });

  it('writes rows and whole texts with a header', () => {
    expect(csvRow(['a', 1, null, 'x,y'])).toBe('a,1,,"x,y"');
    expect(csvText(['Id', 'Name'], [{ Id: '1', Name: '=1+1' }, { Id: '2' }], { neutralise: true })).toBe(
      "Id,Name\n1,'=1+1\n2,\n",
    );
  });
});
