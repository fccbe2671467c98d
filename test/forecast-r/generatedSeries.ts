import { seededRandom } from '@salesops/core';

/**
 * A deterministic corpus of synthetic bookings-like series, so that the fitted models are compared with R on more
 * than the classic datasets: quarterly, monthly and yearly series of 12 to 60 points with a level, a trend (some
 * damped), additive seasonality and noise, all positive. The same seed gives the same series.
 */
export function generatedSeries(count: number, seed = 2026): Record<string, { frequency: number; values: number[] }> {
  const random = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const out: Record<string, { frequency: number; values: number[] }> = {};
  for (let k = 0; k < count; k++) {
    const frequency = [4, 12, 1][k % 3] as number;
    const n = frequency === 12 ? 30 + ((k * 7) % 31) : 12 + ((k * 5) % 29);
    const level = 200 + random() * 2000;
    const slope = (random() - 0.3) * level * 0.02;
    const damping = random() < 0.3 ? 0.9 : 1;
    const season = Array.from({ length: frequency }, () => (random() - 0.5) * level * 0.3);
    const noise = level * (0.02 + random() * 0.08);
    const values: number[] = [];
    let trend = 0;
    for (let t = 0; t < n; t++) {
      trend = trend * damping + slope;
      values.push(
        Math.max(1, Math.round((level + trend + (season[t % frequency] as number) + noise * normal()) * 100) / 100),
      );
    }
    out[`gen${String(k).padStart(3, '0')}`] = { frequency, values };
  }
  return out;
}
