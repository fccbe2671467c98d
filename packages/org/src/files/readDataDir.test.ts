import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDataDir } from './readDataDir.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'salesops-datadir-'));
  writeFileSync(
    join(dir, 'Organization.csv'),
    '\uFEFFId,Name,TimeZoneSidKey,FiscalYearStartMonth,UsesStartDateAsFiscalYearName,DefaultCurrencyIsoCode\r\n' +
      '00D000000000001AAA,"Acme, Inc.",Europe/Berlin,4,false,EUR\r\n',
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const header = 'Id,OwnerId,Amount,StageName,CloseDate,CreatedDate,IsClosed,IsWon\n';
const good = '006000000000001AAA,005000000000001AAA,100,Prospecting,2026-05-01,2026-04-01T10:00:00.000Z,false,false\n';

describe('readDataDir', () => {
  it('reads CSV with a BOM and CRLF; absent files are empty lists', async () => {
    writeFileSync(join(dir, 'Opportunity.csv'), header + good);
    const data = await readDataDir(dir);
    expect(data.organization).toMatchObject({ Name: 'Acme, Inc.', FiscalYearStartMonth: 4 });
    expect(data.opportunities).toHaveLength(1);
    expect(data.opportunities[0]).toMatchObject({ Amount: 100, IsWon: false, Name: null });
    expect(data.territories).toEqual([]);
  });

  it('names file, line, record and field of a bad value', async () => {
    writeFileSync(join(dir, 'Opportunity.csv'), header + good + good.replace('2026-05-01', '05/01/2026'));
    await expect(readDataDir(dir)).rejects.toThrow(
      `${join(dir, 'Opportunity.csv')}:3, Opportunity 006000000000001AAA: field CloseDate has "05/01/2026"`,
    );
  });

  it('names a missing required column', async () => {
    writeFileSync(join(dir, 'Opportunity.csv'), header.replace(',CloseDate', '') + good.replace(',2026-05-01', ''));
    await expect(readDataDir(dir)).rejects.toThrow(/Opportunity.csv:1: missing required column CloseDate/);
  });

  it('names the line of broken quoting', async () => {
    writeFileSync(join(dir, 'Opportunity.csv'), header + good + '006000000000002AAA,"unclosed,1\n');
    await expect(readDataDir(dir)).rejects.toThrow(/Opportunity.csv:\d+: not valid CSV/);
  });

  it('requires Organization.csv', async () => {
    rmSync(join(dir, 'Organization.csv'));
    await expect(readDataDir(dir)).rejects.toThrow(/Organization.csv is missing or empty/);
  });
});
