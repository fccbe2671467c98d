import {
  funnelReport,
  revenueRetention,
  type FiscalPeriod,
  type FunnelRow,
  type OrgSnapshot,
  type RetentionRow,
  type RevOpsGap,
  type RevOpsGapCode,
} from '@salesops/core';

/** Lead sources the funnel table names (most leads first); all of them in `sf salesops funnel --group-by source`. */
export const SOURCES_SHOWN = 8;

/** The gaps that leave a figure of the pack not computed (it shows no CAC, campaign ROI or CLV). */
const SHOWN_GAPS: ReadonlySet<RevOpsGapCode> = new Set(['NO_LEADS', 'NO_OPPORTUNITY_TYPES']);

export interface FunnelSection {
  /** Null without leads (NO_LEADS in `gaps`): not computed, never zeros. */
  readonly totals: FunnelRow | null;
  readonly bySource: readonly FunnelRow[];
  readonly sourcesTotal: number;
  readonly gaps: readonly RevOpsGap[];
}

export interface RetentionSection {
  readonly basePeriod: string;
  /** The period and the three before it, oldest first; null figures without recurring opportunity types. */
  readonly byPeriod: ReadonlyArray<
    RetentionRow & { label: string; basePeriod: string; baseEnd: string; toDate: boolean }
  >;
  readonly totals: RetentionRow;
  readonly gaps: readonly RevOpsGap[];
}

/**
 * The funnel and retention sections' figures, from the same engine calls with the same options as
 * `sf salesops funnel` and `sf salesops revenue retention` without a plan file (their defaults).
 */
export function revopsData(
  snapshot: OrgSnapshot,
  { period, asOf }: { period: FiscalPeriod; asOf: string },
): { funnel: FunnelSection; retention: RetentionSection } {
  const f = funnelReport(snapshot, { period, asOf });
  const r = revenueRetention(snapshot, { period, asOf, segmentField: 'industry', grossMargin: null });
  // The engine's order: most leads first, then name, leads without a source last.
  const bySource = f.funnel?.bySource ?? [];
  return {
    funnel: {
      totals: f.funnel?.totals ?? null,
      bySource: bySource.slice(0, SOURCES_SHOWN),
      sourcesTotal: bySource.length,
      gaps: f.gaps.filter((g) => SHOWN_GAPS.has(g.code)),
    },
    retention: {
      basePeriod: r.basePeriod.label,
      byPeriod: r.byPeriod,
      totals: r.totals,
      gaps: r.gaps.filter((g) => SHOWN_GAPS.has(g.code)),
    },
  };
}
