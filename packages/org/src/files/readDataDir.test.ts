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
  it('reads OpportunityHistory in a worker thread into the table it reads in this one', async () => {
    writeFileSync(join(dir, 'Opportunity.csv'), header + good);
    const history = ['OpportunityId,CreatedDate,StageName,Amount,CloseDate,Probability,ForecastCategory'];
    for (let i = 0; i < 3000; i++) {
      const created = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
      history.push(
        `006000000000${String(i % 40).padStart(3, '0')}AAA,${created},Prospecting,${i * 10.5},2026-05-01,10,`,
      );
    }
    writeFileSync(join(dir, 'OpportunityHistory.csv'), history.join('\n') + '\n');
    const inWorker = await readDataDir(dir, { historyInWorker: 'always' });
    const here = await readDataDir(dir, { historyInWorker: 'never' });
    expect(inWorker.opportunityHistory.length).toBe(3000);
    expect(inWorker.opportunityHistory.rows()).toEqual(here.opportunityHistory.rows());
    expect(inWorker.opportunities).toEqual(here.opportunities);
  });

  it('names file, line and column of a bad history file read in a worker, as in this thread', async () => {
    const file = join(dir, 'OpportunityHistory.csv');
    writeFileSync(file, 'OpportunityId,CreatedDate,StageName\n006000000000001AAA,"2026-04-01,Prospecting\n');
    const inWorker = await readDataDir(dir, { historyInWorker: 'always' }).catch((e: unknown) => e);
    const here = await readDataDir(dir, { historyInWorker: 'never' }).catch((e: unknown) => e);
    expect(inWorker).toMatchObject({ name: 'DataDirError', file, line: 2, column: 20 });
    expect(inWorker).toEqual(here);
    expect((inWorker as Error).message).toBe((here as Error).message);
  });

  it('fails on another bad file while the history worker runs', async () => {
    writeFileSync(join(dir, 'OpportunityHistory.csv'), 'OpportunityId,CreatedDate,StageName\n');
    writeFileSync(join(dir, 'Opportunity.csv'), header + '006000000000002AAA,"unclosed,1\n');
    await expect(readDataDir(dir, { historyInWorker: 'always' })).rejects.toThrow(
      /Opportunity.csv:\d+:\d+: not valid CSV/,
    );
  });

  it('reads CSV with a BOM and CRLF; absent files are empty lists', async () => {
    writeFileSync(join(dir, 'Opportunity.csv'), header + good);
    const data = await readDataDir(dir);
    expect(data.organization).toMatchObject({ Name: 'Acme, Inc.', FiscalYearStartMonth: 4 });
    expect(data.opportunities).toHaveLength(1);
    expect(data.opportunities[0]).toMatchObject({ Amount: 100, IsWon: false, Name: null });
    expect(data.territories).toEqual([]);
  });

  it('reads quotas saved before SalesOps_Quota__c had Key__c, with or without an end date', async () => {
    writeFileSync(
      join(dir, 'SalesOps_Quota__c.csv'),
      'Id,Rep__c,Territory_Id__c,Period_Start__c,Period_End__c,Amount__c\n' +
        'a01000000000001AAA,005000000000001AAA,,2026-10-01,2026-12-31,1000\n' +
        'a01000000000002AAA,005000000000001AAA,,2027-01-01,,2000\n',
    );
    const data = await readDataDir(dir);
    expect(data.salesOpsQuotas).toEqual([
      expect.objectContaining({ Key__c: null, Period_End__c: '2026-12-31', Amount__c: 1000 }),
      expect.objectContaining({ Key__c: null, Period_End__c: null, Amount__c: 2000 }),
    ]);
  });

  it('reads only the objects asked for (and the organization), without opening the other files', async () => {
    writeFileSync(join(dir, 'Opportunity.csv'), header + good);
    // A broken file proves it is not read when omitted.
    writeFileSync(join(dir, 'OpportunityLineItem.csv'), 'Id,OpportunityId\n"unclosed\n');
    const data = await readDataDir(dir, { objects: ['opportunities'] });
    expect(data.opportunityLineItems).toEqual([]);
    expect(data.opportunities).toHaveLength(1);
    await expect(readDataDir(dir)).rejects.toThrow(/OpportunityLineItem.csv/);
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
    await expect(readDataDir(dir)).rejects.toThrow(/Opportunity.csv:\d+:\d+: not valid CSV/);
  });

  it('requires Organization.csv', async () => {
    rmSync(join(dir, 'Organization.csv'));
    await expect(readDataDir(dir)).rejects.toThrow(/Organization.csv is missing or empty/);
  });

  it('names file, line and column of a misspelt column or a label header', async () => {
    writeFileSync(join(dir, 'Opportunity.csv'), header.replace('StageName', 'StageNmae') + good);
    await expect(readDataDir(dir)).rejects.toThrow(
      /Opportunity.csv:1:4: unknown column "StageNmae" for Opportunity; did you mean StageName\?/,
    );
    writeFileSync(join(dir, 'Opportunity.csv'), header.replace('\n', ',Next Step\n') + good.replace('\n', ',call\n'));
    await expect(readDataDir(dir)).rejects.toThrow(
      /Opportunity.csv:1:9: unknown column "Next Step" for Opportunity; did you mean NextStep\?/,
    );
    writeFileSync(
      join(dir, 'Opportunity.csv'),
      header.replace('\n', ',Deal Owner Region\n') + good.replace('\n', ',EMEA\n'),
    );
    await expect(readDataDir(dir)).rejects.toThrow(
      /Opportunity.csv:1:9: unknown column "Deal Owner Region" .*API names, not labels/,
    );
  });

  it('ignores fields it does not read, as exports carry every field', async () => {
    writeFileSync(
      join(dir, 'Opportunity.csv'),
      header.replace('\n', ',Description,SystemModstamp\n') + good.replace('\n', ',x,2026-01-01T00:00:00.000Z\n'),
    );
    expect((await readDataDir(dir)).opportunities).toHaveLength(1);
  });

  it('names an empty file; a header without records is no records', async () => {
    writeFileSync(join(dir, 'Opportunity.csv'), '');
    await expect(readDataDir(dir)).rejects.toThrow(/Opportunity.csv:1:1: the file is empty/);
    writeFileSync(join(dir, 'Opportunity.csv'), '\uFEFF' + header.replaceAll('\n', '\r\n'));
    expect((await readDataDir(dir)).opportunities).toEqual([]);
    writeFileSync(join(dir, 'Opportunity.csv'), header.replace(',CloseDate', ''));
    await expect(readDataDir(dir)).rejects.toThrow(/Opportunity.csv:1: missing required column CloseDate/);
  });

  it('reads sf data tree plans, resolving @references', async () => {
    writeFileSync(
      join(dir, 'Account-Opportunity-plan.json'),
      JSON.stringify([
        { sobject: 'Account', saveRefs: true, resolveRefs: false, files: ['Account.json'] },
        { sobject: 'Opportunity', saveRefs: false, resolveRefs: true, files: ['Opportunity.json'] },
      ]),
    );
    writeFileSync(
      join(dir, 'Account.json'),
      JSON.stringify({
        records: [
          { attributes: { type: 'Account', referenceId: 'AccountRef1' }, Name: 'Acme', OwnerId: '005000000000001AAA' },
        ],
      }),
    );
    writeFileSync(
      join(dir, 'Opportunity.json'),
      JSON.stringify({
        records: [
          {
            attributes: { type: 'Opportunity', referenceId: 'OpportunityRef1' },
            Id: '006000000000001AAA',
            AccountId: '@AccountRef1',
            OwnerId: '005000000000001AAA',
            Amount: 100,
            StageName: 'Prospecting',
            CloseDate: '2026-05-01',
            CreatedDate: '2026-04-01T10:00:00.000+0000',
            IsClosed: false,
            IsWon: false,
          },
        ],
      }),
    );
    const data = await readDataDir(dir);
    // The export left the Account's Id out: it gets a stand-in, and the reference resolves to it.
    expect(data.accounts).toMatchObject([{ Id: '001000000000001', Name: 'Acme' }]);
    expect(data.opportunities).toMatchObject([{ Id: '006000000000001AAA', AccountId: '001000000000001', Amount: 100 }]);
    writeFileSync(join(dir, 'Opportunity.json'), '{"records": [\n  {"attributes": }\n]}');
    await expect(readDataDir(dir)).rejects.toThrow(/Opportunity.json(:2:\d+)?: not valid JSON/);
  });

  it('names line and column of every kind of broken CSV', async () => {
    const cases: Array<[string, RegExp]> = [
      [
        header + good + '006000000000002AAA,0050"00000000001AAA,1\n',
        /Opportunity.csv:3:24: not valid CSV \(a quote inside an unquoted field\)/,
      ],
      [
        header + good + '006000000000002AAA,"005"x,1\n',
        /Opportunity.csv:3:25: not valid CSV \(text after the closing quote/,
      ],
      [
        header + good + '006000000000002AAA,"unclosed,1\n',
        /Opportunity.csv:3:20: not valid CSV \(a quoted field is never closed\)/,
      ],
      [
        header + good + '006000000000002AAA,005000000000001AAA\n',
        /Opportunity.csv:3: the record has 2 fields, the header 8/,
      ],
    ];
    for (const [text, error] of cases) {
      writeFileSync(join(dir, 'Opportunity.csv'), text);
      await expect(readDataDir(dir)).rejects.toThrow(error);
    }
  });

  it('reads quoted fields with commas, quotes and line breaks, and counts their lines', async () => {
    const withName = 'Id,Name,OwnerId,Amount,StageName,CloseDate,CreatedDate,IsClosed,IsWon\r\n';
    const row = (id: string, name: string, close: string) =>
      `${id},${name},005000000000001AAA,100,Prospecting,${close},2026-04-01T10:00:00.000Z,false,false\r\n`;
    writeFileSync(
      join(dir, 'Opportunity.csv'),
      withName +
        row('006000000000001AAA', '"Big, ""new""\r\ndeal"', '2026-05-01') +
        '\r\n' +
        row('006000000000002AAA', 'x', '2026-13-01'),
    );
    await expect(readDataDir(dir)).rejects.toThrow(
      /Opportunity.csv:5, Opportunity 006000000000002AAA: field CloseDate/,
    );
    writeFileSync(
      join(dir, 'Opportunity.csv'),
      withName + row('006000000000001AAA', '"Big, ""new""\r\ndeal"', '2026-05-01'),
    );
    expect((await readDataDir(dir)).opportunities[0]?.Name).toBe('Big, "new"\r\ndeal');
  });
});
