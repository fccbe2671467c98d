import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { CompPlanError, compPayouts, computePerformance, type CompPlan, type RepPayout } from '@salesops/core';
import { readCompPlan } from '@salesops/org';
import { readingFlags } from '../../../shared/commonFlags.js';
import { loadSnapshot } from '../../../shared/loadSnapshot.js';
import { presentResult } from '../../../shared/presentResult.js';
import { withGlossary } from '../../../shared/glossary.js';
import { outputMessages } from '../../../shared/pluralMessage.js';
import type { Column } from '../../../shared/resultTable.js';
import { SalesopsCommand } from '../../../shared/salesopsCommand.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'salesops.comp.payout');

export type SalesopsCompPayoutResult = {
  plan: string;
  period: { label: string; start: string; end: string };
  asOf: string;
  currency: string;
  payouts: RepPayout[];
  totalPayout: number;
};

/** The table's columns around the plan's components (shared/resultTable.ts); the lowest priority goes last. */
const REP_COLUMN: Column<RepPayout> = {
  key: 'name',
  term: 'rep',
  kind: 'text',
  value: (p) => p.name,
  priority: 1,
  overflow: 'ellipsis',
};
const TARGET_COLUMN: Column<RepPayout> = {
  key: 'targetIncentive',
  kind: 'money',
  value: (p) => p.targetIncentive,
  priority: 3,
};
const PAYOUT_COLUMNS: Array<Column<RepPayout>> = [
  { key: 'payout', kind: 'money', value: (p) => p.payout, priority: 1 },
  { key: 'capped', kind: 'text', value: (p) => (p.capped ? 'yes' : ''), priority: 4 },
  { key: 'marginalRate', kind: 'ratio', value: (p) => p.marginalRate, priority: 4 },
  { key: 'nextDealAmount', kind: 'money', value: (p) => p.nextDealAmount, priority: 5 },
  { key: 'nextDealPayout', kind: 'money', value: (p) => p.nextDealPayout, priority: 4 },
];

export default class CompPayout extends SalesopsCommand<SalesopsCompPayoutResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = withGlossary(messages.getMessage('description'), [
    'rep',
    'targetIncentive',
    'componentAttainment',
    ...PAYOUT_COLUMNS.map((c) => c.term ?? c.key),
  ]);
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    ...readingFlags,
    period: Flags.string({ char: 'p', summary: readingFlags.period.summary }),
    plan: Flags.file({ exists: true, required: true, summary: messages.getMessage('flags.plan.summary') }),
  };

  public async run(): Promise<SalesopsCompPayoutResult> {
    const { flags } = await this.parse(CompPayout);
    let plan: CompPlan;
    try {
      plan = await readCompPlan(flags.plan);
    } catch (e) {
      if (e instanceof CompPlanError) throw messages.createError('error.BadPlan', [e.message]);
      throw e;
    }
    const loaded = await loadSnapshot({ ...flags, period: flags.period ?? plan.period ?? 'current' }, this.spinner);
    const { snapshot, period, asOf } = loaded;
    if (plan.currency !== undefined && plan.currency !== snapshot.corporateCurrency) {
      throw messages.createError('error.BadPlan', [
        `${flags.plan}: currency ${plan.currency} is not the org's corporate currency ${snapshot.corporateCurrency}; incentives are paid in the corporate currency.`,
      ]);
    }
    const payouts = compPayouts(snapshot, plan, computePerformance(snapshot, { period, asOf })).sort(
      (a, b) => (b.payout ?? -1) - (a.payout ?? -1) || a.name.localeCompare(b.name),
    );
    const result: SalesopsCompPayoutResult = {
      plan: plan.name,
      period: { label: period.label, start: period.start, end: period.end },
      asOf,
      currency: snapshot.corporateCurrency,
      payouts,
      totalPayout: payouts.reduce((s, p) => s + (p.payout ?? 0), 0),
    };
    const component = (i: number) => (p: RepPayout) => p.components[i]?.attainment ?? null;
    const columns: Array<Column<RepPayout>> = [
      REP_COLUMN,
      TARGET_COLUMN,
      ...plan.components.map((c, i) => ({
        key: `attainment.${c.name}`,
        term: 'componentAttainment',
        headerTokens: [c.name],
        kind: 'ratio' as const,
        value: component(i),
        priority: 2,
      })),
      ...PAYOUT_COLUMNS,
    ];
    await presentResult(
      this,
      loaded,
      { columns, rows: payouts, totals: { name: outputMessages.getMessage('total'), payout: result.totalPayout } },
      result,
      flags,
      `Payouts for "${plan.name}"`,
    );
    return result;
  }
}
