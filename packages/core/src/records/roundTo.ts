/**
 * Rounds to the scale of a Salesforce Number/Currency field, half away from zero and without binary artefacts
 * (1.005 is 1.01, not 1.00; -0.004 is 0, not -0); null stays null. The one rounding of stored records and CSV money,
 * so a figure is the same in both.
 *
 * @example
 * roundTo(1.23456, 4); // 1.2346
 * roundTo(7487957.789195121, 2); // 7487957.79
 */
export function roundTo(value: number | null, scale: number): number | null {
  if (value === null) return null;
  const factor = 10 ** scale;
  const scaled = Math.round(Math.abs(Number((value * factor).toPrecision(15))));
  return (Math.sign(value) * scaled) / factor || 0;
}
