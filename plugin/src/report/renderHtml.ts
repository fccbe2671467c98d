import { escapeHtml } from './escape.js';
import type { Block, Section } from './reportDocument.js';
import { reportDocument } from './reportPack.js';
import type { ReportData } from './reportTypes.js';
import type { ReportLanguage } from './reportLanguage.js';

const STYLE = `
:root { --ink: #181818; --muted: #5c5c5c; --line: #d8dde6; --accent: #0176d3; --band: #f3f3f3; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK JP", sans-serif; color: var(--ink); margin: 1.5rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.4; font-size: 15px; }
h1 { font-size: 1.5em; margin: 0; } .sub { color: var(--muted); margin: .2rem 0 1rem; }
h2 { font-size: 1.15em; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; margin: 1.6rem 0 .6rem; }
#summary h2 { margin-top: .5rem; } #summary p.strong:first-of-type { font-size: 1.25em; }
p { margin: .4rem 0; } p.strong { font-weight: 600; } .note { color: var(--muted); font-size: .82em; }
table { border-collapse: collapse; width: 100%; font-size: .82em; margin: .4rem 0; }
th, td { padding: .22rem .4rem; border-bottom: 1px solid var(--line); text-align: left; overflow-wrap: anywhere; }
th { background: var(--band); } .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
ol, ul { margin: .3rem 0; padding-left: 1.4rem; } li { margin: .15rem 0; }
figure { margin: .6rem 0; } svg { display: block; width: 100%; max-width: 42rem; height: auto; }
svg text { font-family: inherit; font-size: 11px; fill: var(--ink); } svg .tick, svg .legend { fill: var(--muted); }
svg .grid { stroke: var(--line); } svg .axis { stroke: var(--muted); } svg .range { stroke: var(--ink); fill: none; stroke-width: 1.5; }
svg .marker { stroke: var(--ink); stroke-width: 2.5; }
dl.glossary { font-size: .78em; color: var(--muted); margin: .2rem 0 .8rem; } dl.glossary dt { display: inline; font-weight: 600; } dl.glossary dd { display: inline; margin: 0; } dl.glossary dd::after { content: ""; display: block; }
@page { margin: 14mm; }
@media print { body { margin: 0; max-width: none; padding: 0; font-size: 11px; } svg { max-width: 150mm; } h2 { break-after: avoid; } tr, figure, li { break-inside: avoid; } section { break-inside: auto; } }
`;

function block(b: Block): string {
  switch (b.type) {
    case 'p':
      return `<p${b.strong ? ' class="strong"' : ''}>${escapeHtml(b.text)}</p>`;
    case 'note':
      return `<p class="note">${escapeHtml(b.text)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const cls = (i: number) => (b.numeric[i] ? ' class="n"' : '');
      const head = b.headers.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join('');
      const rows = b.rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${escapeHtml(c)}</td>`).join('')}</tr>`);
      return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
    }
    case 'chart':
      // The SVG is built by svgChart.ts, which escapes every text it draws.
      return `<figure>${b.svg}<figcaption class="note">${escapeHtml(b.caption)}</figcaption></figure>`;
    case 'glossary':
      return `<dl class="glossary">${b.entries.map((e) => `<dt>${escapeHtml(e.term)}</dt><dd> — ${escapeHtml(e.meaning)}</dd>`).join('')}</dl>`;
  }
}

const section = (s: Section) =>
  `<section id="${s.id}"><h2>${escapeHtml(s.title)}</h2>\n${s.blocks.map(block).join('\n')}\n</section>`;

/** The self-contained HTML pack: static SVG charts (it opens offline and prints), every value escaped, print styles. */
export function renderReportHtml(data: ReportData, language: ReportLanguage): string {
  const doc = reportDocument(data, language);
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(doc.title)}</h1>
<p class="sub">${escapeHtml(doc.subtitle)}</p>
${doc.sections.map(section).join('\n')}
</body>
</html>
`;
}
