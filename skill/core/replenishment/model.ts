/**
 * A small logistic model of "will this previously bought product be in the next order". It is trained on
 * the customers' own past orders (predict order k from orders before k), which needs no future data, and
 * serialises as a few dozen numbers.
 */
import { ReplenishmentInputError } from './errors';
import { FEATURE_NAMES } from './features';
import { logit, sigmoid } from './stats';

export interface ReorderModel {
  version: 1;
  features: string[];
  /** Standardisation of each feature, learned with the weights. */
  means: number[];
  scales: number[];
  intercept: number;
  weights: number[];
}

/** Training examples stored row-major: `features.length / FEATURE_NAMES.length` rows. */
export interface TrainingSet {
  features: Float32Array | Float64Array;
  labels: Uint8Array;
  rows: number;
}

export interface TrainingOptions {
  /** L2 penalty on the standardised weights. */
  l2?: number;
  iterations?: number;
  /** Stop when no standardised weight moves more than this. */
  tolerance?: number;
}

const WIDTH = FEATURE_NAMES.length;

/** Solves a symmetric positive definite system in place (Cholesky); the penalty keeps it definite. */
function solve(matrix: Float64Array, rhs: Float64Array, size: number): Float64Array {
  const l = new Float64Array(size * size);
  for (let i = 0; i < size; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = matrix[i * size + j]!;
      for (let k = 0; k < j; k += 1) sum -= l[i * size + k]! * l[j * size + k]!;
      l[i * size + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j * size + j]!;
    }
  }
  const y = new Float64Array(size);
  for (let i = 0; i < size; i += 1) {
    let sum = rhs[i]!;
    for (let k = 0; k < i; k += 1) sum -= l[i * size + k]! * y[k]!;
    y[i] = sum / l[i * size + i]!;
  }
  const x = new Float64Array(size);
  for (let i = size - 1; i >= 0; i -= 1) {
    let sum = y[i]!;
    for (let k = i + 1; k < size; k += 1) sum -= l[k * size + i]! * x[k]!;
    x[i] = sum / l[i * size + i]!;
  }
  return x;
}

/** Penalised Newton (IRLS) on standardised features: converges in a handful of passes for this size. */
export function trainReorderModel(set: TrainingSet, options: TrainingOptions = {}): ReorderModel {
  const { rows, features, labels } = set;
  if (rows < 10) throw new ReplenishmentInputError(`a reorder model needs at least 10 training examples, got ${rows}`);
  const l2 = options.l2 ?? 1;
  const iterations = options.iterations ?? 8;
  const tolerance = options.tolerance ?? 1e-3;
  const means = new Array<number>(WIDTH).fill(0);
  const scales = new Array<number>(WIDTH).fill(0);
  for (let r = 0; r < rows; r += 1) for (let j = 0; j < WIDTH; j += 1) means[j]! += features[r * WIDTH + j]!;
  for (let j = 0; j < WIDTH; j += 1) means[j]! /= rows;
  for (let r = 0; r < rows; r += 1)
    for (let j = 0; j < WIDTH; j += 1) scales[j]! += (features[r * WIDTH + j]! - means[j]!) ** 2;
  for (let j = 0; j < WIDTH; j += 1) scales[j] = Math.sqrt(scales[j]! / rows) || 1;

  const size = WIDTH + 1; // slot 0 is the intercept
  const beta = new Float64Array(size);
  // Starting from the base rate saves the first Newton steps, which would only move the intercept.
  let positives = 0;
  for (let r = 0; r < rows; r += 1) positives += labels[r]!;
  beta[0] = logit(positives / rows);
  const x = new Float64Array(size);
  const previous = new Float64Array(size);
  const step = new Float64Array(size);
  let previousObjective = Number.NEGATIVE_INFINITY;
  let halvings = 0;
  let steps = 0;
  for (let pass = 0; steps < iterations && pass < iterations * 4; pass += 1) {
    const hessian = new Float64Array(size * size);
    const gradient = new Float64Array(size);
    let objective = 0;
    for (let r = 0; r < rows; r += 1) {
      x[0] = 1;
      let eta = beta[0]!;
      for (let j = 0; j < WIDTH; j += 1) {
        x[j + 1] = (features[r * WIDTH + j]! - means[j]!) / scales[j]!;
        eta += beta[j + 1]! * x[j + 1]!;
      }
      const p = sigmoid(eta);
      objective += labels[r] === 1 ? Math.log(Math.max(p, 1e-300)) : Math.log(Math.max(1 - p, 1e-300));
      const w = Math.max(p * (1 - p), 1e-9);
      const residual = labels[r]! - p;
      for (let i = 0; i < size; i += 1) {
        gradient[i]! += residual * x[i]!;
        const wx = w * x[i]!;
        for (let j = 0; j <= i; j += 1) hessian[i * size + j]! += wx * x[j]!;
      }
    }
    for (let i = 1; i < size; i += 1) objective -= 0.5 * l2 * beta[i]! * beta[i]!;
    // Newton on correlated features can overshoot: a step that lowers the penalised likelihood is halved.
    if (objective < previousObjective && halvings < 10) {
      halvings += 1;
      for (let i = 0; i < size; i += 1) {
        step[i] = step[i]! / 2;
        beta[i] = previous[i]! + step[i]!;
      }
      continue;
    }
    halvings = 0;
    previousObjective = objective;
    for (let i = 1; i < size; i += 1) {
      gradient[i]! -= l2 * beta[i]!;
      hessian[i * size + i]! += l2;
    }
    hessian[0]! += 1e-6;
    for (let i = 0; i < size; i += 1) for (let j = i + 1; j < size; j += 1) hessian[i * size + j] = hessian[j * size + i]!;
    step.set(solve(hessian, gradient, size));
    steps += 1;
    previous.set(beta);
    let change = 0;
    for (let i = 0; i < size; i += 1) {
      beta[i]! += step[i]!;
      change = Math.max(change, Math.abs(step[i]!));
    }
    if (change < tolerance) break;
  }
  return {
    version: 1,
    features: [...FEATURE_NAMES],
    means,
    scales,
    intercept: beta[0]!,
    weights: Array.from(beta.subarray(1)),
  };
}

/** Checks that a stored model matches this code's features, so a stale model fails loudly, not silently. */
export function assertModelFits(model: ReorderModel): void {
  if (model.version !== 1 || model.features.length !== WIDTH || model.features.some((name, i) => name !== FEATURE_NAMES[i])) {
    throw new ReplenishmentInputError('the reorder model was trained on other features; retrain it');
  }
}

export function reorderProbability(model: ReorderModel, features: Float64Array): number {
  let eta = model.intercept;
  for (let j = 0; j < WIDTH; j += 1) eta += model.weights[j]! * ((features[j]! - model.means[j]!) / model.scales[j]!);
  return sigmoid(eta);
}
