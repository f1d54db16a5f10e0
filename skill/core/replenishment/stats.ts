/** Small numeric helpers: running moments, the normal CDF, the logistic link. No dependencies on purpose. */

/** Count, mean and sum of squared deviations (Welford): updatable in O(1) and storable as three numbers. */
export interface RunningMoments {
  n: number;
  mean: number;
  m2: number;
}

export const EMPTY_MOMENTS: RunningMoments = Object.freeze({ n: 0, mean: 0, m2: 0 });

export function addObservation(moments: RunningMoments, x: number): RunningMoments {
  const n = moments.n + 1;
  const delta = x - moments.mean;
  const mean = moments.mean + delta / n;
  return { n, mean, m2: moments.m2 + delta * (x - mean) };
}

/** Sample variance, or undefined below two observations. */
export function sampleVariance(moments: RunningMoments): number | undefined {
  return moments.n >= 2 ? moments.m2 / (moments.n - 1) : undefined;
}

/** Abramowitz–Stegun 7.1.26 via erf: error below 1.5e-7, plenty for a probability of running out. */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

export function logit(p: number): number {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
}

export function clamp(x: number, low: number, high: number): number {
  return x < low ? low : x > high ? high : x;
}
