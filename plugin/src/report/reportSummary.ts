import { ratio } from '@salesops/core';
import { actionText } from './reportActionText.js';
import { table, type Block, type Context, type Section } from './reportDocument.js';
import type { ReportData } from './reportTypes.js';

/** Action items the summary names; the rest are in the appendix and actions.csv. */
export const SUMMARY_ACTIONS = 5;

/**
 * The first screen: the run's one forecast against quota with its range, the method and why (or "closed at" for a
 * period that ended), quarter to date against last quarter and last year, coverage, the last periods' accuracy and
 * the five actions with the most money at stake.
 */
export function summarySection(data: ReportData, c: Context): Section {
  const { t, f } = c;
  const h = data.headline;
  const period = data.period.label;
  const blocks: Block[] = [];
  if (h.final) {
    blocks.push({
      type: 'p',
      strong: true,
      text:
        h.quota === null
          ? t('summary.finalNoQuota', period, f.money(h.closedWon))
          : t('summary.final', period, f.ratio(ratio(h.closedWon, h.quota)), f.money(h.closedWon), f.money(h.quota)),
    });
  } else {
    blocks.push({
      type: 'p',
      strong: true,
      text:
        h.quota === null
          ? t('summary.forecastNoQuota', period, f.money(h.forecast))
          : t('summary.forecast', period, f.money(h.forecast), f.ratio(h.forecastAttainment), f.money(h.quota)),
    });
    if (h.low !== null && h.high !== null && h.rangeMethod !== null)
      blocks.push({
        type: 'p',
        text: t('summary.range', f.money(h.low), f.money(h.high), t(`method.${h.rangeMethod}`)),
      });
    if (h.method !== null) blocks.push({ type: 'p', text: methodText(data, c) });
  }
  blocks.push(...quarterToDateBlocks(data, c));
  const o = data.org;
  blocks.push({
    type: 'p',
    text:
      o.coverage === null
        ? t(o.quota === null ? 'summary.coverageNoQuota' : 'summary.coverageMet')
        : t(
            'summary.coverage',
            f.money(o.openPipeline),
            f.times(o.coverage),
            f.money(o.remainingQuota),
            f.times(o.requiredCoverage),
          ),
  });
  blocks.push({ type: 'p', text: accuracyText(data, c) });
  blocks.push({ type: 'p', strong: true, text: t('summary.actions') }, ...actionBlocks(data, c));
  return { id: 'summary', title: t('summary.title'), blocks };
}

function methodText(data: ReportData, { t, f }: Context): string {
  const h = data.headline;
  const method = t(`method.${h.method ?? 'weighted'}`);
  if (h.basis !== 'lowestWape' || h.wape === null) return t('summary.methodNoWape', method);
  const runnerUp = h.runnerUp ? t('summary.runnerUp', t(`method.${h.runnerUp.method}`), f.ratio(h.runnerUp.wape)) : '';
  return t('summary.method', method, h.horizon ?? '—', f.ratio(h.wape), f.list(h.periods), runnerUp);
}

function quarterToDateBlocks(data: ReportData, c: Context): Block[] {
  const { t, f } = c;
  const q = data.quarterToDate;
  const row = (term: string, pick: (p: typeof q.current) => number) => [
    c.glossary.header(term),
    f.money(pick(q.current)),
    f.money(pick(q.previousQuarter)),
    f.change(growth(pick(q.current), pick(q.previousQuarter))),
    f.money(pick(q.lastYear)),
    f.change(growth(pick(q.current), pick(q.lastYear))),
  ];
  return [
    { type: 'p', text: t('summary.quarterToDate', q.current.period.label, q.day, f.date(q.current.asOf)) },
    table(
      c,
      [
        { header: t('qtd.figure') },
        { header: q.current.period.label },
        { header: t('qtd.sameDay', q.previousQuarter.period.label) },
        { header: t('qtd.change') },
        { header: t('qtd.sameDay', q.lastYear.period.label) },
        { header: t('qtd.change') },
      ],
      [row('closedWon', (p) => p.bookings), row('openPipeline', (p) => p.openPipeline)],
    ),
  ];
}

const growth = (now: number, before: number) => {
  const r = ratio(now, before);
  return r === null ? null : r - 1;
};

function accuracyText(data: ReportData, { t, f }: Context): string {
  const h = data.headline;
  if (data.pastForecasts.length === 0 || h.method === null) return t('summary.accuracyNone');
  const items = data.pastForecasts.map((p) =>
    t(
      'summary.pastForecast',
      p.period,
      f.money(p.forecast),
      f.money(p.actual),
      f.change(p.forecast === null ? null : (ratio(p.forecast, p.actual) ?? 1) - 1),
    ),
  );
  return t('summary.accuracy', t(`method.${h.method}`), h.horizon ?? '—', f.list(items));
}

function actionBlocks(data: ReportData, c: Context): Block[] {
  const { t, f } = c;
  const gaps = (data.warnings ?? []).map((w) => w.code);
  if (data.actions.length === 0) {
    return [{ type: 'p', text: gaps.length > 0 ? t('actions.noneIncomplete', f.list(gaps)) : t('actions.none') }];
  }
  const shown = data.actions.slice(0, SUMMARY_ACTIONS);
  const blocks: Block[] = [{ type: 'list', ordered: true, items: shown.map((a) => actionText(a, c)) }];
  const more = data.actions.length - shown.length;
  blocks.push({ type: 'note', text: more > 0 ? `${t('actions.rule')} ${t('actions.more', more)}` : t('actions.rule') });
  // Items that rest on what the data lacks (quotas, history) cannot be found: the list is not the whole story.
  if (gaps.length > 0) blocks.push({ type: 'note', text: t('actions.incomplete', f.list(gaps)) });
  return blocks;
}
