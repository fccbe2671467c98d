import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { CompPlanError, compPayouts, computePerformance, type CompPlan, type RepPayout } from '@salesops/core';
import { readCompPlan } from '@salesops/org';
import { readingFlags } from '../../../shared/commonFlags.js';
import { loadSnapshot } from '../../../shared/loadSnapshot.js';
import { presentResult } from '../../../shared/presentResult.js';
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

export default class CompPayout extends SalesopsCommand<SalesopsCompPayoutResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
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
      { key: 'name', header: 'Rep', kind: 'text', value: (p) => p.name },
      { key: 'targetIncentive', header: 'Target', kind: 'money', value: (p) => p.targetIncentive },
      ...plan.components.map((c, i) => ({
        key: `attainment.${c.name}`,
        header: `${c.name} attainment`,
        kind: 'ratio' as const,
        value: component(i),
      })),
      { key: 'payout', header: 'Payout', kind: 'money', value: (p) => p.payout },
      { key: 'capped', header: 'Capped', kind: 'text', value: (p) => (p.capped ? 'yes' : '') },
      {
        key: 'marginalRate',
        header: 'Per 1,000 booked',
        kind: 'money',
        value: (p) => (p.marginalRate === null ? null : p.marginalRate * 1000),
      },
      { key: 'nextDealAmount', header: 'Next deal', kind: 'money', value: (p) => p.nextDealAmount },
      { key: 'nextDealPayout', header: 'It would pay', kind: 'money', value: (p) => p.nextDealPayout },
    ];
    await presentResult(
      this,
      loaded,
      { columns, rows: payouts, totals: { name: 'Total', payout: result.totalPayout } },
      result,
      flags,
      `Payouts for "${plan.name}"`,
    );
    return result;
  }
}
