import { funnelChart, retentionChart } from './reportCharts.js';
import { FUNNEL_TERMS, RETENTION_TERMS, table, type Block, type Context, type Section } from './reportDocument.js';
import { SOURCES_SHOWN } from './reportRevops.js';
import type { ReportData } from './reportTypes.js';

/** What a section cannot show, by the warning codes of docs/data-completeness.md: never zeros. */
function notComputed(c: Context, gaps: ReadonlyArray<{ code: string }>): Block {
  return { type: 'p', text: c.t('revops.notComputed', gaps.map((g) => g.code).join(', ')) };
}

export function funnelSection(data: ReportData, c: Context): Section {
  const { t, f } = c;
  const { totals, bySource, sourcesTotal, gaps } = data.funnel;
  const title = t('funnel.title');
  if (!totals) return { id: 'funnel', title, blocks: [notComputed(c, gaps)] };
  const row = (name: string, r: NonNullable<typeof totals>) => [
    name,
    ...FUNNEL_TERMS.map((term) =>
      term === 'wonAmount'
        ? f.money(r[term])
        : term === 'leadToOpp' || term === 'oppToWin'
          ? f.ratio(r[term])
          : f.count(r[term]),
    ),
  ];
  const rows = [...bySource.map((r) => row(r.key === null ? '—' : r.name, r)), row(t('funnel.total'), totals)];
  const blocks: Block[] = [
    ...funnelChart(data, c),
    table(c, [{ term: 'leadSource' }, ...FUNNEL_TERMS.map((term) => ({ term }))], rows),
    { type: 'note', text: t('funnel.note', f.count(totals.converted)) },
  ];
  if (sourcesTotal > bySource.length)
    blocks.push({ type: 'note', text: t('funnel.more', SOURCES_SHOWN, sourcesTotal) });
  return { id: 'funnel', title, blocks };
}

export function retentionSection(data: ReportData, c: Context): Section {
  const { t, f } = c;
  const { byPeriod, basePeriod, gaps } = data.retention;
  const title = t('retention.title');
  if (gaps.length > 0) return { id: 'retention', title, blocks: [notComputed(c, gaps)] };
  const rows = byPeriod.map((p) => [
    // A period not over is compared to date: its base ends on the same day a year before (docs/revops.md).
    p.toDate ? t('retention.toDate', p.label, p.basePeriod, f.date(p.baseEnd)) : `${p.label} / ${p.basePeriod}`,
    f.money(p.priorBookings),
    f.money(p.renewed),
    f.money(p.expansion),
    f.ratio(p.grr),
    f.ratio(p.nrr),
    f.count(p.churnedAccounts),
    f.count(p.contractedAccounts),
  ]);
  return {
    id: 'retention',
    title,
    blocks: [
      ...retentionChart(data, c),
      table(c, [{ header: t('retention.periods') }, ...RETENTION_TERMS.map((term) => ({ term }))], rows),
      { type: 'note', text: t('retention.note', data.period.label, basePeriod) },
    ],
  };
}
