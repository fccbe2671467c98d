import type { Value } from '../data/values.js';

/**
 * Orders two stored values: null first, numbers numerically, false before true, everything else by its text
 * (callers lower-case text first where SOQL compares case-insensitively).
 */
export function compareValues(a: Value, b: Value): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a ? 1 : -1;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** Whether `compareValues(a, b)`'s result satisfies a range operator: `a < b`, `a <= b`, `a > b` or `a >= b`. */
export function orderSatisfies(operator: string, order: number): boolean {
  return operator === '<' ? order < 0 : operator === '<=' ? order <= 0 : operator === '>' ? order > 0 : order >= 0;
}
