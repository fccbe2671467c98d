import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import ansis from 'ansis';
import {
  HYGIENE_RULES,
  pipelineHygiene,
  stageBenchmarkRecords,
  stageBenchmarks,
  wonDealPatterns,
  type HygieneDeal,
  type HygieneFlag,
  type PipelineHygieneReport,
  type StageBenchmarks,
} from '@salesops/core';
import { readingFlags } from '../../../shared/commonFlags.js';
import { loadSnapshot } from '../../../shared/loadSnapshot.js';
import { presentResult } from '../../../shared/presentResult.js';
import { environmentLocale } from '../../../shared/formatValue.js';
import { withGlossary } from '../../../shared/glossary.js';
import { outputMessages, pluralMessage } from '../../../shared/pluralMessage.js';
import type { Column } from '../../../shared/resultTable.js';
import { SalesopsCommand } from '../../../shared/salesopsCommand.js';
import { writeBack, writeFlags, type Written } from '../../../shared/writeBack.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'salesops.pipeline.hygiene');

/** The report, the org-wide stage benchmarks its rules measured against, and what `--write` stored. */
export type SalesopsPipelineHygieneResult = PipelineHygieneReport & { benchmarks: StageBenchmarks; written?: Written };

/** A flag with its evidence in a few words. */
export function describeFlag(flag: HygieneFlag): string {
  switch (flag.rule) {
    case 'PAST_CLOSE_DATE':
      return `closes ${flag.closeDate}, ${flag.daysPast} d ago`;
    case 'PUSHED':
      return `pushed ${flag.pushes}× (${flag.closeDates.join(' → ')})`;
    case 'STALE_STAGE':
      return `${flag.days} d in ${flag.stage} (won deals: ${flag.wonMedianDays} d)`;
    case 'MISSING_AMOUNT':
      return flag.amount === null ? 'no amount' : 'amount 0';
    case 'NO_NEXT_STEP':
      return 'no next step';
    case 'PROBABILITY_MISMATCH':
      return `probability ${flag.probability}% vs stage ${flag.stageDefault}%`;
    case 'COMMIT_TOO_EARLY':
      return `Commit at ${flag.stage}`;
    case 'AMOUNT_DROPPED':
      return `amount ${flag.from} → ${flag.to} (${Math.round(flag.change * 100)}%) since ${flag.since}`;
    case 'OWNER_INACTIVE':
      return `owner ${flag.owner} is inactive`;
  }
}

/** The table's columns, most important with the lowest priority (shared/resultTable.ts). */
const COLUMNS: Array<Column<HygieneDeal>> = [
  { key: 'ownerName', term: 'owner', kind: 'text', value: (d) => d.ownerName, priority: 2, overflow: 'ellipsis' },
  { key: 'name', term: 'deal', kind: 'text', value: (d) => d.name, priority: 1, overflow: 'ellipsis' },
  { key: 'stage', kind: 'text', value: (d) => d.stage, priority: 4, overflow: 'ellipsis' },
  { key: 'closeDate', kind: 'text', value: (d) => d.closeDate, priority: 3 },
  { key: 'amount', kind: 'money', value: (d) => d.amount, priority: 1 },
  {
    key: 'rules',
    term: 'hygieneFlags',
    kind: 'text',
    value: (d) => d.flags.map((f) => f.rule).join(' '),
    priority: 1,
    paint: (text) => ansis.yellow(text),
  },
  {
    key: 'evidence',
    kind: 'text',
    value: (d) => d.flags.map(describeFlag).join('; '),
    priority: 5,
    minWidth: 40,
  },
];

export default class PipelineHygiene extends SalesopsCommand<SalesopsPipelineHygieneResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = withGlossary(
    messages.getMessage('description'),
    COLUMNS.map((c) => c.term ?? c.key),
  );
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    ...readingFlags,
    ...writeFlags,
    // No default: without --period every open deal is checked; with it, only the deals closing in the period.
    period: Flags.string({ char: 'p', summary: messages.getMessage('flags.period.summary') }),
    owner: Flags.string({ summary: messages.getMessage('flags.owner.summary') }),
    rule: Flags.option({
      options: HYGIENE_RULES,
      multiple: true,
      summary: messages.getMessage('flags.rule.summary'),
    })(),
  };

  public async run(): Promise<SalesopsPipelineHygieneResult> {
    const { flags } = await this.parse(PipelineHygiene);
    const loaded = await loadSnapshot({ ...flags, period: flags.period ?? 'current' }, this.spinner);
    // One pass over the won deals for both: the rules' baselines are the benchmarks' typical days.
    const patterns = wonDealPatterns(loaded.snapshot, loaded.asOf);
    const full = pipelineHygiene(loaded.snapshot, {
      period: loaded.period,
      asOf: loaded.asOf,
      closingIn: flags.period === undefined ? null : loaded.period,
      patterns,
    });
    const benchmarks = stageBenchmarks(loaded.snapshot, loaded.asOf, patterns);
    // The benchmarks are org-wide (whatever --owner or --rule show): deal health weighs every deal against them.
    const written = await writeBack(this, flags, 'pipeline hygiene', this.argv, (runId) => [
      {
        sobject: 'SalesOps_Stage_Benchmark__c',
        records: stageBenchmarkRecords(
          {
            period: loaded.period,
            asOf: loaded.asOf,
            currency: loaded.snapshot.corporateCurrency,
            timeZone: loaded.snapshot.timeZone,
            multiCurrency: loaded.snapshot.data.currencyTypes.length > 0,
            benchmarks,
          },
          { runId },
        ),
      },
    ]);
    const owner = flags.owner?.toLowerCase();
    const rules = flags.rule;
    const keep = (d: HygieneDeal) =>
      (owner === undefined || d.ownerId.toLowerCase() === owner || d.ownerName.toLowerCase() === owner) &&
      (rules === undefined || d.flags.some((f) => rules.includes(f.rule)));
    const report: SalesopsPipelineHygieneResult = {
      ...full,
      deals: full.deals.filter(keep),
      owners: full.owners.filter(
        (o) => owner === undefined || o.ownerId.toLowerCase() === owner || o.ownerName.toLowerCase() === owner,
      ),
      benchmarks,
      ...(written ? { written } : {}),
    };
    // Grouped by owner, owners worst first, each owner's deals worst first.
    const rank = new Map(report.owners.map((o, i) => [o.ownerId, i]));
    const rows = [...report.deals].sort((a, b) => (rank.get(a.ownerId) ?? 0) - (rank.get(b.ownerId) ?? 0));
    const counts = HYGIENE_RULES.filter((r) => report.counts[r] > 0).map((r) => `${r} ${report.counts[r]}`);
    await presentResult(
      this,
      loaded,
      {
        columns: COLUMNS,
        rows,
        totals: {
          ownerName: outputMessages.getMessage('total'),
          name: pluralMessage('deals', rows.length, [rows.length.toLocaleString(environmentLocale())]),
          amount: rows.reduce((s, d) => s + (d.amount ?? 0), 0),
        },
      },
      report,
      flags,
      full.closingIn === null
        ? messages.getMessage('title.all')
        : messages.getMessage('title.closingIn', [full.closingIn.label]),
      [
        full.closingIn === null
          ? messages.getMessage('info.CheckedAll', [String(full.checked), loaded.asOf])
          : messages.getMessage('info.CheckedPeriod', [
              String(full.checked),
              full.closingIn.label,
              full.closingIn.start,
              full.closingIn.end,
            ]),
        `Flags: ${counts.length === 0 ? 'none' : counts.join(', ')}.`,
      ],
    );
    return report;
  }
}
