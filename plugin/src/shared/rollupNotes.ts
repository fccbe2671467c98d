import { Messages } from '@salesforce/core';
import type { Reconciliation } from '@salesops/core';
import { formatValue, type FormatOptions } from './formatValue.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'shared');

/** The label of a totals row: what its figures add up (first-line teams, top-level territories, reps). */
export function totalsLabel(rows: 'team' | 'territory' | 'rep' | 'org'): string {
  return messages.getMessage(`rollup.total.${rows}`);
}

/**
 * The lines shown under a table whose rows do not sum to the org: each figure's difference, then why
 * (docs/rollups.md); optionally that percentiles do not add up.
 */
export function rollupNotes(
  reconciliation: Reconciliation | null,
  options: FormatOptions,
  {
    percentiles = false,
    kinds = {},
  }: { percentiles?: boolean; kinds?: Readonly<Record<string, 'money' | 'count'>> } = {},
): string[] {
  const lines: string[] = [];
  if (percentiles) lines.push(messages.getMessage('rollup.percentiles'));
  if (!reconciliation) return lines;
  const differences = Object.entries(reconciliation.difference)
    .filter(([, d]) => d !== 0)
    .map(([name, d]) => `${name} ${d === null ? '—' : formatValue(d, kinds[name] ?? 'money', options)}`);
  if (differences.length > 0) lines.push(messages.getMessage('rollup.difference', [differences.join(', ')]));
  for (const reason of reconciliation.reasons) lines.push(messages.getMessage(`rollup.reason.${reason}`));
  return lines;
}
