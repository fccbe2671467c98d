import { polynomialRoots } from './polynomialRoots.js';

/**
 * Whether smoothing parameters (state-space form) give a forecastable ETS model, the "admissible" region R's `ets`
 * enforces together with the usual bounds (`forecast:::admissible`): φ in [0, 1]; without seasons
 * 1 − 1/φ < α < 1 + 1/φ and α(φ − 1) < β < (1 + φ)(2 − α); with m seasons the bounds on γ, α and β of Hyndman et al.
 * (2008, ch. 10) and every root of the characteristic polynomial inside the unit circle (|z| ≤ 1 + 1e-10).
 * `beta`/`gamma` are null for models without trend/seasons.
 *
 * @example
 * etsAdmissible(0.5, null, null, 1, 1); // true
 */
export function etsAdmissible(
  alpha: number,
  beta: number | null,
  gamma: number | null,
  phi: number,
  m: number,
): boolean {
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (gamma === null) {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    if (beta !== null && (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha))) return false;
    return true;
  }
  if (m <= 1) return true;
  const b = beta ?? 0;
  if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (b < -(1 - phi) * (gamma / m + alpha)) return false;
  const coefficients = [
    phi * (1 - alpha - gamma),
    alpha + b - alpha * phi + gamma - 1,
    ...new Array<number>(m - 2).fill(alpha + b - alpha * phi),
    alpha + b - phi,
    1,
  ];
  for (const root of polynomialRoots(coefficients)) if (Math.hypot(root.re, root.im) > 1 + 1e-10) return false;
  return true;
}
