import { escapeMarkdown } from './escape.js';
import type { Block } from './reportDocument.js';
import { reportDocument } from './reportPack.js';
import type { ReportLanguage } from './reportLanguage.js';
import type { ReportData } from './reportTypes.js';

function block(b: Block): string[] {
  const md = escapeMarkdown;
  switch (b.type) {
    case 'p':
      return [b.strong ? `**${md(b.text)}**` : md(b.text), ''];
    case 'note':
      return [`*${md(b.text)}*`, ''];
    case 'list':
      return [...b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${md(item)}`), ''];
    case 'table':
      return [
        `| ${b.headers.map(md).join(' | ')} |`,
        `|${b.numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`,
        ...b.rows.map((r) => `| ${r.map(md).join(' | ')} |`),
        '',
      ];
    case 'chart':
      // The table beside each chart carries its figures.
      return [];
    case 'glossary':
      return [...b.entries.map((e) => `- **${md(e.term)}** — ${md(e.meaning)}`), ''];
  }
}

/** The Markdown pack: the same sections as the HTML, tables for charts, Markdown escapes and never an HTML entity. */
export function renderReportMarkdown(data: ReportData, language: ReportLanguage): string {
  const doc = reportDocument(data, language);
  const lines = [`# ${escapeMarkdown(doc.title)}`, '', escapeMarkdown(doc.subtitle), ''];
  for (const s of doc.sections) lines.push(`## ${escapeMarkdown(s.title)}`, '', ...s.blocks.flatMap(block));
  return `${lines.join('\n').trimEnd()}\n`;
}
