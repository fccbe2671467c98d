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
import { writeBack, writeFlags, type Written } from '../../../shared/writeBack.js';
import type { Column } from '../../../shared/resultTable.js';
import { SalesopsCommand } from '../../../shared/salesopsCommand.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'salesops.territory.coverage');

export type SalesopsTerritoryCoverageResult = TerritoryCoverageReport & { written?: Written };
type Row = TerritoryCoverageReport['territories'][number];

export default class TerritoryCoverage extends SalesopsCommand<SalesopsTerritoryCoverageResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
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
    const sum = (pick: (t: Row) => number) => report.territories.reduce((s, t) => s + pick(t), 0);
    const quotas = report.territories.filter((t) => t.quota !== null);
    const totalQuota = quotas.length === 0 ? null : quotas.reduce((s, t) => s + (t.quota ?? 0), 0);
    const closedWon = sum((t) => t.closedWon);
    const openPipeline = sum((t) => t.openPipeline);
    const columns: Array<Column<Row>> = [
      { key: 'name', header: 'Territory', kind: 'text', value: (t) => t.name },
      { key: 'accounts', header: 'Accounts', kind: 'count', value: (t) => t.accounts },
      { key: 'reps', header: 'Reps', kind: 'count', value: (t) => t.reps },
      { key: 'coveredAccounts', header: 'Covered', kind: 'count', value: (t) => t.coveredAccounts },
      { key: 'whitespaceAccounts', header: 'Whitespace', kind: 'count', value: (t) => t.whitespaceAccounts },
      { key: 'potential', header: 'Potential', kind: 'money', value: (t) => t.potential },
      { key: 'quota', header: 'Quota', kind: 'money', value: (t) => t.quota },
      { key: 'closedWon', header: 'Closed won', kind: 'money', value: (t) => t.closedWon },
      { key: 'openPipeline', header: 'Pipeline', kind: 'money', value: (t) => t.openPipeline },
      { key: 'coverage', header: 'Coverage', kind: 'number', value: (t) => t.coverage },
    ];
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
    ];
    const written = await writeBack(this, flags, 'territory coverage', this.argv, (runId) => [
      { sobject: 'SalesOps_Territory_Coverage__c', records: territoryCoverageRecords(report, { runId }) },
    ]);
    const result: SalesopsTerritoryCoverageResult = written ? { ...report, written } : report;
    await presentResult(
      this,
      loaded,
      {
        columns,
        rows: report.territories,
        totals: {
          name: 'Total',
          accounts: sum((t) => t.accounts),
          reps: null,
          coveredAccounts: sum((t) => t.coveredAccounts),
          whitespaceAccounts: sum((t) => t.whitespaceAccounts),
          potential: sum((t) => t.potential),
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
