import { csvText, roundTo } from '@salesops/core';
import type { ActionItem } from './reportActions.js';
import type { RepRow, TeamFigures } from './reportTypes.js';

const cents = (v: number | null) => (v === null ? null : roundTo(v, 2));

/**
 * The full lists behind the pack's top and bottom N (the pack stays the same size however large the org): every
 * action item ranked, every rep ranked, every team. Money rounded to the cent, spreadsheet formulas neutralised.
 */
export function reportCsvFiles(input: {
  actions: readonly ActionItem[];
  reps: readonly RepRow[];
  org: TeamFigures;
  teams: readonly TeamFigures[];
}): Record<'actions.csv' | 'reps.csv' | 'teams.csv', string> {
  const options = { neutralise: true };
  return {
    'actions.csv': csvText(
      ['rank', 'kind', 'level', 'owner', 'moneyAtStake'],
      input.actions.map((a, i) => ({
        rank: i + 1,
        kind: a.kind,
        level: a.level,
        owner: a.owner,
        moneyAtStake: cents(a.money),
      })),
      options,
    ),
    'reps.csv': csvText(
      ['rank', 'rep', 'attainment', 'closedWon', 'winRate', 'openPipeline', 'flags'],
      input.reps.map((r, i) => ({
        rank: i + 1,
        rep: r.name,
        attainment: r.attainment,
        closedWon: cents(r.closedWon),
        winRate: r.winRate,
        openPipeline: cents(r.openPipeline),
        flags: r.flags.join(' '),
      })),
      options,
    ),
    'teams.csv': csvText(
      [
        'scope',
        'depth',
        'quota',
        'closedWon',
        'forecast',
        'p10',
        'p90',
        'openPipeline',
        'coverage',
        'requiredCoverage',
      ],
      [input.org, ...input.teams].map((s) => ({
        scope: s.name,
        depth: s.depth,
        quota: cents(s.quota),
        closedWon: cents(s.closedWon),
        forecast: cents(s.forecast),
        p10: cents(s.low),
        p90: cents(s.high),
        openPipeline: cents(s.openPipeline),
        coverage: s.coverage,
        requiredCoverage: s.requiredCoverage,
      })),
      options,
    ),
  };
}
