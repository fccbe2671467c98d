/** Additive figures of a row, the totals row or the org (money, counts), by name; null where there is none. */
export type RollupFigures = Readonly<Record<string, number | null>>;

/** Why a table's rows do not sum to the org (docs/rollups.md). */
export type ReconciliationReason =
  /** Rows nest (teams in teams, territories in territories): the totals row adds the top-level rows only. */
  | 'NESTED_ROWS'
  /** Deals or quotas of owners outside every team (the root role's users, users without a role). */
  | 'OUTSIDE_TEAMS'
  /** Deals attributed to no territory (no Territory2Id and not exactly one account territory). */
  | 'UNASSIGNED_DEALS'
  /** Accounts in no territory: the org counts them, no row does. */
  | 'ACCOUNTS_WITHOUT_TERRITORY'
  /** Accounts in territories under different top-level territories: each of those rows counts them. */
  | 'ACCOUNTS_IN_SEVERAL_TERRITORIES'
  /** Territory quotas (ForecastingQuota.Territory2Id) are set apart from rep quotas and sum to another amount. */
  | 'TERRITORY_QUOTAS'
  /** Quotas of reps in no territory (or inactive), which the split of rep quotas over territories cannot place. */
  | 'REPS_WITHOUT_TERRITORY'
  /** Quotas of reps with no row (a quota but no deal of their own). */
  | 'REPS_WITHOUT_ROW'
  /** A figure moved to its scope's bound in some row or the org: bounds (a P90) do not add up (docs/rollups.md). */
  | 'BOUNDED_FIGURES';

/** How a table's rows tie out to the org: org = rowsSum + difference, figure by figure. */
export interface Reconciliation {
  readonly org: RollupFigures;
  /** Σ of the top-level rows: the totals row. */
  readonly rowsSum: RollupFigures;
  /** org − rowsSum (0 where they agree; null where either is null). */
  readonly difference: RollupFigures;
  /** Every cause that applies, in a fixed order. */
  readonly reasons: readonly ReconciliationReason[];
}

export interface RollupRow {
  readonly figures: RollupFigures;
  /** False for a row inside another row of the table (a nested team or territory): it is not added again. */
  readonly topLevel: boolean;
}

/** Σ of the figures; null figures are left out and a figure null in every row stays null (quotas that exist). */
export function sumFigures(rows: readonly RollupFigures[], names: readonly string[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const name of names) {
    let cents: number | null = null;
    for (const row of rows) {
      const v = row[name];
      if (v !== null && v !== undefined) cents = (cents ?? 0) + Math.round(v * 100);
    }
    out[name] = cents === null ? null : cents / 100;
  }
  return out;
}

/**
 * The totals row of a table (Σ of its top-level rows, in whole cents) and, when the rows nest or their sum differs
 * from the org by more than a cent per row on some figure, the reconciliation with the causes `explain` names for the
 * difference (it is called only when there is one; NESTED_ROWS is added here).
 *
 * @example
 * const { totals, reconciliation } = rollupTotals(rows, org, () => ['OUTSIDE_TEAMS']);
 */
export function rollupTotals(
  rows: readonly RollupRow[],
  org: RollupFigures,
  explain: (difference: RollupFigures) => readonly ReconciliationReason[],
): { totals: RollupFigures; reconciliation: Reconciliation | null } {
  const names = Object.keys(org);
  const totals = sumFigures(
    rows.filter((r) => r.topLevel).map((r) => r.figures),
    names,
  );
  const difference: Record<string, number | null> = {};
  let differs = false;
  // Figures of fractional probabilities (weighted, stageHistory, the Monte Carlo mean) are rounded to the cent per
  // row: the rows agree with the org within a cent per row added.
  const tolerance = 0.01 * rows.filter((r) => r.topLevel).length;
  for (const name of names) {
    const [o, t] = [org[name] ?? null, totals[name] ?? null];
    let d = o === null && t === null ? 0 : o === null || t === null ? null : Math.round((o - t) * 100) / 100;
    if (d !== null && Math.abs(d) <= tolerance) d = 0;
    difference[name] = d;
    if (d !== 0) differs = true;
  }
  const nested = rows.some((r) => !r.topLevel);
  if (!differs && !nested) return { totals, reconciliation: null };
  const reasons: ReconciliationReason[] = nested ? ['NESTED_ROWS'] : [];
  if (differs) reasons.push(...explain(difference));
  return { totals, reconciliation: { org, rowsSum: totals, difference, reasons } };
}
