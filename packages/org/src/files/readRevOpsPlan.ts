import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseRevOpsPlan, RevOpsPlanError, type RevOpsPlan } from '@salesops/core';

/**
 * Reads a revenue-operations plan (sales cost, gross margin, marketing's lead sources) from a `.json`, `.yaml` or
 * `.yml` file and validates it. Both are read with the YAML parser (JSON is YAML), so every error names the file, the
 * line and the field: `plan.yaml is not a valid revenue-operations plan: line 3, grossMargin: …`.
 *
 * @example
 * const plan = await readRevOpsPlan('revops-plan.yaml');
 */
export async function readRevOpsPlan(path: string): Promise<RevOpsPlan> {
  if (!['.json', '.yaml', '.yml'].includes(extname(path).toLowerCase())) {
    throw new RevOpsPlanError(path, [{ path: [], message: 'use a .json, .yaml or .yml plan file' }]);
  }
  const text = await readFile(path, 'utf8');
  // Imported on use: every sf command imports this package, and only `revops` reads a plan.
  const { isNode, LineCounter, parseDocument } = await import('yaml');
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (document.errors.length > 0) {
    throw new RevOpsPlanError(
      path,
      document.errors.map((e) => ({
        path: [],
        message: `not valid ${extname(path).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${e.message.split('\n')[0]}`,
        line: lines.linePos(e.pos[0]).line,
      })),
    );
  }
  // The line of the deepest node of the path that exists (a missing field: its parent's line).
  const lineOf = (fieldPath: ReadonlyArray<string | number>) => {
    for (let n = fieldPath.length; n >= 0; n--) {
      const node = n === 0 ? document.contents : document.getIn(fieldPath.slice(0, n), true);
      if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return parseRevOpsPlan(document.toJS(), path, lineOf);
}
