import { Messages } from '@salesforce/core';
import type { AutoChoice, BacktestSkippedPeriod } from '@salesops/core';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'forecastNotes');

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

function windowText(periods: readonly string[]): string {
  if (periods.length === 0) return messages.getMessage('auto.noPeriods');
  if (periods.length === 1) return periods[0] as string;
  return messages.getMessage('auto.periodSpan', [periods[0] as string, periods[periods.length - 1] as string]);
}

/**
 * The reason of an `auto` choice in words, from the codes and data core returns: for the whole run (the org's
 * backtest) or, with `--per-scope`, for one scope.
 *
 * @example
 * autoChoiceText(report.auto, 'run'); // 'auto chose timeSeries for every scope: the org's lowest backtest WAPE at …'
 */
export function autoChoiceText(choice: AutoChoice, kind: 'run' | 'scope'): string {
  const window = windowText(choice.periods);
  if (choice.basis === 'noWape' || choice.wape === null) {
    return messages.getMessage(kind === 'run' ? 'auto.noWape' : 'auto.scopeNoWape', [choice.method, window]);
  }
  const next = choice.runnerUp
    ? messages.getMessage('auto.runnerUp', [choice.runnerUp.method, percent(choice.runnerUp.wape)])
    : '';
  return messages.getMessage(kind === 'run' ? 'auto.lowestWape' : 'auto.scopeLowestWape', [
    choice.method,
    String(choice.horizon),
    percent(choice.wape),
    window,
    next,
  ]);
}

/** The note that `--per-scope` choices do not roll up. */
export const perScopeText = (): string => messages.getMessage('auto.perScope');

/** The note of a final period (ended on or before the as-of date). */
export const finalText = (period: string, asOf: string): string => messages.getMessage('final', [period, asOf]);

/** The note naming the figures moved to a bound. */
export const boundedText = (names: readonly string[]): string =>
  messages.getMessage('bounded', [String(names.length), names.join(', ')]);

/** The note naming the backtest periods skipped because they start before the data; null when none was. */
export function skippedText(skipped: readonly BacktestSkippedPeriod[], firstDeal: string | null): string | null {
  if (skipped.length === 0) return null;
  return messages.getMessage('skipped', [skipped.map((s) => s.label).join(', '), firstDeal ?? '—']);
}
