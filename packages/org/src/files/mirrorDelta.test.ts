import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDataDir } from './readDataDir.js';

let dir: string;
let whole: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'salesops-delta-'));
  whole = mkdtempSync(join(tmpdir(), 'salesops-whole-'));
  for (const folder of [dir, whole]) {
    writeFileSync(
      join(folder, 'Organization.csv'),
      'Id,Name,TimeZoneSidKey,FiscalYearStartMonth,UsesStartDateAsFiscalYearName,DefaultCurrencyIsoCode\n' +
        '00D000000000001AAA,Acme,Europe/Berlin,1,false,EUR\n',
    );
  }
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(whole, { recursive: true, force: true });
});

const header = 'Id,OwnerId,Amount,StageName,CloseDate,CreatedDate,IsClosed,IsWon\n';
const deal = (n: number, amount: number, stage = 'Prospecting'): string =>
  `00600000000000${n}AAA,005000000000001AAA,${amount},${stage},2026-05-01,2026-04-0${n}T10:00:00.000Z,false,false\n`;
const historyHeader = 'Id,OpportunityId,CreatedDate,StageName,Amount,CloseDate,Probability,ForecastCategory\n';
const change = (n: number, deal: number, stage: string): string =>
  `00800000000000${n}AAA,00600000000000${deal}AAA,2026-04-0${n}T11:00:00.000Z,${stage},100,2026-05-01,10,Pipeline\n`;

describe('a mirror folder in the delta layout', () => {
  it('reads the base without its removed Ids, then the changes: the records a folder of whole files holds', async () => {
    // Base: deals 1–4; deal 2 updated, deal 3 deleted, deal 5 created (and a history row appended, one deleted).
    writeFileSync(join(dir, 'Opportunity.csv'), header + deal(1, 10) + deal(2, 20) + deal(3, 30) + deal(4, 40));
    writeFileSync(join(dir, 'Opportunity.changes.csv'), header + deal(2, 25, 'Negotiation') + deal(5, 50));
    writeFileSync(join(dir, 'Opportunity.removed.csv'), 'Id\n006000000000002AAA\n006000000000003AAA\n');
    writeFileSync(join(dir, 'OpportunityHistory.csv'), historyHeader + change(1, 1, 'A') + change(2, 3, 'B'));
    writeFileSync(join(dir, 'OpportunityHistory.changes.csv'), historyHeader + change(3, 5, 'C'));
    writeFileSync(join(dir, 'OpportunityHistory.removed.csv'), 'Id\n008000000000002AAA\n');

    writeFileSync(
      join(whole, 'Opportunity.csv'),
      header + deal(1, 10) + deal(4, 40) + deal(2, 25, 'Negotiation') + deal(5, 50),
    );
    writeFileSync(join(whole, 'OpportunityHistory.csv'), historyHeader + change(1, 1, 'A') + change(3, 5, 'C'));

    const expected = await readDataDir(whole, { historyInWorker: 'never' });
    for (const historyInWorker of ['never', 'always'] as const) {
      const data = await readDataDir(dir, { historyInWorker });
      expect(data.opportunities).toEqual(expected.opportunities);
      expect(data.opportunityHistory.rows()).toEqual(expected.opportunityHistory.rows());
    }
  });

  it('names a changes file whose header is not its base file’s', async () => {
    writeFileSync(join(dir, 'Opportunity.csv'), header + deal(1, 10));
    const changes = join(dir, 'Opportunity.changes.csv');
    writeFileSync(changes, 'Id,OwnerId,Amount\n006000000000001AAA,005000000000001AAA,5\n');
    await expect(readDataDir(dir)).rejects.toMatchObject({ name: 'DataDirError', file: changes, line: 1 });
  });

  it('names the changes file and its line for a bad value in it', async () => {
    writeFileSync(join(dir, 'Opportunity.csv'), header + deal(1, 10));
    const changes = join(dir, 'Opportunity.changes.csv');
    writeFileSync(changes, header + deal(2, 20).replace('005000000000001AAA', ''));
    await expect(readDataDir(dir)).rejects.toThrow(`${changes}:2`);
  });
});
