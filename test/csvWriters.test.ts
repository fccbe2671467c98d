/**
 * One CSV writer: core's csvField. local-org imports nothing of ours at run time (architecture.md), so the sample-org
 * generator keeps its own field writer; this test proves the two write every kind of value the same way.
 */
import { describe, expect, it } from 'vitest';
import { csvField } from '@salesops/core';
import { csvField as sampleOrgCsvField } from '../packages/local-org/src/sample-data/csvFileWriter.js';

describe('the sample-org generator writes CSV as core does', () => {
  it('for text, numbers, booleans, nulls, quotes, commas and line breaks', () => {
    const values = ['', 'plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r', ' pad ', '=1+1', 0, -12.5, 1e21, true, null];
    for (const value of [...values, undefined]) expect(sampleOrgCsvField(value), String(value)).toBe(csvField(value));
  });
});
