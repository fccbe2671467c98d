/**
 * Rounds to the scale of a Salesforce Number/Currency field (half away from zero); null stays null.
 *
 * @example
 * roundTo(1.23456, 4); // 1.2346
 */
export function roundTo(value: number | null, scale: number): number | null {
  if (value === null) return null;
  const factor = 10 ** scale;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
}
