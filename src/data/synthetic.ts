/**
 * Synthetic classification sets with scikit-learn's semantics (make_classification, make_moons,
 * make_circles): the same parameters and the same construction, on actfn's seeded generator (so
 * the numbers differ from numpy's for a given seed, and agree across actfn's backends).
 */
import { Random, freshSeed } from '../random.js';
import { Tensor2D } from '../nn/tensor.js';
import { checkOptions, type OptionNames } from '../options.js';
import { showValue } from '../validate.js';

export interface LabelledSet {
  x: Tensor2D;
  y: Int32Array;
}

function requireInt(value: number, name: string, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer >= ${min}, got ${showValue(value)}`);
  return value;
}
function requireNonNegative(value: number, name: string): number {
  if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${name} must be a finite number >= 0, got ${showValue(value)}`);
  return value;
}

/** Rows and labels permuted together. */
function shuffleRows(x: Float32Array, y: Int32Array, cols: number, random: Random): void {
  const order = random.permutation(y.length);
  const xs = x.slice();
  const ys = y.slice();
  order.forEach((from, to) => {
    x.set(xs.subarray(from * cols, (from + 1) * cols), to * cols);
    y[to] = ys[from];
  });
}

export interface MakeClassificationOptions {
  nSamples?: number;
  nFeatures?: number;
  nInformative?: number;
  nRedundant?: number;
  nRepeated?: number;
  nClasses?: number;
  nClustersPerClass?: number;
  /** Fraction of labels replaced by random ones (noise). */
  flipY?: number;
  classSep?: number;
  /** Clusters on the vertices of a hypercube (true) or of a random polytope (false). */
  hypercube?: boolean;
  shift?: number;
  scale?: number;
  shuffle?: boolean;
  seed?: number;
}
const CLASSIFICATION_OPTIONS: OptionNames<MakeClassificationOptions> = {
  nSamples: true, nFeatures: true, nInformative: true, nRedundant: true, nRepeated: true, nClasses: true, nClustersPerClass: true,
  flipY: true, classSep: true, hypercube: true, shift: true, scale: true, shuffle: true, seed: true,
};

/**
 * Gaussian clusters of points about the vertices of a hypercube with sides 2 classSep, in the
 * first nInformative features, each cluster given a random covariance; then nRedundant random
 * linear combinations of those, nRepeated copies of earlier features, and standard-normal noise
 * features; labels flipped with probability flipY; features and samples shuffled.
 */
export function makeClassification(options: MakeClassificationOptions = {}): LabelledSet {
  checkOptions(options, 'makeClassification()', CLASSIFICATION_OPTIONS);
  const n = requireInt(options.nSamples ?? 100, 'nSamples', 1);
  const nFeatures = requireInt(options.nFeatures ?? 20, 'nFeatures', 1);
  const nInformative = requireInt(options.nInformative ?? 2, 'nInformative', 1);
  const nRedundant = requireInt(options.nRedundant ?? 2, 'nRedundant', 0);
  const nRepeated = requireInt(options.nRepeated ?? 0, 'nRepeated', 0);
  const nClasses = requireInt(options.nClasses ?? 2, 'nClasses', 1);
  const perClass = requireInt(options.nClustersPerClass ?? 2, 'nClustersPerClass', 1);
  const flipY = requireNonNegative(options.flipY ?? 0.01, 'flipY');
  const classSep = requireNonNegative(options.classSep ?? 1, 'classSep');
  const shift = options.shift ?? 0;
  const scale = options.scale ?? 1;
  if (nInformative + nRedundant + nRepeated > nFeatures) {
    throw new RangeError(`nInformative + nRedundant + nRepeated (${nInformative + nRedundant + nRepeated}) must be <= nFeatures (${nFeatures})`);
  }
  const nClusters = nClasses * perClass;
  if (nInformative < 31 && nClusters > 2 ** nInformative) {
    throw new RangeError(`nClasses * nClustersPerClass (${nClusters}) must be <= 2^nInformative (${2 ** nInformative})`);
  }
  const random = new Random(options.seed ?? freshSeed());
  const x = new Float32Array(n * nFeatures);
  const y = new Int32Array(n);
  const at = (r: number, c: number) => r * nFeatures + c;

  // Cluster sizes: equal shares, the remainder to the first clusters.
  const sizes = Array.from({ length: nClusters }, (_, k) => Math.floor(n / nClusters) + (k < n % nClusters ? 1 : 0));
  // Distinct hypercube vertices (bit patterns), scaled to +-classSep.
  const vertices = new Set<number>();
  while (vertices.size < nClusters) vertices.add(nInformative >= 31 ? random.uint32() : random.int(2 ** nInformative));
  const centroids = [...vertices].map((v) => Array.from({ length: nInformative }, (_, d) => ((Math.floor(v / 2 ** d) % 2) * 2 - 1) * classSep));
  if (!(options.hypercube ?? true)) {
    // A random polytope instead: each cluster and each informative axis scaled by U(0, 1).
    const axes = Array.from({ length: nInformative }, () => random.next());
    for (const c of centroids) {
      const f = random.next();
      for (let d = 0; d < nInformative; d++) c[d] *= f * axes[d];
    }
  }

  let start = 0;
  for (let k = 0; k < nClusters; k++) {
    const end = start + sizes[k];
    // A random linear map gives the cluster its covariance.
    const a = Array.from({ length: nInformative * nInformative }, () => 2 * random.next() - 1);
    const z = new Float64Array(nInformative);
    for (let r = start; r < end; r++) {
      y[r] = k % nClasses;
      for (let d = 0; d < nInformative; d++) z[d] = random.normal();
      for (let j = 0; j < nInformative; j++) {
        let s = 0;
        for (let d = 0; d < nInformative; d++) s += z[d] * a[d * nInformative + j];
        x[at(r, j)] = s + centroids[k][j];
      }
    }
    start = end;
  }
  if (nRedundant > 0) {
    const b = Array.from({ length: nInformative * nRedundant }, () => 2 * random.next() - 1);
    for (let r = 0; r < n; r++) {
      for (let j = 0; j < nRedundant; j++) {
        let s = 0;
        for (let d = 0; d < nInformative; d++) s += x[at(r, d)] * b[d * nRedundant + j];
        x[at(r, nInformative + j)] = s;
      }
    }
  }
  const filled = nInformative + nRedundant;
  for (let j = 0; j < nRepeated; j++) {
    const source = random.int(filled);
    for (let r = 0; r < n; r++) x[at(r, filled + j)] = x[at(r, source)];
  }
  for (let c = filled + nRepeated; c < nFeatures; c++) for (let r = 0; r < n; r++) x[at(r, c)] = random.normal();
  if (flipY > 0) for (let r = 0; r < n; r++) if (random.next() < flipY) y[r] = random.int(nClasses);
  for (let i = 0; i < x.length; i++) x[i] = (x[i] + shift) * scale;

  if (options.shuffle ?? true) {
    shuffleRows(x, y, nFeatures, random);
    const order = random.permutation(nFeatures);
    const row = new Float32Array(nFeatures);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < nFeatures; c++) row[c] = x[at(r, order[c])];
      x.set(row, r * nFeatures);
    }
  }
  return { x: new Tensor2D(x, n, nFeatures), y };
}

export interface MoonsCirclesOptions {
  /** Standard deviation of Gaussian noise added to every coordinate. */
  noise?: number;
  shuffle?: boolean;
  seed?: number;
}
const MOONS_OPTIONS: OptionNames<MoonsCirclesOptions> = { noise: true, shuffle: true, seed: true };

export interface CirclesOptions extends MoonsCirclesOptions {
  /** Radius of the inner circle, the outer one's being 1. */
  factor?: number;
}
const CIRCLES_OPTIONS: OptionNames<CirclesOptions> = { ...MOONS_OPTIONS, factor: true };

function twoCurves(nSamples: number, options: MoonsCirclesOptions, outer: (i: number, n: number) => [number, number], inner: (i: number, n: number) => [number, number]): LabelledSet {
  const n = requireInt(nSamples, 'nSamples', 2);
  const noise = requireNonNegative(options.noise ?? 0, 'noise');
  const random = new Random(options.seed ?? freshSeed());
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const x = new Float32Array(2 * n);
  const y = new Int32Array(n);
  for (let i = 0; i < nOut; i++) [x[2 * i], x[2 * i + 1]] = outer(i, nOut);
  for (let i = 0; i < nIn; i++) {
    [x[2 * (nOut + i)], x[2 * (nOut + i) + 1]] = inner(i, nIn);
    y[nOut + i] = 1;
  }
  if (noise > 0) for (let i = 0; i < x.length; i++) x[i] += noise * random.normal();
  if (options.shuffle ?? true) shuffleRows(x, y, 2, random);
  return { x: new Tensor2D(x, n, 2), y };
}

/** Two interleaving half circles (label 0: upper, 1: lower, shifted). */
export function makeMoons(nSamples = 100, options: MoonsCirclesOptions = {}): LabelledSet {
  checkOptions(options, 'makeMoons()', MOONS_OPTIONS);
  const angle = (i: number, m: number) => (m > 1 ? (Math.PI * i) / (m - 1) : 0);
  return twoCurves(nSamples, options,
    (i, m) => [Math.cos(angle(i, m)), Math.sin(angle(i, m))],
    (i, m) => [1 - Math.cos(angle(i, m)), 0.5 - Math.sin(angle(i, m))]);
}

/** A circle inside a circle (label 0: outer, 1: inner, radius `factor`). */
export function makeCircles(nSamples = 100, options: CirclesOptions = {}): LabelledSet {
  checkOptions(options, 'makeCircles()', CIRCLES_OPTIONS);
  const factor = options.factor ?? 0.8;
  if (!(typeof factor === 'number' && factor >= 0 && factor < 1)) throw new RangeError(`factor must be in [0, 1), got ${showValue(factor)}`);
  const angle = (i: number, m: number) => (2 * Math.PI * i) / m;
  return twoCurves(nSamples, options,
    (i, m) => [Math.cos(angle(i, m)), Math.sin(angle(i, m))],
    (i, m) => [factor * Math.cos(angle(i, m)), factor * Math.sin(angle(i, m))]);
}
