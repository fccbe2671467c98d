import { glossaryIn } from '../shared/glossary.js';
import type { Formatters } from './reportFormat.js';
import { reportText, type ReportLanguage } from './reportLanguage.js';

/** A piece of a section, rendered by renderHtml.ts and renderMarkdown.ts alike. */
export type Block =
  | { readonly type: 'p'; readonly text: string; readonly strong?: boolean }
  | { readonly type: 'note'; readonly text: string }
  | { readonly type: 'list'; readonly items: readonly string[]; readonly ordered?: boolean }
  /** `terms`: each column's glossary term (null for a column that is not a figure); `numeric` aligns right. */
  | {
      readonly type: 'table';
      readonly terms: ReadonlyArray<string | null>;
      readonly headers: readonly string[];
      readonly rows: ReadonlyArray<readonly string[]>;
      readonly numeric: readonly boolean[];
    }
  /** Static SVG (HTML only; the table beside it is its text alternative and the Markdown's). */
  | { readonly type: 'chart'; readonly svg: string; readonly caption: string }
  /** The meanings of the figures of the table above that no table before it explained. */
  | { readonly type: 'glossary'; readonly entries: ReadonlyArray<{ term: string; meaning: string }> };

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly Block[];
}

/** The columns of the forecast-by-team table. */
export const FORECAST_TERMS = [
  'scope',
  'quota',
  'closedWon',
  'forecast',
  'p10',
  'p90',
  'forecastAttainment',
  'coverage',
  'requiredCoverage',
] as const;

/** The funnel table's figures after the lead source, as `sf salesops funnel --group-by source` shows them. */
export const FUNNEL_TERMS = [
  'leads',
  'cohortConverted',
  'opportunities',
  'won',
  'wonAmount',
  'leadToOpp',
  'oppToWin',
] as const;
/** The retention table's figures after the period, as `sf salesops revenue retention --group-by period`. */
export const RETENTION_TERMS = [
  'priorBookings',
  'renewed',
  'expansion',
  'grr',
  'nrr',
  'churnedAccounts',
  'contractedAccounts',
] as const;

/** Every figure the pack explains under its tables (and `--help` in its GLOSSARY section), in the order they appear. */
export const REPORT_TERMS = [
  ...FORECAST_TERMS,
  'pipelineStep',
  'dealCount',
  'amount',
  'attainment',
  'winRate',
  'pipelineCreated',
  'openPipeline',
  'method',
  'horizon',
  'wape',
  'bias',
  'intervalCoverage',
  'methodRank',
  'rep',
  'repFlags',
  'territory',
  'accounts',
  'reps',
  'whitespaceAccounts',
  'owner',
  'hygieneFlags',
  'moneyAtStake',
  'leadSource',
  ...FUNNEL_TERMS,
  ...RETENTION_TERMS,
] as const;

export type Text = (key: string, ...values: Array<string | number>) => string;

/** What every section builder gets: the texts, glossary and number formats of the reader's language. */
export interface Context {
  readonly language: ReportLanguage;
  readonly t: Text;
  readonly f: Formatters;
  readonly glossary: ReturnType<typeof glossaryIn>;
}

export function context(language: ReportLanguage, f: Formatters): Context {
  return { language, t: reportText(language), f, glossary: glossaryIn(language) };
}

/** A table whose headers come from the glossary (or, for a column that is no figure, the text given). */
export function table(
  c: Context,
  columns: ReadonlyArray<({ term: string } | { header: string }) & { text?: boolean }>,
  rows: ReadonlyArray<readonly string[]>,
): Block {
  return {
    type: 'table',
    terms: columns.map((col) => ('term' in col ? col.term : null)),
    headers: columns.map((col) => ('term' in col ? c.glossary.header(col.term) : col.header)),
    rows,
    numeric: columns.map((col, i) => i > 0 && col.text !== true),
  };
}

/** Adds under each table the meanings of its figures that no earlier table explained: every figure once. */
export function withGlossaries(sections: readonly Section[], c: Context): Section[] {
  const explained = new Set<string>();
  return sections.map((s) => ({
    ...s,
    blocks: s.blocks.flatMap((b): Block[] => {
      if (b.type !== 'table') return [b];
      const fresh = b.terms.filter((t): t is string => t !== null && !explained.has(t));
      for (const t of fresh) explained.add(t);
      const entries = [...new Set(fresh)].map((term) => ({
        term: c.glossary.header(term),
        meaning: c.glossary.meaning(term),
      }));
      return entries.length > 0 ? [b, { type: 'glossary', entries }] : [b];
    }),
  }));
}
