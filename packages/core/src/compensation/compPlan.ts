import * as z from 'zod';

const tier = z
  .object({
    from: z.number().min(0).describe('Attainment (as a fraction, 1 = 100 %) where the tier starts'),
    to: z.number().positive().nullable().optional().describe('Attainment where the tier ends; omit for the top tier'),
    rate: z
      .number()
      .min(0)
      .describe('Payout per unit of attainment inside the tier: below 1 decelerates, above 1 accelerates'),
  })
  .strict();

const component = z
  .object({
    name: z.string().min(1).describe('Name shown in the payout table, e.g. Individual'),
    measure: z
      .enum(['individual', 'team'])
      .describe("Whose attainment pays: the rep's own, or the rep's team (the parent role and every role below it)"),
    weight: z.number().gt(0).max(1).describe('Share of the target incentive, e.g. 0.75'),
  })
  .strict();

/**
 * A compensation plan (metrics.md "Compensation"): target incentive per rep, weighted components paid on
 * individual or team attainment, one payout curve of attainment tiers, and an optional cap.
 */
export const CompPlan = z
  .object({
    name: z.string().min(1).describe('Plan name'),
    period: z
      .string()
      .optional()
      .describe('Fiscal period the plan pays for (FY2027-Q4, FY2027, …); the command line may override it'),
    currency: z.string().length(3).optional().describe('Currency of the incentives; must be the corporate currency'),
    targetIncentive: z.number().min(0).describe('Incentive paid at 100 % attainment for the period, per rep'),
    targetIncentives: z
      .record(z.string(), z.number().min(0))
      .optional()
      .describe('Per-rep target incentives by User Id, overriding targetIncentive'),
    components: z.array(component).min(1).describe('Weighted components; the weights add up to 1'),
    tiers: z.array(tier).min(1).describe('Payout curve: contiguous tiers from attainment 0, the last one open-ended'),
    cap: z.number().positive().optional().describe('Highest payout as a multiple of the target incentive, e.g. 2.5'),
  })
  .strict()
  .superRefine((plan, ctx) => {
    const total = plan.components.reduce((sum, c) => sum + c.weight, 0);
    if (Math.abs(total - 1) > 1e-9) {
      ctx.addIssue({
        code: 'custom',
        path: ['components'],
        message: `component weights add up to ${total}; they must add up to 1 (e.g. 0.75 and 0.25)`,
      });
    }
    plan.tiers.forEach((t, i) => {
      const expectedFrom = i === 0 ? 0 : plan.tiers[i - 1]?.to;
      if (t.from !== expectedFrom) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'from'],
          message: `tier starts at ${t.from} but must start at ${String(expectedFrom ?? 'the end of the tier before')} so that tiers are contiguous from 0`,
        });
      }
      const last = i === plan.tiers.length - 1;
      if (!last && (t.to === undefined || t.to === null)) {
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'to'], message: 'only the last tier may be open-ended' });
      }
      if (t.to != null && t.to <= t.from) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'to'],
          message: `tier ends at ${t.to}, not after its start ${t.from}`,
        });
      }
      if (last && t.to != null) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'to'],
          message: 'the last tier must be open-ended (omit "to")',
        });
      }
    });
  });
export type CompPlan = z.infer<typeof CompPlan>;

/** A plan that does not validate: names the source and every bad field with its fix. */
export class CompPlanError extends Error {
  override readonly name = 'CompPlanError';
  constructor(
    readonly source: string,
    readonly issues: ReadonlyArray<{ readonly path: string; readonly message: string }>,
  ) {
    super(`${source} is not a valid compensation plan:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
  }
}

/**
 * Validates a plan read from JSON or YAML.
 *
 * @example
 * parseCompPlan(JSON.parse(text), 'plans/ae.json').components[0]?.weight; // 0.75
 */
export function parseCompPlan(input: unknown, source = 'plan'): CompPlan {
  const result = CompPlan.safeParse(input);
  if (result.success) return result.data;
  throw new CompPlanError(
    source,
    result.error.issues.map((issue) => ({
      path:
        issue.path.length === 0
          ? '(plan)'
          : issue.path
              .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
              .join('')
              .replace(/^\./, ''),
      message: issue.message,
    })),
  );
}
