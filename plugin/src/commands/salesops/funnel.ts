import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { funnelRecords, funnelReport, type FunnelReport, type FunnelRow } from '@salesops/core';
import { readingFlags } from '../../shared/commonFlags.js';
import { revOpsGapWarning } from '../../shared/dataWarnings.js';
import { environmentLocale, formatValue } from '../../shared/formatValue.js';
import { withGlossary } from '../../shared/glossary.js';
import { loadSnapshot } from '../../shared/loadSnapshot.js';
import { presentResult } from '../../shared/presentResult.js';
import { badPlanError, readPlanFlag } from '../../shared/readPlanFlag.js';
import type { Column } from '../../shared/resultTable.js';
import { totalsLabel } from '../../shared/rollupNotes.js';
import { SalesopsCommand } from '../../shared/salesopsCommand.js';
import { writeBack, writeFlags, type Written } from '../../shared/writeBack.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'salesops.funnel');

export type SalesopsFunnelResult = FunnelReport & { groupBy: FunnelGroupBy; written?: Written };

const GROUP_BY = ['rep', 'source', 'campaign', 'cohort'] as const;
type FunnelGroupBy = (typeof GROUP_BY)[number];
const TERMS: Record<FunnelGroupBy, string> = {
  rep: 'rep',
  source: 'leadSource',
  campaign: 'campaign',
  cohort: 'cohort',
};
const ROWS = { rep: 'byRep', source: 'bySource', campaign: 'byCampaign', cohort: 'byCohort' } as const;

type Row = FunnelRow & { speedToLead: number | null };

function columns(groupBy: FunnelGroupBy): Array<Column<Row>> {
  return [
    {
      key: 'name',
      term: TERMS[groupBy],
      kind: 'text',
      value: (r) => (r.key === null ? '—' : r.name),
      priority: 1,
      overflow: 'ellipsis',
    },
    { key: 'leads', kind: 'count', value: (r) => r.leads, priority: 1 },
    { key: 'converted', kind: 'count', value: (r) => r.converted, priority: 3 },
    { key: 'cohortConverted', kind: 'count', value: (r) => r.cohortConverted, priority: 2 },
    { key: 'opportunities', kind: 'count', value: (r) => r.opportunities, priority: 2 },
    { key: 'won', kind: 'count', value: (r) => r.won, priority: 2 },
    { key: 'lost', kind: 'count', value: (r) => r.lost, priority: 4 },
    { key: 'wonAmount', kind: 'money', value: (r) => r.wonAmount, priority: 2 },
    { key: 'leadToOpp', kind: 'ratio', value: (r) => r.leadToOpp, priority: 1 },
    { key: 'oppToWin', kind: 'ratio', value: (r) => r.oppToWin, priority: 1 },
    ...(groupBy === 'rep'
      ? [{ key: 'speedToLead', kind: 'number' as const, value: (r: Row) => r.speedToLead, priority: 3 }]
      : []),
  ];
}

export default class Funnel extends SalesopsCommand<SalesopsFunnelResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = withGlossary(messages.getMessage('description'), [
    'rep',
    'leadSource',
    'campaign',
    'cohort',
    ...columns('rep')
      .slice(1)
      .map((c) => c.term ?? c.key),
  ]);
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    ...readingFlags,
    ...writeFlags,
    'group-by': Flags.option({
      options: GROUP_BY,
      default: 'rep' as FunnelGroupBy,
      summary: messages.getMessage('flags.group-by.summary'),
    })(),
    plan: Flags.file({ exists: true, summary: messages.getMessage('flags.plan.summary') }),
  };

  public async run(): Promise<SalesopsFunnelResult> {
    const { flags } = await this.parse(Funnel);
    const plan = await readPlanFlag(flags.plan);
    const loaded = await loadSnapshot(flags, this.spinner, { revops: true });
    const { snapshot, period, asOf } = loaded;
    let report: FunnelReport;
    try {
      report = funnelReport(snapshot, { period, asOf, plan });
    } catch (e) {
      // A plan whose periods the org's calendar does not know, or whose entries overlap.
      if (e instanceof RangeError && flags.plan !== undefined) throw badPlanError(flags.plan, e.message);
      throw e;
    }
    const groupBy = flags['group-by'];
    const withWarnings = { ...loaded, warnings: [...loaded.warnings, ...report.gaps.map(revOpsGapWarning)] };
    const written = await writeBack(this, flags, 'funnel', this.argv, (runId) => [
      { sobject: 'SalesOps_Funnel__c', records: funnelRecords(report, { runId }) },
    ]);
    const result: SalesopsFunnelResult = { ...report, groupBy, ...(written ? { written } : {}) };
    const speed = new Map((report.speedToLead?.byOwner ?? []).map((s) => [s.ownerId, s.medianHours]));
    const rows: Row[] = (report.funnel?.[ROWS[groupBy]] ?? []).map((r) => ({
      ...r,
      speedToLead: groupBy === 'rep' ? (speed.get(r.key) ?? null) : null,
    }));
    const totals = report.funnel?.totals;
    await presentResult(
      this,
      withWarnings,
      {
        columns: columns(groupBy),
        rows,
        ...(totals
          ? {
              totals: {
                name: totalsLabel('org'),
                leads: totals.leads,
                converted: totals.converted,
                cohortConverted: totals.cohortConverted,
                opportunities: totals.opportunities,
                won: totals.won,
                lost: totals.lost,
                wonAmount: totals.wonAmount,
                leadToOpp: totals.leadToOpp,
                oppToWin: totals.oppToWin,
                speedToLead: report.speedToLead?.totals.medianHours ?? null,
              },
            }
          : {}),
      },
      result,
      flags,
      messages.getMessage('title', [groupBy]),
      funnelNotes(report, groupBy),
    );
    return result;
  }
}

/** The lines under the table: speed to lead, distribution, marketing's share, campaign ROI and CAC. */
function funnelNotes(report: FunnelReport, groupBy: FunnelGroupBy): string[] {
  const options = { currency: report.currency, locale: environmentLocale() };
  const f = (value: number | null, kind: 'money' | 'ratio' | 'number' | 'count') => formatValue(value, kind, options);
  const notes: string[] = [];
  const speed = report.speedToLead?.totals;
  if (speed)
    notes.push(messages.getMessage('note.speedToLead', [f(speed.medianHours, 'number'), speed.touched, speed.leads]));
  const d = report.distribution;
  if (d) {
    const furthest = d.furthestFromFair.map(
      (r) => `${r.name} ${r.leads} (${r.deviation >= 0 ? '+' : ''}${f(r.deviation, 'number')})`,
    );
    notes.push(
      messages.getMessage('note.distribution', [
        f(d.leadsGini, 'number'),
        f(d.convertedGini, 'number'),
        d.reps.length,
        f(d.fairShare, 'number'),
        furthest.join(', ') || '—',
      ]),
      messages.getMessage('note.undistributed', [d.queueLeads, d.inactiveOwnerLeads]),
    );
  }
  const m = report.marketing;
  notes.push(
    messages.getMessage('note.sourced', [
      m.marketingLeadSources.join(', '),
      f(m.sourcedPipeline, 'money'),
      f(m.totalPipeline, 'money'),
      f(m.pipelineShare, 'ratio'),
      f(m.sourcedBookings, 'money'),
      f(m.totalBookings, 'money'),
      f(m.bookingsShare, 'ratio'),
    ]),
  );
  for (const c of m.campaigns.slice(0, 10)) {
    notes.push(
      messages.getMessage('note.campaign', [
        c.name,
        f(c.actualCost, 'money'),
        f(c.wonAmount, 'money'),
        f(c.roi, 'number'),
      ]),
    );
  }
  if (report.cac) {
    const cac = report.cac;
    notes.push(
      messages.getMessage('note.cac', [
        f(cac.marketingCost, 'money'),
        f(cac.salesCost, 'money'),
        cac.newCustomers,
        f(cac.cac, 'money'),
      ]),
    );
    if (cac.campaignsWithoutCost > 0)
      notes.push(messages.getMessage('note.campaignsWithoutCost', [cac.campaignsWithoutCost]));
  }
  if (groupBy === 'campaign') {
    for (const r of report.reconciliation)
      notes.push(
        messages.getMessage('note.reconciliation', [
          r.figure,
          f(r.difference, r.figure === 'wonAmount' ? 'money' : 'count'),
        ]),
      );
  }
  return notes;
}
