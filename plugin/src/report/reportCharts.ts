import type { Block, Context } from './reportDocument.js';
import { barChart, type ChartRow } from './svgChart.js';
import type { ReportData, TeamFigures } from './reportTypes.js';

/** Colours with WCAG AA contrast on white (Lightning Design System palette). */
const BLUE = '#0176d3';
const GREY = '#747474';
const GREEN = '#2e844a';
const RED = '#ba0517';
const ORANGE = '#a96404';
const PURPLE = '#7526e3';

/** Teams per level the charts and tables name (largest quota first, then name); all of them are in teams.csv. */
export const TEAMS_SHOWN = 12;

/** The teams to draw per level: one chart (one scale) per level, never the org beside its teams. */
export function teamsByLevel(
  teams: readonly TeamFigures[],
): Array<{ depth: number; teams: TeamFigures[]; more: number }> {
  const depths = [...new Set(teams.map((t) => t.depth))].sort((a, b) => a - b);
  return depths.map((depth) => {
    const level = teams
      .filter((t) => t.depth === depth)
      .sort((a, b) => (b.quota ?? -1) - (a.quota ?? -1) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { depth, teams: level.slice(0, TEAMS_SHOWN), more: Math.max(0, level.length - TEAMS_SHOWN) };
  });
}

export function forecastCharts(data: ReportData, c: Context): Block[] {
  const { t, f } = c;
  return teamsByLevel(data.teams).map(({ depth, teams }) => {
    const rows: ChartRow[] = teams.map((team) => ({
      label: team.name,
      bars: [
        {
          value: team.forecast ?? 0,
          colour: BLUE,
          text:
            team.quota === null
              ? f.compact(team.forecast)
              : `${f.compact(team.forecast)} · ${f.ratio(team.forecast !== null && team.quota ? team.forecast / team.quota : null)}`,
          ...(team.low !== null && team.high !== null ? { range: { low: team.low, high: team.high } } : {}),
        },
        { value: team.closedWon, colour: GREEN, text: f.compact(team.closedWon) },
      ],
      ...(team.quota !== null ? { marker: team.quota } : {}),
    }));
    const title = t('chart.forecast', depth);
    const legend = [
      { label: c.glossary.header('forecast'), colour: BLUE },
      { label: c.glossary.header('closedWon'), colour: GREEN },
      { label: t('chart.range'), colour: '#181818' },
      { label: c.glossary.header('quota'), colour: '#181818', shape: 'tick' as const },
    ];
    return { type: 'chart', caption: title, svg: barChart(rows, { title, legend, tick: f.compact }) };
  });
}

export function coverageChart(data: ReportData, c: Context): Block[] {
  const { t, f } = c;
  return teamsByLevel(data.teams).flatMap(({ depth, teams }) => {
    const rows: ChartRow[] = teams
      .filter((team) => team.coverage !== null)
      .map((team) => ({
        label: team.name,
        bars: [
          {
            value: team.coverage ?? 0,
            colour: (team.coverage ?? 0) < (team.requiredCoverage ?? 0) ? RED : GREEN,
            text: f.times(team.coverage),
          },
        ],
        ...(team.requiredCoverage !== null ? { marker: team.requiredCoverage } : {}),
      }));
    if (rows.length === 0) return [];
    const title = t('chart.coverage', depth);
    const legend = [
      { label: t('chart.coverageBelow'), colour: RED },
      { label: t('chart.coverageAbove'), colour: GREEN },
      { label: c.glossary.header('requiredCoverage'), colour: '#181818', shape: 'tick' as const },
    ];
    return [{ type: 'chart', caption: title, svg: barChart(rows, { title, legend, tick: f.axisTimes }) } as Block];
  });
}

export function waterfallChart(data: ReportData, c: Context): Block {
  const { t, f } = c;
  // Steps no deal took stay in the table below the chart, not as empty bars.
  const steps = data.waterfall.steps.filter((s) => s.key === 'start' || s.key === 'end' || s.deals > 0);
  const rows: ChartRow[] = steps.map((s) => {
    const level = s.key === 'start' || s.key === 'end';
    return {
      label: `${t(`step.${s.key}`)} (${f.count(s.deals)})`,
      bars: [
        {
          from: s.from,
          value: s.to,
          colour: level ? GREY : s.to >= s.from ? GREEN : RED,
          text: level ? f.compact(s.amount) : `${s.amount > 0 ? '+' : ''}${f.compact(s.amount)}`,
        },
      ],
    };
  });
  const title = t('chart.waterfall', f.date(data.waterfall.since), f.date(data.asOf));
  const legend = [
    { label: t('chart.level'), colour: GREY },
    { label: t('chart.added'), colour: GREEN },
    { label: t('chart.removed'), colour: RED },
  ];
  return { type: 'chart', caption: title, svg: barChart(rows, { title, legend, tick: f.compact }) };
}

export function bookingsChart(data: ReportData, c: Context): Block {
  const { t, f } = c;
  const rows: ChartRow[] = data.kpis.map((k) => ({
    label: k.period,
    bars: [{ value: k.closedWon, colour: GREEN, text: `${f.compact(k.closedWon)} · ${f.ratio(k.attainment)}` }],
    ...(k.quota !== null ? { marker: k.quota } : {}),
  }));
  const title = t('chart.bookings');
  const legend = [
    { label: c.glossary.header('closedWon'), colour: GREEN },
    { label: c.glossary.header('quota'), colour: '#181818', shape: 'tick' as const },
  ];
  return { type: 'chart', caption: title, svg: barChart(rows, { title, legend, tick: f.compact }) };
}

export function accuracyChart(data: ReportData, c: Context): Block[] {
  const { t, f } = c;
  const horizons = [...new Set(data.accuracy.map((a) => a.horizon))].sort((a, b) => a - b);
  const methods = [...new Set(data.accuracy.map((a) => a.method))];
  const colours = [BLUE, ORANGE, PURPLE, GREY];
  const rows: ChartRow[] = methods.map((m) => ({
    label: t(`method.${m}`),
    bars: horizons.map((h, i) => {
      const wape = data.accuracy.find((a) => a.method === m && a.horizon === h)?.wape ?? null;
      return { value: wape ?? 0, colour: colours[i % colours.length] as string, text: f.ratio(wape) };
    }),
  }));
  if (rows.length === 0) return [];
  const title = t('chart.accuracy');
  const legend = horizons.map((h, i) => ({
    label: t('chart.horizon', h),
    colour: colours[i % colours.length] as string,
  }));
  return [{ type: 'chart', caption: title, svg: barChart(rows, { title, legend, tick: f.axisRatio }) }];
}

/** Leads → converted → opportunities → won of the period's leads, one bar each on one scale. */
export function funnelChart(data: ReportData, c: Context): Block[] {
  const { t, f } = c;
  const totals = data.funnel.totals;
  if (!totals) return [];
  const steps = ['leads', 'cohortConverted', 'opportunities', 'won'] as const;
  const colours = [GREY, BLUE, PURPLE, GREEN];
  const rows: ChartRow[] = steps.map((step, i) => ({
    label: c.glossary.header(step),
    bars: [{ value: totals[step], colour: colours[i] as string, text: f.count(totals[step]) }],
  }));
  const title = t('chart.funnel', data.period.label);
  return [{ type: 'chart', caption: title, svg: barChart(rows, { title, legend: [], tick: f.count }) }];
}

/** GRR and NRR of the period and the three before it; none when retention is not computed. */
export function retentionChart(data: ReportData, c: Context): Block[] {
  const { t, f } = c;
  const rows: ChartRow[] = data.retention.byPeriod
    .filter((p) => p.grr !== null || p.nrr !== null)
    .map((p) => ({
      label: p.label,
      bars: [
        { value: p.grr ?? 0, colour: BLUE, text: f.ratio(p.grr) },
        { value: p.nrr ?? 0, colour: GREEN, text: f.ratio(p.nrr) },
      ],
      marker: 1,
    }));
  if (rows.length === 0) return [];
  const title = t('chart.retention');
  const legend = [
    { label: c.glossary.header('grr'), colour: BLUE },
    { label: c.glossary.header('nrr'), colour: GREEN },
    { label: t('chart.fullRetention'), colour: '#181818', shape: 'tick' as const },
  ];
  return [{ type: 'chart', caption: title, svg: barChart(rows, { title, legend, tick: f.axisRatio }) }];
}
