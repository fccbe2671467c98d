import { actionText } from './reportActionText.js';
import {
  accuracyChart,
  bookingsChart,
  coverageChart,
  forecastCharts,
  teamsByLevel,
  waterfallChart,
} from './reportCharts.js';
import { FORECAST_TERMS, table, type Block, type Context, type Section } from './reportDocument.js';
import { REPS_SHOWN } from './reportReps.js';
import { funnelSection, retentionSection } from './reportRevopsSections.js';
import { SUMMARY_ACTIONS } from './reportSummary.js';
import type { RepRow, ReportData, TeamFigures } from './reportTypes.js';

/** Action items the appendix lists after the summary's; every one is in actions.csv. */
export const APPENDIX_ACTIONS = 20;
/** Territories the report names (most open pipeline first, then name); all in `sf salesops territory coverage`. */
export const TERRITORIES_SHOWN = 10;

/** The sections after the summary, each with its chart, table and, when it is empty, why. */
export function bodySections(data: ReportData, c: Context): Section[] {
  return [
    forecastSection(data, c),
    waterfallSection(data, c),
    bookingsSection(data, c),
    accuracySection(data, c),
    repsSection(data, c),
    territorySection(data, c),
    hygieneSection(data, c),
    demandSection(data, c),
    funnelSection(data, c),
    retentionSection(data, c),
    appendixSection(data, c),
  ];
}

function forecastSection(data: ReportData, c: Context): Section {
  const { t, f } = c;
  const shown = teamsByLevel(data.teams);
  const row = (s: TeamFigures) => [
    `${'  '.repeat(s.depth)}${s.name}`,
    f.money(s.quota),
    f.money(s.closedWon),
    f.money(s.forecast),
    f.money(s.low),
    f.money(s.high),
    f.ratio(s.quota ? (s.forecast ?? 0) / s.quota : null),
    f.times(s.coverage),
    f.times(s.requiredCoverage),
  ];
  const blocks: Block[] =
    data.teams.length === 0
      ? [{ type: 'p', text: t('forecast.noTeams') }]
      : [...forecastCharts(data, c), ...coverageChart(data, c)];
  const method = data.headline.method ? t(`method.${data.headline.method}`) : '—';
  blocks.push(
    { type: 'note', text: t('forecast.method', method) },
    table(
      c,
      FORECAST_TERMS.map((term) => ({ term })),
      [row(data.org), ...shown.flatMap((l) => l.teams.map(row))],
    ),
  );
  const more = shown.reduce((n, l) => n + l.more, 0);
  blocks.push({
    type: 'note',
    text: more > 0 ? `${t('forecast.percentiles')} ${t('forecast.more', more)}` : t('forecast.percentiles'),
  });
  return { id: 'forecast', title: t('forecast.title'), blocks };
}

function waterfallSection(data: ReportData, c: Context): Section {
  const { t, f } = c;
  const rows = data.waterfall.steps.map((s) => [t(`step.${s.key}`), f.count(s.deals), f.money(s.amount)]);
  return {
    id: 'waterfall',
    title: t('waterfall.title'),
    blocks: [
      waterfallChart(data, c),
      table(c, [{ term: 'pipelineStep' }, { term: 'dealCount' }, { term: 'amount' }], rows),
      { type: 'note', text: t('waterfall.note') },
    ],
  };
}

function bookingsSection(data: ReportData, c: Context): Section {
  const { t, f } = c;
  const columns = ['quota', 'closedWon', 'attainment', 'winRate', 'pipelineCreated', 'openPipeline'];
  const rows = data.kpis.map((k) => [
    k.period,
    f.money(k.quota),
    f.money(k.closedWon),
    f.ratio(k.attainment),
    f.ratio(k.winRate),
    f.money(k.pipelineCreated),
    f.money(k.openPipeline),
  ]);
  return {
    id: 'kpis',
    title: t('kpi.title'),
    blocks: [
      bookingsChart(data, c),
      table(c, [{ header: t('kpi.period') }, ...columns.map((term) => ({ term }))], rows),
    ],
  };
}

function accuracySection(data: ReportData, c: Context): Section {
  const { t, f } = c;
  if (data.accuracy.length === 0)
    return { id: 'accuracy', title: t('accuracy.title'), blocks: [{ type: 'p', text: t('accuracy.none') }] };
  const rows = data.accuracy.map((a) => [
    t(`method.${a.method}`),
    f.count(a.horizon),
    f.ratio(a.wape),
    f.change(a.bias),
    f.ratio(a.coverage),
    f.count(a.rank),
  ]);
  const columns = ['method', 'horizon', 'wape', 'bias', 'intervalCoverage', 'methodRank'];
  return {
    id: 'accuracy',
    title: t('accuracy.title'),
    blocks: [
      ...accuracyChart(data, c),
      table(
        c,
        columns.map((term) => ({ term })),
        rows,
      ),
    ],
  };
}

function repsSection(data: ReportData, c: Context): Section {
  const { t, f } = c;
  const r = data.reps;
  if (r.ranked === 0)
    return { id: 'reps', title: t('reps.title'), blocks: [{ type: 'p', text: t('reps.none', data.period.label) }] };
  const row = (x: RepRow) => [
    x.name,
    f.ratio(x.attainment),
    f.money(x.closedWon),
    f.ratio(x.winRate),
    f.money(x.openPipeline),
    f.list(x.flags.map((flag) => t(`flag.${flag}`))),
  ];
  const columns = ['rep', 'attainment', 'closedWon', 'winRate', 'openPipeline', 'repFlags'].map((term) => ({ term }));
  const blocks: Block[] = [{ type: 'note', text: t('reps.rule', REPS_SHOWN, r.ranked) }];
  blocks.push(
    { type: 'p', strong: true, text: t(r.bottom.length > 0 ? 'reps.top' : 'reps.all') },
    table(c, columns, r.top.map(row)),
  );
  if (r.topTie) blocks.push({ type: 'note', text: t('reps.tie', r.topTie.reps, f.ratio(r.topTie.attainment)) });
  if (r.bottom.length > 0)
    blocks.push({ type: 'p', strong: true, text: t('reps.bottom') }, table(c, columns, r.bottom.map(row)));
  if (r.bottomTie)
    blocks.push({ type: 'note', text: t('reps.tie', r.bottomTie.reps, f.ratio(r.bottomTie.attainment)) });
  if (r.withoutQuota > 0) blocks.push({ type: 'note', text: t('reps.withoutQuota', r.withoutQuota) });
  return { id: 'reps', title: t('reps.title'), blocks };
}

function territorySection(data: ReportData, c: Context): Section {
  const { t, f } = c;
  const all = data.territories.territories.filter((x) => x.accounts > 0);
  if (all.length === 0)
    return { id: 'territories', title: t('territory.title'), blocks: [{ type: 'p', text: t('territory.none') }] };
  const shown = [...all]
    .sort((a, b) => b.openPipeline - a.openPipeline || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, TERRITORIES_SHOWN);
  const rows = shown.map((x) => [
    x.name,
    f.count(x.accounts),
    f.count(x.reps),
    f.count(x.whitespaceAccounts),
    f.money(x.quota),
    f.money(x.openPipeline),
    f.times(x.coverage),
  ]);
  const columns = ['territory', 'accounts', 'reps', 'whitespaceAccounts', 'quota', 'openPipeline', 'coverage'].map(
    (term) => ({ term }),
  );
  const gaps = data.territories.gaps;
  const blocks: Block[] = [table(c, columns, rows)];
  if (all.length > shown.length)
    blocks.push({ type: 'note', text: t('territory.more', TERRITORIES_SHOWN, all.length) });
  blocks.push({
    type: 'note',
    text: t(
      'territory.gaps',
      f.count(gaps.territoriesWithoutRep.length),
      f.count(gaps.accountsWithoutTerritory.length),
    ),
  });
  return { id: 'territories', title: t('territory.title'), blocks };
}

function hygieneSection(data: ReportData, c: Context): Section {
  const { t, f } = c;
  const h = data.hygiene;
  if (h.owners.length === 0)
    return {
      id: 'hygiene',
      title: t('hygiene.title'),
      blocks: [{ type: 'p', text: t('hygiene.none', f.count(h.checked)) }],
    };
  const counts = f.list(h.counts.map((x) => `${t(`rule.${x.rule}`)}: ${f.count(x.deals)}`));
  const rows = h.owners.map((o) => [o.owner, f.count(o.deals), f.count(o.flags), f.money(o.amount)]);
  const blocks: Block[] = [
    { type: 'p', text: t('hygiene.counts', f.count(h.checked), counts) },
    table(c, [{ term: 'owner' }, { term: 'dealCount' }, { term: 'hygieneFlags' }, { term: 'amount' }], rows),
  ];
  if (h.ownersTotal > h.owners.length)
    blocks.push({ type: 'note', text: t('hygiene.more', h.owners.length, h.ownersTotal) });
  return { id: 'hygiene', title: t('hygiene.title'), blocks };
}

function demandSection(data: ReportData, c: Context): Section {
  const { t, f } = c;
  if (data.demand.length === 0)
    return { id: 'demand', title: t('demand.title'), blocks: [{ type: 'p', text: t('demand.none') }] };
  const rows = data.demand.map((d) => [d.family, f.money(d.won), f.money(d.wonPrevious), f.money(d.openPipeline)]);
  const columns = [t('demand.family'), t('demand.won'), t('demand.previous'), t('demand.open')].map((header) => ({
    header,
  }));
  return { id: 'demand', title: t('demand.title'), blocks: [table(c, columns, rows)] };
}

function appendixSection(data: ReportData, c: Context): Section {
  const { t, f } = c;
  const listed = data.actions.slice(SUMMARY_ACTIONS, SUMMARY_ACTIONS + APPENDIX_ACTIONS);
  if (listed.length === 0)
    return { id: 'appendix', title: t('appendix.title'), blocks: [{ type: 'p', text: t('appendix.none') }] };
  const rows = listed.map((a, i) => [
    f.count(SUMMARY_ACTIONS + i + 1),
    t(`level.${a.level}`),
    actionText(a, c),
    f.money(a.money),
  ]);
  const columns = [
    { header: '#', text: true },
    { header: t('appendix.level'), text: true },
    { header: t('appendix.action'), text: true },
    { term: 'moneyAtStake' },
  ];
  const blocks: Block[] = [table(c, columns, rows)];
  const rest = data.actions.length - SUMMARY_ACTIONS - listed.length;
  blocks.push({ type: 'note', text: rest > 0 ? t('appendix.more', rest) : t('appendix.all') });
  return { id: 'appendix', title: t('appendix.title'), blocks };
}
