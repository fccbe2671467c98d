import * as z from 'zod';
import { isIsoDate } from '../calendar/index.js';

const isoDate = z.string().refine(isIsoDate, { message: 'expected a date as YYYY-MM-DD' });

/** A sales cost for a stretch of time: a fiscal period label or a start..end range (both days included). */
const SalesCost = z
  .object({
    period: z
      .string()
      .regex(/^FY\d{4}(-[QM]\d{1,2})?$/, { message: 'expected a fiscal period label such as FY2026-Q4' })
      .optional(),
    start: isoDate.optional(),
    end: isoDate.optional(),
    amount: z.number().nonnegative({ message: 'a cost is 0 or more' }),
  })
  .strict()
  .refine((c) => (c.period !== undefined) !== (c.start !== undefined || c.end !== undefined), {
    message: 'give either period or start and end',
  })
  .refine((c) => c.period !== undefined || (c.start !== undefined && c.end !== undefined && c.start <= c.end), {
    message: 'start and end go together, start on or before end',
  });

/**
 * The revenue-operations plan file (JSON or YAML): what the org's records do not hold. `salesCost` is the cost of
 * selling (salaries, commissions, tools) per period in the corporate currency, for CAC; `grossMargin` the share of
 * recurring revenue kept after the cost of serving it, for CLV; `marketingLeadSources` the `LeadSource` values that
 * count as marketing's (a deal with a `CampaignId` always does).
 *
 * @example
 * salesCost: [{ period: FY2026-Q4, amount: 250000 }]
 * grossMargin: 0.78
 */
export const RevOpsPlan = z
  .object({
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { message: 'expected an ISO currency code such as USD' })
      .optional(),
    salesCost: z.array(SalesCost).default([]),
    grossMargin: z
      .number()
      .gt(0, { message: 'a gross margin is a fraction above 0 (0.78 for 78 %)' })
      .lte(1, { message: 'a gross margin is a fraction up to 1 (0.78 for 78 %)' })
      .optional(),
    marketingLeadSources: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();
export type RevOpsPlan = z.infer<typeof RevOpsPlan>;

/** The lead sources counted as marketing's without a plan that names them (Salesforce's standard values and the usual additions). */
export const DEFAULT_MARKETING_SOURCES: readonly string[] = [
  'Web',
  'Purchased List',
  'Advertisement',
  'Trade Show',
  'Webinar',
  'Seminar - Internal',
  'Seminar - Partner',
  'Email',
  'Social Media',
];

/** A plan file that does not validate: every issue with its field path (the file reader adds lines). */
export class RevOpsPlanError extends Error {
  override readonly name = 'RevOpsPlanError';
  constructor(
    readonly source: string,
    readonly issues: ReadonlyArray<{
      readonly path: ReadonlyArray<string | number>;
      readonly message: string;
      readonly line?: number;
    }>,
  ) {
    super(
      `${source} is not a valid revenue-operations plan:\n` +
        issues
          .map((i) => `  ${i.line !== undefined ? `line ${i.line}, ` : ''}${fieldPath(i.path)}: ${i.message}`)
          .join('\n'),
    );
  }
}

/** `salesCost[0].amount` for the path `['salesCost', 0, 'amount']`. */
export function fieldPath(path: ReadonlyArray<string | number>): string {
  if (path.length === 0) return '(plan)';
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');
}

/**
 * Validates a plan read from JSON or YAML; `lineOf` gives the line of a field path when the reader knows it.
 *
 * @example
 * parseRevOpsPlan({ grossMargin: 0.8 }, 'plan.yaml').grossMargin; // 0.8
 */
export function parseRevOpsPlan(
  input: unknown,
  source = 'plan',
  lineOf: (path: ReadonlyArray<string | number>) => number | undefined = () => undefined,
): RevOpsPlan {
  const result = RevOpsPlan.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new RevOpsPlanError(
    source,
    result.error.issues.map((issue) => {
      const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
      const line = lineOf(path);
      return { path, message: issue.message, ...(line !== undefined ? { line } : {}) };
    }),
  );
}
