import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ActionItem, ReportData } from './reportData.js';
import { LOCALE_OF, reportText, type ReportLanguage } from './reportLanguage.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** JSON that can sit inside a <script> element: no `<` (so no `</script>`), no line separators. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

interface Formatters {
  money(v: number | null): string;
  ratio(v: number | null): string;
  count(v: number | null): string;
  number(v: number | null): string;
}

function formatters(language: ReportLanguage, currency: string): Formatters {
  const locale = LOCALE_OF[language];
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const or = (f: (v: number) => string) => (v: number | null) => (v === null || !Number.isFinite(v) ? '—' : f(v));
  return {
    money: or((v) => money.format(v)),
    ratio: or((v) => percent.format(v)),
    count: or((v) => count.format(v)),
    number: or((v) => number.format(v)),
  };
}

function actionText(a: ActionItem, t: ReturnType<typeof reportText>, f: Formatters): string {
  switch (a.kind) {
    case 'forecastGap':
      return t('actions.forecastGap', a.scope, f.ratio(a.share), f.money(a.p50), f.money(a.quota));
    case 'lowCoverage':
      return t('actions.lowCoverage', a.scope, f.number(a.coverage), f.number(a.required));
    case 'bottleneck':
      return t('actions.bottleneck', a.rep, a.stage, f.ratio(a.rate), f.ratio(a.peerRate));
    case 'territoryWithoutRep':
      return t('actions.territoryWithoutRep', a.territory);
    case 'pushed':
      return t('actions.pushed', a.owner, a.deals, f.money(a.amount));
    case 'bottom':
      return t('actions.bottom', a.rep, f.ratio(a.attainment));
  }
}

/** A table section: every cell escaped. */
function table(headers: string[], rows: string[][], numeric: boolean[]): string {
  const th = headers.map((h, i) => `<th${numeric[i] ? ' class="n"' : ''}>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="n"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The rows of every section, formatted, shared by the HTML and Markdown renderers. */
function sections(data: ReportData, language: ReportLanguage) {
  const t = reportText(language);
  const f = formatters(language, data.currency);
  return {
    t,
    f,
    list: [
      {
        id: 'kpis',
        title: t('kpi.title'),
        headers: [
          t('kpi.period'),
          t('kpi.quota'),
          t('kpi.closedWon'),
          t('kpi.attainment'),
          t('kpi.winRate'),
          t('kpi.pipelineCreated'),
          t('kpi.openPipeline'),
        ],
        rows: data.kpis.map((k) => [
          k.period,
          f.money(k.quota),
          f.money(k.closedWon),
          f.ratio(k.attainment),
          f.ratio(k.winRate),
          f.money(k.pipelineCreated),
          f.money(k.openPipeline),
        ]),
      },
      {
        id: 'forecast',
        title: t('forecast.title'),
        headers: [
          t('forecast.scope'),
          t('forecast.quota'),
          t('forecast.closedWon'),
          t('forecast.commit'),
          t('forecast.bestCase'),
          t('forecast.weighted'),
          t('forecast.monteCarlo'),
        ],
        rows: data.forecasts.map((r) => [
          r.scope,
          f.money(r.quota),
          f.money(r.closedWon),
          f.money(r.commit),
          f.money(r.bestCase),
          f.money(r.weighted),
          `${f.money(r.p10)} / ${f.money(r.p50)} / ${f.money(r.p90)}`,
        ]),
      },
      {
        id: 'accuracy',
        title: t('accuracy.title'),
        headers: [t('accuracy.method'), t('accuracy.wape'), t('accuracy.bias'), t('accuracy.coverage')],
        rows: data.accuracy.map((a) => [a.method, f.ratio(a.wape), f.ratio(a.bias), f.ratio(a.coverage)]),
      },
      {
        id: 'reps',
        title: t('reps.title'),
        headers: [t('reps.rep'), t('reps.attainment'), t('reps.winRate'), t('reps.pipeline'), t('reps.flags')],
        rows: data.reps.map((r) => [
          r.name,
          f.ratio(r.attainment),
          f.ratio(r.winRate),
          f.money(r.openPipeline),
          r.flags.join(', '),
        ]),
      },
      {
        id: 'territories',
        title: t('territory.title'),
        headers: [
          t('territory.name'),
          t('territory.accounts'),
          t('territory.reps'),
          t('territory.whitespace'),
          t('kpi.quota'),
          t('kpi.openPipeline'),
          t('territory.coverage'),
        ],
        rows: data.territories.territories
          .filter((x) => x.accounts > 0)
          .map((x) => [
            x.name,
            f.count(x.accounts),
            f.count(x.reps),
            f.count(x.whitespaceAccounts),
            f.money(x.quota),
            f.money(x.openPipeline),
            f.number(x.coverage),
          ]),
        note: t(
          'territory.gaps',
          data.territories.gaps.territoriesWithoutRep.map((g) => g.name).join(', ') || '—',
          data.territories.gaps.accountsWithoutTerritory.length,
        ),
      },
      {
        id: 'hygiene',
        title: t('hygiene.title'),
        headers: [t('hygiene.owner'), t('hygiene.deals'), t('hygiene.flags'), t('kpi.openPipeline')],
        rows: data.hygiene.owners.map((o) => [o.owner, f.count(o.deals), f.count(o.flags), f.money(o.amount)]),
        note: data.hygiene.counts.map((c) => `${c.rule} ${c.deals}`).join(' · '),
      },
      {
        id: 'demand',
        title: t('demand.title'),
        headers: [t('demand.family'), t('demand.won'), t('demand.previous'), t('demand.open')],
        rows: data.demand.map((d) => [d.family, f.money(d.won), f.money(d.wonPrevious), f.money(d.openPipeline)]),
      },
    ],
  };
}

const STYLE = `
:root { --ink: #181818; --muted: #5c5c5c; --line: #d8dde6; --accent: #0176d3; --band: #f3f3f3; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK JP", sans-serif; color: var(--ink); margin: 2rem auto; max-width: 64rem; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: 0; } .sub { color: var(--muted); margin-top: .25rem; }
h2 { font-size: 1.15rem; border-bottom: 2px solid var(--accent); padding-bottom: .25rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; } th, td { padding: .3rem .5rem; border-bottom: 1px solid var(--line); text-align: left; }
th { background: var(--band); } .n { text-align: right; font-variant-numeric: tabular-nums; } .note { color: var(--muted); font-size: .85rem; }
ul.actions li { margin: .3rem 0; } figure { margin: 1rem 0; } canvas { max-height: 22rem; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, figure { break-inside: avoid; } }
`;

/**
 * The self-contained HTML pack: styles, chart.js and the chart data inlined (it opens offline), every value escaped,
 * a text alternative for the chart (the forecast table), print styles.
 */
export function renderReportHtml(data: ReportData, language: ReportLanguage): string {
  const { t, f, list } = sections(data, language);
  const require = createRequire(import.meta.url);
  const chartJs = readFileSync(join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'), 'utf8').replaceAll(
    '</script',
    '<\\/script',
  );
  const chart = {
    labels: data.forecasts.map((r) => r.scope),
    series: [
      { label: t('forecast.quota'), data: data.forecasts.map((r) => r.quota) },
      { label: t('forecast.closedWon'), data: data.forecasts.map((r) => r.closedWon) },
      { label: 'P10', data: data.forecasts.map((r) => r.p10) },
      { label: 'P50', data: data.forecasts.map((r) => r.p50) },
      { label: 'P90', data: data.forecasts.map((r) => r.p90) },
    ],
    locale: LOCALE_OF[language],
    currency: data.currency,
  };
  const body = list
    .map((s) => {
      const figure =
        s.id === 'forecast'
          ? `<figure><canvas id="forecast-chart" role="img" aria-label="${escapeHtml(t('forecast.chart'))}"></canvas><figcaption class="note">${escapeHtml(t('forecast.chart'))}</figcaption></figure>`
          : '';
      const numeric = s.headers.map((_, i) => i > 0);
      return `<section id="${s.id}"><h2>${escapeHtml(s.title)}</h2>${figure}${table(s.headers, s.rows, numeric)}${'note' in s && s.note ? `<p class="note">${escapeHtml(s.note)}</p>` : ''}</section>`;
    })
    .join('\n');
  const actions =
    data.actions.length === 0
      ? `<p>${escapeHtml(t('actions.none'))}</p>`
      : `<ul class="actions">${data.actions.map((a) => `<li>${escapeHtml(actionText(a, t, f))}</li>`).join('')}</ul>`;
  const title = `${t('title')} — ${data.organization}`;
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="sub">${escapeHtml(t('subtitle', data.period.label, data.asOf, data.currency))}</p>
${warningsHtml(data, t)}<section id="actions"><h2>${escapeHtml(t('actions.title'))}</h2>${actions}</section>
${body}
<script type="application/json" id="chart-data">${scriptJson(chart)}</script>
<script>${chartJs}</script>
<script>
(function () {
  var d = JSON.parse(document.getElementById('chart-data').textContent);
  var money = new Intl.NumberFormat(d.locale, { style: 'currency', currency: d.currency, maximumFractionDigits: 0 });
  var colours = ['#747474', '#2e844a', '#fe9339', '#0176d3', '#9050e9'];
  new Chart(document.getElementById('forecast-chart'), {
    type: 'bar',
    data: { labels: d.labels, datasets: d.series.map(function (s, i) { return { label: s.label, data: s.data, backgroundColor: colours[i] }; }) },
    options: { animation: false, responsive: true, scales: { y: { ticks: { callback: function (v) { return money.format(v); } } } } }
  });
})();
</script>
</body>
</html>
`;
}

/** The data-completeness warnings (the command's own words, so they read the same in every language). */
function warningsHtml(data: ReportData, t: (key: string, ...values: Array<string | number>) => string): string {
  const warnings = data.warnings ?? [];
  if (warnings.length === 0) return '';
  const items = warnings
    .map(
      (w) =>
        `<li><code>${escapeHtml(w.code)}</code> ${escapeHtml(w.message)}` +
        (w.affects.length > 0
          ? ` <span class="note">${escapeHtml(t('warnings.affects', w.affects.join(', ')))}</span>`
          : '') +
        '</li>',
    )
    .join('');
  return `<section id="warnings"><h2>${escapeHtml(t('warnings.title'))}</h2><ul class="warnings">${items}</ul></section>\n`;
}

function warningsMarkdown(
  data: ReportData,
  t: (key: string, ...values: Array<string | number>) => string,
  cell: (s: string) => string,
): string[] {
  const warnings = data.warnings ?? [];
  if (warnings.length === 0) return [];
  return [
    `## ${t('warnings.title')}`,
    '',
    ...warnings.map(
      (w) =>
        `- \`${w.code}\` ${cell(w.message)}` +
        (w.affects.length > 0 ? ` ${cell(t('warnings.affects', w.affects.join(', ')))}` : ''),
    ),
    '',
  ];
}

/** The Markdown summary: title, action items and every section's table. */
export function renderReportMarkdown(data: ReportData, language: ReportLanguage): string {
  const { t, f, list } = sections(data, language);
  // Markdown viewers render inline HTML, so cells are escaped like HTML too.
  const cell = (s: string) => escapeHtml(s).replaceAll('|', '\\|').replaceAll('\n', ' ');
  const lines = [
    `# ${t('title')} — ${cell(data.organization)}`,
    '',
    t('subtitle', data.period.label, data.asOf, data.currency),
    '',
    ...warningsMarkdown(data, t, cell),
    `## ${t('actions.title')}`,
    '',
  ];
  if (data.actions.length === 0) lines.push(t('actions.none'));
  for (const a of data.actions) lines.push(`- ${cell(actionText(a, t, f))}`);
  for (const s of list) {
    lines.push(
      '',
      `## ${s.title}`,
      '',
      `| ${s.headers.map(cell).join(' | ')} |`,
      `|${s.headers.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    );
    for (const r of s.rows) lines.push(`| ${r.map(cell).join(' | ')} |`);
    if ('note' in s && s.note) lines.push('', cell(s.note));
  }
  return lines.join('\n') + '\n';
}
