import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import {
  ratio,
  territoryCoverage,
  territoryCoverageRecords,
  TerritoryFieldError,
  type TerritoryCoverageReport,
} from '@salesops/core';
import { readingFlags } from '../../../shared/commonFlags.js';
import { formatValue, environmentLocale } from '../../../shared/formatValue.js';
import { loadSnapshot } from '../../../shared/loadSnapshot.js';
import { presentResult } from '../../../shared/presentResult.js';
import { rollupNotes, totalsLabel } from '../../../shared/rollupNotes.js';
import { writeBack, writeFlags, type Written } from '../../../shared/writeBack.js';
import { withGlossary } from '../../../shared/glossary.js';
import type { Column } from '../../../shared/resultTable.js';
import { SalesopsCommand } from '../../../shared/salesopsCommand.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'salesops.territory.coverage');

export type SalesopsTerritoryCoverageResult = TerritoryCoverageReport & { written?: Written };
type Row = TerritoryCoverageReport['territories'][number];

/** The table's columns, most important with the lowest priority (shared/resultTable.ts). */
const COLUMNS: Array<Column<Row>> = [
  {
    key: 'name',
    term: 'territory',
    kind: 'text',
    value: (t) => `${'  '.repeat(t.depth - 1)}${t.name}`,
    priority: 1,
    overflow: 'ellipsis',
  },
  { key: 'accounts', kind: 'count', value: (t) => t.accounts, priority: 4 },
  { key: 'reps', kind: 'count', value: (t) => t.reps, priority: 3 },
  { key: 'coveredAccounts', kind: 'count', value: (t) => t.coveredAccounts, priority: 5 },
  { key: 'whitespaceAccounts', kind: 'count', value: (t) => t.whitespaceAccounts, priority: 3 },
  { key: 'potential', kind: 'money', value: (t) => t.potential, priority: 4 },
  { key: 'quota', kind: 'money', value: (t) => t.quota, priority: 2 },
  { key: 'closedWon', kind: 'money', value: (t) => t.closedWon, priority: 2 },
  { key: 'openPipeline', kind: 'money', value: (t) => t.openPipeline, priority: 2 },
  { key: 'coverage', kind: 'multiple', value: (t) => t.coverage, priority: 1 },
];

export default class TerritoryCoverage extends SalesopsCommand<SalesopsTerritoryCoverageResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = withGlossary(
    messages.getMessage('description'),
    COLUMNS.map((c) => c.term ?? c.key),
  );
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    ...readingFlags,
    ...writeFlags,
    'territory-field': Flags.string({ summary: messages.getMessage('flags.territory-field.summary') }),
  };

  public async run(): Promise<SalesopsTerritoryCoverageResult> {
    const { flags } = await this.parse(TerritoryCoverage);
    const loaded = await loadSnapshot(flags, this.spinner);
    const { snapshot, period, asOf } = loaded;
    let report: TerritoryCoverageReport;
    try {
      report = territoryCoverage(snapshot, { period, asOf, territoryField: flags['territory-field'] });
    } catch (e) {
      if (e instanceof TerritoryFieldError) throw messages.createError('error.BadTerritoryField', [e.message]);
      throw e;
    }
    const totalQuota = report.totals['quota'] ?? null;
    const closedWon = report.totals['closedWon'] ?? 0;
    const openPipeline = report.totals['openPipeline'] ?? 0;
    const options = { currency: report.currency, locale: environmentLocale() };
    const money = (v: number) => formatValue(v, 'money', options);
    const list = (items: ReadonlyArray<{ name: string }>) =>
      items.length === 0
        ? 'none'
        : items
            .slice(0, 10)
            .map((i) => i.name)
            .join(', ') + (items.length > 10 ? ` and ${items.length - 10} more` : '');
    const notes = [
      `Unassigned deals: ${money(report.unassigned.closedWon)} closed won, ${money(report.unassigned.openPipeline)} open pipeline.`,
      `Balance (Gini, 0 = even): potential per rep ${formatValue(report.balance.potentialPerRep, 'number', options)}, accounts per rep ${formatValue(report.balance.accountsPerRep, 'number', options)}.`,
      `Gaps: territories without an active rep: ${list(report.gaps.territoriesWithoutRep)}; accounts without a territory: ${report.gaps.accountsWithoutTerritory.length}; reps with quota and no territory: ${list(report.gaps.repsWithoutTerritory)}.`,
      `Quota source: ${report.quotaSource === 'territory' ? 'territory quotas' : "reps' quotas split over their territories"}.`,
      ...rollupNotes(report.reconciliation, options, {
        kinds: { accounts: 'count', coveredAccounts: 'count', whitespaceAccounts: 'count' },
      }),
    ];
    const written = await writeBack(this, flags, 'territory coverage', this.argv, (runId) => [
      { sobject: 'SalesOps_Territory_Coverage__c', records: territoryCoverageRecords(report, { runId }) },
    ]);
    const result: SalesopsTerritoryCoverageResult = written ? { ...report, written } : report;
    await presentResult(
      this,
      loaded,
      {
        columns: COLUMNS,
        rows: report.territories,
        totals: {
          name: totalsLabel('territory'),
          accounts: report.totals['accounts'] ?? null,
          reps: null,
          coveredAccounts: report.totals['coveredAccounts'] ?? null,
          whitespaceAccounts: report.totals['whitespaceAccounts'] ?? null,
          potential: report.totals['potential'] ?? null,
          quota: totalQuota,
          closedWon,
          openPipeline,
          coverage: totalQuota === null ? null : ratio(openPipeline, Math.max(totalQuota - closedWon, 0)),
        },
      },
      result,
      flags,
      `Territory coverage (${report.mode === 'territory-management' ? 'active territory model' : `Account.${flags['territory-field'] ?? 'BillingCountry'}`})`,
      notes,
    );
    return result;
  }
}
