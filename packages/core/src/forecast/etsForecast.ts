import type { EtsParameters, EtsSpec } from './etsSpec.js';

/** The upper 90% point of the standard normal, R's `qnorm(0.9)`: P10/P90 are the 80% interval. */
export const NORMAL_Q90 = 1.2815515655446004;

export interface EtsPointForecast {
  /** Point forecasts for steps 1..h. */
  readonly mean: number[];
  /** Forecast variances for steps 1..h. */
  readonly variance: number[];
  /** mean ∓ qnorm(0.9) √variance: the 80% interval, i.e. P10 and P90. */
  readonly lower80: number[];
  readonly upper80: number[];
}

/**
 * Forecasts of an additive-error model (ETS "class 1", Hyndman et al. 2008, ch. 6), as R's `forecast:::class1`
 * computes them from the last state: for step j, μⱼ = ℓ + (φ + … + φʲ) b + s₍ₘ₋₍ⱼ₋₁₎ mod m₎ and
 * vⱼ = σ² (1 + Σᵢ₌₁ʲ⁻¹ cᵢ²) with cᵢ = α + β(φ + … + φⁱ) + γ·[i mod m = 0]. `params.beta` enters as R does:
 * as given (for models of the Holt–Winters recursion form R also plugs β* in here).
 *
 * @example
 * etsForecast({ trend: false, damped: false, seasonal: false, period: 1 },
 *   { alpha: 0.5, beta: 0, gamma: 0, phi: 1 }, [10], 4, 2).variance; // [4, 4 × (1 + 0.25)] = [4, 5]
 */
export function etsForecast(
  spec: EtsSpec,
  params: EtsParameters,
  finalState: ArrayLike<number>,
  sigma2: number,
  h: number,
): EtsPointForecast {
  const m = spec.seasonal ? spec.period : 1;
  const phi = spec.trend ? (spec.damped ? params.phi : 1) : 0;
  const level = finalState[0] as number;
  const trend = spec.trend ? (finalState[1] as number) : 0;
  const seasonStart = spec.trend ? 2 : 1;
  const mean: number[] = [];
  const variance: number[] = [];
  const lower80: number[] = [];
  const upper80: number[] = [];
  let phiSum = 0; // φ + φ² + … + φʲ
  let phiPower = 1;
  let cumulative = 0; // Σ cᵢ² for i < j
  for (let j = 1; j <= h; j++) {
    phiPower *= phi;
    phiSum += phiPower;
    const season = spec.seasonal ? (finalState[seasonStart + m - 1 - ((j - 1) % m)] as number) : 0;
    const mu = level + (spec.trend ? phiSum * trend : 0) + season;
    const v = sigma2 * (1 + cumulative);
    const c =
      params.alpha + (spec.trend ? params.beta * phiSum : 0) + (spec.seasonal && j % m === 0 ? params.gamma : 0);
    cumulative += c * c;
    const margin = Math.sqrt(v) * NORMAL_Q90;
    mean.push(mu);
    variance.push(v);
    lower80.push(mu - margin);
    upper80.push(mu + margin);
  }
  return { mean, variance, lower80, upper80 };
}
