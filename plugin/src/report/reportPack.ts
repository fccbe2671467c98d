import { context, withGlossaries, type Context, type Section } from './reportDocument.js';
import { formatters } from './reportFormat.js';
import type { ReportLanguage } from './reportLanguage.js';
import { bodySections } from './reportSections.js';
import { summarySection } from './reportSummary.js';
import type { ReportData } from './reportTypes.js';

/** The pack in one language, as sections of blocks: the summary first, then what the data lacks, then the rest. */
export function reportDocument(
  data: ReportData,
  language: ReportLanguage,
): { title: string; subtitle: string; sections: Section[] } {
  const c = context(language, formatters(language, data.currency));
  const { t, f } = c;
  const sections = [summarySection(data, c), ...warningsSection(data, c), ...bodySections(data, c)];
  return {
    title: `${t('title')} — ${data.organization}`,
    subtitle: t(
      'subtitle',
      data.period.label,
      f.date(data.period.start),
      f.date(data.period.end),
      f.date(data.asOf),
      data.currency,
    ),
    sections: withGlossaries(sections, c),
  };
}

/** Codes the report words in every language; others keep the command's own (English) message. */
const WORDED = new Set([
  'NO_OPPORTUNITY_HISTORY',
  'NO_OPPORTUNITY_STAGE',
  'NO_QUOTAS',
  'NO_QUOTAS_IN_PERIOD',
  'AS_OF_AFTER_DATA',
  'PARTIAL_VISIBILITY',
]);

function warningsSection(data: ReportData, { t }: Context): Section[] {
  const warnings = data.warnings ?? [];
  if (warnings.length === 0) return [];
  const items = warnings.map((w) => {
    const text = WORDED.has(w.code) ? t(`warning.${w.code}`) : w.message;
    return w.affects.length > 0
      ? `${w.code}: ${text} ${t('warnings.affects', w.affects.join(', '))}`
      : `${w.code}: ${text}`;
  });
  return [{ id: 'warnings', title: t('warnings.title'), blocks: [{ type: 'list', items }] }];
}
