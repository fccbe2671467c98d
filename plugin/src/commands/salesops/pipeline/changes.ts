import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { SalesopsCommand } from '../../../shared/salesopsCommand.js';
import {
  addDays,
  CHANGE_BUCKETS,
  FORECAST_SCOPE_TYPES,
  forecastScopes,
  isIsoDate,
  pipelineChanges,
  quarterToDate,
  waterfallSteps,
  type CategoryMove,
  type ChangeBucket,
  type DealChange,
  type DealChangeState,
  type ForecastScopeType,
  type QuarterToDate,
  type ScopeWaterfall,
  type WaterfallReconciliation,
  type WaterfallStep,
} from '@salesops/core';
import { readingFlags } from '../../../shared/commonFlags.js';
import { environmentLocale, formatValue } from '../../../shared/formatValue.js';
import { loadSnapshot } from '../../../shared/loadSnapshot.js';
import { presentResult } from '../../../shared/presentResult.js';
import { toMarkdown, type Column, type ResultTable } from '../../../shared/resultTable.js';
import { printTable } from '../../../shared/printTable.js';
import { withGlossary } from '../../../shared/glossary.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'salesops.pipeline.changes');

/** The buckets that move money (`unchanged` adds nothing and is only counted). */
export type MovingBucket = Exclude<ChangeBucket, 'unchanged'>;

/** One scope's waterfall: start + created + … + lost = end (signed amounts, corporate currency). */
export type PipelineChangesRow = {
  scopeType: ForecastScopeType;
  scopeId: string;
  scopeName: string;
  start: number;
  created: number;
  pulledIn: number;
  pushedIn: number;
  reopened: number;
  increased: number;
  decreased: number;
  pushedOut: number;
  pulledOutEarlier: number;
  won: number;
  lost: number;
  end: number;
  startDeals: number;
  endDeals: number;
  /** Deals per bucket (`unchanged`: open in the period at both dates with the same value). */
  counts: Record<ChangeBucket, number>;
  categoryMoves: CategoryMove[];
};

export type SalesopsPipelineChangesResult = {
  period: { label: string; start: string; end: string };
  since: string;
  asOf: string;
  currency: string;
  groupBy: ForecastScopeType;
  rows: PipelineChangesRow[];
  /** The whole org's waterfall. */
  totals: PipelineChangesRow;
  /** Why the rows do not add up to the totals; null when they do. */
  reconciliation: WaterfallReconciliation | null;
  quarterToDate: QuarterToDate;
  /** Every deal of the org's waterfall, with `--show-deals`. */
  deals?: DealChange[];
};

const MOVING: readonly MovingBucket[] = CHANGE_BUCKETS.filter((b): b is MovingBucket => b !== 'unchanged');

/** Each waterfall column's name and meaning in plugin/messages/glossary.md. */
const BUCKET_TERMS: Record<'start' | MovingBucket | 'end', string> = {
  start: 'pipelineStart',
  created: 'created',
  pulledIn: 'pulledIn',
  pushedIn: 'pushedIn',
  reopened: 'reopened',
  increased: 'increased',
  decreased: 'decreased',
  pushedOut: 'pushedOut',
  pulledOutEarlier: 'pulledOutEarlier',
  won: 'wonPipeline',
  lost: 'lostPipeline',
  end: 'pipelineEnd',
};

function rowOf(w: ScopeWaterfall): PipelineChangesRow {
  const a = w.amounts;
  return {
    scopeType: w.scope.type,
    scopeId: w.scope.id,
    scopeName: w.scope.name,
    start: w.start,
    created: a.created,
    pulledIn: a.pulledIn,
    pushedIn: a.pushedIn,
    reopened: a.reopened,
    increased: a.increased,
    decreased: a.decreased,
    pushedOut: a.pushedOut,
    pulledOutEarlier: a.pulledOutEarlier,
    won: a.won,
    lost: a.lost,
    end: w.end,
    startDeals: w.startDeals,
    endDeals: w.endDeals,
    counts: { ...w.counts },
    categoryMoves: [...w.categoryMoves],
  };
}

export default class PipelineChanges extends SalesopsCommand<SalesopsPipelineChangesResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = withGlossary(messages.getMessage('description'), [
    'scope',
    ...Object.values(BUCKET_TERMS),
    'dealCount',
    'bucket',
    'change',
    'stateBefore',
    'stateAfter',
    'historyRows',
  ]);
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    ...readingFlags,
    since: Flags.string({ summary: messages.getMessage('flags.since.summary') }),
    'group-by': Flags.option({
      options: FORECAST_SCOPE_TYPES,
      default: 'org' as ForecastScopeType,
      summary: messages.getMessage('flags.group-by.summary'),
    })(),
    'show-deals': Flags.boolean({ summary: messages.getMessage('flags.show-deals.summary') }),
  };

  public async run(): Promise<SalesopsPipelineChangesResult> {
    const { flags } = await this.parse(PipelineChanges);
    if (flags.since !== undefined && !isIsoDate(flags.since))
      throw messages.createError('error.BadSince', [flags.since]);
    const loaded = await loadSnapshot(flags, this.spinner);
    const { snapshot, period, asOf } = loaded;
    const since = flags.since ?? addDays(asOf, -7);
    if (since > asOf) throw messages.createError('error.SinceAfterAsOf', [since, asOf]);
    const groupBy = flags['group-by'];
    const report = pipelineChanges(snapshot, { period, since, asOf, scopes: forecastScopes(snapshot, [groupBy]) });
    const result: SalesopsPipelineChangesResult = {
      period: report.period,
      since,
      asOf,
      currency: report.currency,
      groupBy,
      rows: report.scopes.map(rowOf),
      totals: rowOf(report.org),
      reconciliation: report.reconciliation,
      quarterToDate: quarterToDate(snapshot, asOf),
      ...(flags['show-deals'] ? { deals: [...report.deals] } : {}),
    };
    if (this.jsonEnabled() && flags['output-file'] === undefined) return result;

    const options = { currency: report.currency, locale: environmentLocale() };
    const money = (v: number) => formatValue(v, 'money', options);
    const format = flags['result-format'];
    const dealsTable = this.dealsTable(result.deals ?? []);
    const mainTable: ResultTable<unknown> =
      flags['show-deals'] && format === 'csv'
        ? (dealsTable as ResultTable<unknown>)
        : ((groupBy === 'org'
            ? this.stepsTable(waterfallSteps(report.org))
            : this.scopesTable(result)) as ResultTable<unknown>);
    const notes = [
      this.categoryNote(result.totals.categoryMoves, money),
      ...this.quarterNotes(result.quarterToDate, money),
    ];
    if (result.reconciliation) {
      const r = result.reconciliation;
      notes.unshift(
        messages.getMessage('note.reconciliation', [
          money(r.startDifference),
          money(r.endDifference),
          r.overlappingDeals,
          r.dealsOutsideRows,
        ]),
      );
    }
    await presentResult(this, loaded, mainTable, result, flags, messages.getMessage('title', [since]), notes);
    if (flags['show-deals'] && !this.jsonEnabled()) {
      if (format === 'table') {
        this.log('');
        printTable(this, dealsTable, options);
      } else if (format === 'markdown') this.log(`\n${toMarkdown(dealsTable, options).trimEnd()}`);
    }
    return result;
  }

  private stepsTable(steps: readonly WaterfallStep[]): ResultTable<WaterfallStep> {
    const label = (key: WaterfallStep['key']) =>
      key === 'start' || key === 'end' ? messages.getMessage(`column.${key}`) : messages.getMessage(`bucket.${key}`);
    return {
      columns: [
        { key: 'step', term: 'pipelineStep', kind: 'text', value: (s) => label(s.key), priority: 1 },
        { key: 'deals', term: 'dealCount', kind: 'count', value: (s) => s.deals, priority: 2 },
        { key: 'amount', kind: 'money', value: (s) => s.amount, priority: 1 },
      ],
      rows: steps,
    };
  }

  private scopesTable(result: SalesopsPipelineChangesResult): ResultTable<PipelineChangesRow> {
    const money = (key: 'start' | MovingBucket | 'end'): Column<PipelineChangesRow> => ({
      key,
      term: BUCKET_TERMS[key],
      kind: 'money',
      priority: key === 'start' || key === 'end' ? 1 : 2,
      value: (r) => r[key],
    });
    const t = result.totals;
    return {
      columns: [
        { key: 'scopeName', term: 'scope', kind: 'text', value: (r) => r.scopeName, priority: 1, overflow: 'ellipsis' },
        money('start'),
        ...MOVING.map(money),
        money('end'),
      ],
      rows: result.rows,
      totals: {
        scopeName: messages.getMessage('totals'),
        start: t.start,
        ...Object.fromEntries(MOVING.map((b) => [b, t[b]])),
        end: t.end,
      },
    };
  }

  private dealsTable(deals: readonly DealChange[]): ResultTable<DealChange> {
    const state = (s: DealChangeState | null, currency: string | null) =>
      s === null
        ? messages.getMessage('state.none')
        : messages.getMessage('state', [s.stage, amountText(s.amount, currency), s.closeDate]);
    return {
      columns: [
        {
          key: 'bucket',
          priority: 1,
          kind: 'text',
          value: (d) => messages.getMessage(`bucket.${d.bucket}`),
        },
        { key: 'name', term: 'deal', kind: 'text', value: (d) => d.name, priority: 1, overflow: 'ellipsis' },
        { key: 'ownerName', term: 'owner', kind: 'text', value: (d) => d.ownerName, priority: 2, overflow: 'ellipsis' },
        { key: 'change', kind: 'money', value: (d) => d.change, priority: 1 },
        {
          key: 'before',
          term: 'stateBefore',
          priority: 2,
          kind: 'text',
          value: (d) => state(d.before, d.currency),
        },
        {
          key: 'after',
          term: 'stateAfter',
          priority: 2,
          kind: 'text',
          value: (d) => state(d.after, d.currency),
        },
        {
          key: 'history',
          term: 'historyRows',
          priority: 4,
          kind: 'text',
          value: (d) =>
            d.history
              .map((h) => `${h.date} ${h.stage} ${amountText(h.amount, d.currency)} ${h.closeDate ?? ''}`)
              .join('; '),
        },
      ],
      // Unchanged deals add nothing: people see the deals that moved; the JSON keeps every deal.
      rows: deals.filter((d) => d.bucket !== 'unchanged'),
    };
  }

  private categoryNote(moves: readonly CategoryMove[], money: (v: number) => string): string {
    if (moves.length === 0) return messages.getMessage('note.noCategoryMoves');
    const parts = moves.map((m) =>
      messages.getMessage('note.categoryMove', [m.from ?? '—', m.to ?? '—', money(m.amount), dealCount(m.deals)]),
    );
    return messages.getMessage('note.categoryMoves', [parts.join('; ')]);
  }

  private quarterNotes(q: QuarterToDate, money: (v: number) => string): string[] {
    const change = (now: number, then: number) =>
      then === 0 ? '—' : `${now >= then ? '+' : '−'}${Math.abs(((now - then) / then) * 100).toFixed(1)}%`;
    const { current: c, previousQuarter: p, lastYear: y } = q;
    // Indented under the heading line (Markdown would strip the spaces from the message itself).
    const line = (key: string, pick: (point: typeof c) => number) =>
      '  ' +
      messages.getMessage(key, [
        money(pick(c)),
        money(pick(p)),
        change(pick(c), pick(p)),
        money(pick(y)),
        change(pick(c), pick(y)),
      ]);
    return [
      messages.getMessage('note.quarterToDate', [q.day, c.period.label, p.period.label, y.period.label]),
      line('note.quarterToDate.bookings', (point) => point.bookings),
      line('note.quarterToDate.pipeline', (point) => point.openPipeline),
    ];
  }
}

function amountText(amount: number | null, currency: string | null): string {
  if (amount === null) return '—';
  return `${currency ?? ''} ${amount.toLocaleString(environmentLocale(), { maximumFractionDigits: 2 })}`.trim();
}

function dealCount(n: number): string {
  return messages.getMessage(n === 1 ? 'note.dealCount' : 'note.dealsCount', [n]);
}
