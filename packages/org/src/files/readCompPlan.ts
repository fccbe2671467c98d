import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { CompPlanError, parseCompPlan, type CompPlan } from '@salesops/core';

/**
 * Reads a compensation plan from a `.json`, `.yaml` or `.yml` file and validates it (`CompPlanError` names the
 * file and every bad field; a syntax error names the file, line and column).
 *
 * @example
 * const plan = await readCompPlan('packages/core/comp-plans/ae-75-25.yaml');
 */
export async function readCompPlan(path: string): Promise<CompPlan> {
  const text = await readFile(path, 'utf8');
  const extension = extname(path).toLowerCase();
  let input: unknown;
  if (extension === '.json') {
    try {
      input = JSON.parse(text);
    } catch (e) {
      throw new CompPlanError(path, [{ path: '(file)', message: `not valid JSON: ${(e as Error).message}` }]);
    }
  } else if (extension === '.yaml' || extension === '.yml') {
    const { parseDocument } = await import('yaml'); // on use: every sf command imports this package, few read plans
    const document = parseDocument(text, { prettyErrors: true });
    if (document.errors.length > 0) {
      throw new CompPlanError(
        path,
        document.errors.map((e) => ({
          path: `(line ${e.linePos?.[0]?.line ?? '?'}, column ${e.linePos?.[0]?.col ?? '?'})`,
          message: `not valid YAML: ${e.message.split('\n')[0] ?? e.code}`,
        })),
      );
    }
    input = document.toJS();
  } else {
    throw new CompPlanError(path, [{ path: '(file)', message: 'use a .json, .yaml or .yml plan file' }]);
  }
  return parseCompPlan(input, path);
}
