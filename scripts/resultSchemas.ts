/**
 * JSON Schemas of the `--json` results, generated from the result types the commands export (one source of truth).
 * `npm run json-schemas` writes them to plugin/schemas/; test/resultSchemas.test.ts proves the committed files are
 * current, and the plugin tests validate real command output against them.
 */
import { join } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';

const root = join(import.meta.dirname, '..');

/** Command id → [source file, exported result type]. */
export const RESULT_TYPES: Record<string, [string, string]> = {
  'salesops-forecast': ['forecast.ts', 'SalesopsForecastResult'],
  'salesops-forecast-accuracy': ['forecast/accuracy.ts', 'SalesopsForecastAccuracyResult'],
  'salesops-reps-compare': ['reps/compare.ts', 'SalesopsRepsCompareResult'],
  'salesops-territory-coverage': ['territory/coverage.ts', 'SalesopsTerritoryCoverageResult'],
  'salesops-pipeline-hygiene': ['pipeline/hygiene.ts', 'SalesopsPipelineHygieneResult'],
  'salesops-pipeline-changes': ['pipeline/changes.ts', 'SalesopsPipelineChangesResult'],
  'salesops-comp-payout': ['comp/payout.ts', 'SalesopsCompPayoutResult'],
  'salesops-org-check': ['org/check.ts', 'SalesopsOrgCheckResult'],
  'salesops-funnel': ['funnel.ts', 'SalesopsFunnelResult'],
  'salesops-revenue-retention': ['revenue/retention.ts', 'SalesopsRevenueRetentionResult'],
  'salesops-report': ['report.ts', 'SalesopsReportResult'],
  'salesops-sync': ['sync.ts', 'SalesopsSyncResult'],
};

/** Every schema as the text committed in plugin/schemas/<command>.json. */
export function resultSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [command, [file, type]] of Object.entries(RESULT_TYPES)) {
    const generator = createGenerator({
      path: join(root, 'plugin/src/commands/salesops', file),
      tsconfig: join(root, 'plugin/tsconfig.json'),
      type,
      skipTypeCheck: true,
      additionalProperties: false,
      expose: 'export',
    });
    files.set(`plugin/schemas/${command}.json`, JSON.stringify(generator.createSchema(type), null, 2) + '\n');
  }
  return files;
}
