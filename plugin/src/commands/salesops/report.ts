import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { readingFlags } from '../../shared/commonFlags.js';
import { revOpsGapWarning, warnAbout } from '../../shared/dataWarnings.js';
import { loadSnapshot } from '../../shared/loadSnapshot.js';
import { reportData, type ReportData } from '../../report/reportData.js';
import { monteCarloPool } from '../../shared/monteCarloPool.js';
import { languageFromEnvironment, REPORT_LANGUAGES, type ReportLanguage } from '../../report/reportLanguage.js';
import { reportCsvFiles } from '../../report/reportCsv.js';
import { renderReportHtml } from '../../report/renderHtml.js';
import { renderReportMarkdown } from '../../report/renderMarkdown.js';
import { REPORT_TERMS } from '../../report/reportDocument.js';
import { withGlossary } from '../../shared/glossary.js';
import { SalesopsCommand } from '../../shared/salesopsCommand.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('@salesops/plugin-salesops', 'salesops.report');

export type SalesopsReportResult = {
  html: string;
  markdown: string;
  /** The full lists behind the pack's top and bottom N: actions.csv, reps.csv, teams.csv. */
  csv: string[];
  language: ReportLanguage;
  data: ReportData;
};

export default class Report extends SalesopsCommand<SalesopsReportResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = withGlossary(messages.getMessage('description'), REPORT_TERMS);
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'target-org': readingFlags['target-org'],
    'api-version': readingFlags['api-version'],
    'data-dir': readingFlags['data-dir'],
    period: readingFlags.period,
    'as-of': readingFlags['as-of'],
    language: Flags.option({
      char: 'l',
      options: REPORT_LANGUAGES,
      summary: messages.getMessage('flags.language.summary'),
    })(),
    'output-dir': Flags.directory({ summary: messages.getMessage('flags.output-dir.summary') }),
    seed: Flags.integer({ default: 42, summary: messages.getMessage('flags.seed.summary') }),
  };

  public async run(): Promise<SalesopsReportResult> {
    const { flags } = await this.parse(Report);
    const language = flags.language ?? languageFromEnvironment();
    const loaded = await loadSnapshot(flags, this.spinner, { lineItems: true, revops: true });
    this.spinner.start(messages.getMessage('spinner.Computing'));
    // The forecast's Monte Carlo draws run in worker threads on a large org (see monteCarloPool).
    const pool = monteCarloPool();
    let computed: Awaited<ReturnType<typeof reportData>>;
    try {
      pool.startFor(loaded.snapshot.data.opportunities.length);
      computed = await reportData(
        loaded.snapshot,
        { period: loaded.period, asOf: loaded.asOf, seed: flags.seed },
        pool.run,
      );
    } finally {
      await pool.close();
    }
    this.spinner.stop();
    // The funnel's and retention's gaps join the read's warnings: on stderr, in --json and in the pack alike.
    const { funnel, retention } = computed.data;
    const warnings = [...loaded.warnings, ...[...funnel.gaps, ...retention.gaps].map(revOpsGapWarning)];
    for (const warning of warnings) warnAbout(this, warning);
    const data: ReportData = { ...computed.data, warnings };
    const dir = resolve(flags['output-dir'] ?? `salesops-report-${loaded.period.label}`);
    await mkdir(dir, { recursive: true });
    const html = join(dir, 'report.html');
    const markdown = join(dir, 'report.md');
    await writeFile(html, renderReportHtml(data, language));
    await writeFile(markdown, renderReportMarkdown(data, language));
    const csv: string[] = [];
    const files = reportCsvFiles({ actions: data.actions, reps: computed.all.reps, org: data.org, teams: data.teams });
    for (const [name, text] of Object.entries(files)) {
      csv.push(join(dir, name));
      await writeFile(join(dir, name), text);
    }
    this.log(messages.getMessage('info.Written', [html, markdown]));
    return { html, markdown, csv, language, data };
  }
}
