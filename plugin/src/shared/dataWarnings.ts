import { Messages } from '@salesforce/core';
import {
  DATA_GAP_AFFECTS,
  type DataGap,
  type FiscalPeriod,
  type LoginVisibility,
  type RevOpsGap,
} from '@salesops/core';
import type { AbsenceReason, ReadWarning } from '@salesops/org';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'dataCompleteness');

/**
 * A warning about what the data lacks and what that costs (metrics.md "Data completeness"): the same object in stderr
 * (its message), in the `--json` envelope's `warnings` and in the report.
 */
export interface DataWarning {
  readonly code: string;
  readonly message: string;
  /** The figures the gap degrades; empty when it degrades none in particular. */
  readonly affects: readonly string[];
}

/**
 * Warns on stderr and, with --json, into the envelope's `warnings` as `{ name, code, message, affects }` (sf's
 * structured warnings need a name: the code).
 */
export function warnAbout(command: { warn(input: { name: string; message: string }): unknown }, w: DataWarning): void {
  command.warn({ name: w.code, ...w });
}

/** The figures a login that does not see everything gets wrong. */
export const PARTIAL_VISIBILITY_AFFECTS: readonly string[] = [
  'every figure and total of the org, teams and territories',
];

/** The warning of a data gap found by the engine. */
export function gapWarning(gap: DataGap, context: { period: FiscalPeriod; asOf: string }): DataWarning {
  const affects = gap.affects.join(', ');
  const { period, asOf } = context;
  const tokens: Record<DataGap['code'], string[]> = {
    NO_OPPORTUNITY_HISTORY: [affects],
    NO_OPPORTUNITY_STAGE: [affects],
    NO_QUOTAS: [affects],
    NO_QUOTAS_IN_PERIOD: [period.label, period.start, period.end, affects],
    AS_OF_AFTER_DATA: [asOf, gap.lastDataDate ?? '', affects, gap.lastDataDate ?? ''],
  };
  return {
    code: gap.code,
    message: messages.getMessage(`warning.${gap.code}`, tokens[gap.code]),
    affects: gap.affects,
  };
}

/** The warning of what the funnel or retention figures lack: the figures not computed (null, never 0) and the fix. */
export function revOpsGapWarning(gap: RevOpsGap): DataWarning {
  return {
    code: gap.code,
    message: messages.getMessage(`warning.${gap.code}`, [gap.affects.join(', ')]),
    affects: gap.affects,
  };
}

/** The warning of a login that does not see every record; null when it does. */
export function visibilityWarning(visibility: LoginVisibility): DataWarning | null {
  if (visibility.full) return null;
  const total = visibility.visibleUsers + visibility.hiddenUsers;
  return {
    code: 'PARTIAL_VISIBILITY',
    message: messages.getMessage('warning.PARTIAL_VISIBILITY', [
      visibility.name,
      visibility.role ?? messages.getMessage('warning.NoRole'),
      String(visibility.visibleUsers),
      String(total),
      String(visibility.hiddenUsers),
      PARTIAL_VISIBILITY_AFFECTS.join(', '),
      visibility.name,
    ]),
    affects: PARTIAL_VISIBILITY_AFFECTS,
  };
}

/** The figures each absence of the org read costs (the quota objects: the quotas they would have given). */
export const ABSENCE_AFFECTS: Readonly<Record<AbsenceReason, readonly string[]>> = {
  TERRITORY_MANAGEMENT_OFF: ['territory coverage', 'territory roll-ups', 'territory quotas'],
  FORECASTING_QUOTA_UNREADABLE: DATA_GAP_AFFECTS.NO_QUOTAS,
  PACKAGE_OBJECTS_MISSING: DATA_GAP_AFFECTS.NO_QUOTAS,
  NO_CURRENCY_TYPES: ['currency conversion'],
  NO_DATED_RATES: ['dated currency conversion'],
  FISCAL_YEAR_SETTINGS_UNREADABLE: ['custom fiscal years', 'fiscal periods'],
  PERIOD_UNREADABLE: ['fiscal periods'],
  OBJECT_UNAVAILABLE: [],
};

/**
 * What the org read fell back on, worded: each absence reason is its own code (`TERRITORY_MANAGEMENT_OFF`, …) with
 * what it costs; hidden fields (`FIELDS_HIDDEN`) affect those fields; `SINGLE_CURRENCY` affects nothing.
 */
export function orgReadWarning(warning: ReadWarning): DataWarning {
  switch (warning.code) {
    case 'OBJECTS_ABSENT': {
      const affects = ABSENCE_AFFECTS[warning.reason];
      const text = messages.getMessage(`warning.${warning.reason}`, [warning.objects.join(', '), affects.join(', ')]);
      const refused = warning.refusedWith ? messages.getMessage('warning.Refused', [warning.refusedWith]) : null;
      return { code: warning.reason, message: refused ? `${text} ${refused}` : text, affects };
    }
    case 'FIELDS_HIDDEN':
      return {
        code: warning.code,
        message: messages.getMessage('warning.FIELDS_HIDDEN', [warning.sobject, warning.fields.join(', ')]),
        affects: warning.fields.map((field) => `${warning.sobject}.${field}`),
      };
    case 'SINGLE_CURRENCY':
      return { code: warning.code, message: messages.getMessage('warning.SINGLE_CURRENCY'), affects: [] };
  }
}

/**
 * A data problem the engine worked around (history rows of unknown deals, unknown stages, several active territory
 * models), or the heap hint.
 */
export function readWarning(code: 'DATA_PROBLEM' | 'LARGE_ORG', text: string): DataWarning {
  return { code, message: messages.getMessage(`warning.${code}`, [text]), affects: [] };
}

/** The error of a file or object a command needs and the data lacks. */
export function missingFileError(sobject: string, file: string): Error {
  return messages.createError('error.MissingFile', [file, sobject, file, sobject]);
}

export function missingObjectError(sobject: string, username: string): Error {
  return messages.createError('error.MissingObject', [sobject, username, sobject]);
}

/** The label of a totals row when the login does not see everything: "Total visible to Ana Silva". */
export function visibleToLabel(label: string, user: string): string {
  return messages.getMessage('label.VisibleTo', [label, user]);
}
