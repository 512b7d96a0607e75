/** What comes between loading data and fitting: splitting, scaling and encoding. */
import { Random, freshSeed } from '../random.js';
import { Tensor2D } from '../nn/tensor.js';
import { checkOptions, type OptionNames } from '../options.js';
import { showValue, describeValue } from '../validate.js';

export interface TrainTestSplitOptions {
  /** Fraction of samples for the test set (0..1), or a count. Default 0.25. */
  testSize?: number;
  /** Labels to stratify by: each class keeps its share in both parts. */
  stratify?: ArrayLike<number>;
  shuffle?: boolean;
  seed?: number;
}
const SPLIT_OPTIONS: OptionNames<TrainTestSplitOptions> = { testSize: true, stratify: true, shuffle: true, seed: true };

export interface Split<Y> {
  xTrain: Tensor2D;
  xTest: Tensor2D;
  yTrain: Y;
  yTest: Y;
}

type Labels = Int32Array | Float32Array | Tensor2D;

function take<Y extends Labels>(y: Y, indices: Int32Array): Y {
  if (y instanceof Tensor2D) return y.gather(indices) as Y;
  const out = new (y.constructor as Int32ArrayConstructor | Float32ArrayConstructor)(indices.length);
  indices.forEach((from, to) => (out[to] = y[from]));
  return out as Y;
}

/** How many test samples: scikit-learn's rule (ceil of a fraction, or an explicit count). */
function testCount(n: number, testSize: number): number {
  const count = testSize < 1 ? Math.ceil(testSize * n) : testSize;
  if (!(testSize > 0) || !Number.isInteger(count) || count >= n) {
    throw new RangeError(`testSize must be a fraction in (0, 1) or a count in [1, ${n - 1}], got ${showValue(testSize)}`);
  }
  return count;
}

function requireTensor(x: unknown, name: string): asserts x is Tensor2D {
  if (!(x instanceof Tensor2D)) throw new TypeError(`${name} must be a Tensor2D (tensor2d(rows) makes one), got ${describeValue(x)}`);
}

/** Splits samples (and their labels, row for row) into train and test parts, as scikit-learn does. */
export function trainTestSplit<Y extends Labels>(x: Tensor2D, y: Y, options: TrainTestSplitOptions = {}): Split<Y> {
  checkOptions(options, 'trainTestSplit()', SPLIT_OPTIONS);
  requireTensor(x, 'x');
  if (!(y instanceof Tensor2D) && !Array.isArray(y) && !ArrayBuffer.isView(y)) throw new TypeError(`y must be an array, a typed array or a Tensor2D, got ${describeValue(y)}`);
  const n = x.rows;
  const yRows = y instanceof Tensor2D ? y.rows : y.length;
  if (yRows !== n) throw new RangeError(`y must have one label per sample of x (${n}), got ${yRows}`);
  const nTest = testCount(n, options.testSize ?? 0.25);
  const random = new Random(options.seed ?? freshSeed());
  const shuffle = options.shuffle ?? true;
  let train: number[];
  let test: number[];
  if (options.stratify) {
    if (!shuffle) throw new RangeError('stratify needs shuffle: true');
    if (options.stratify.length !== n) throw new RangeError(`stratify must have one label per sample (${n}), got ${options.stratify.length}`);
    const byClass = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const label = options.stratify[i];
      if (!byClass.has(label)) byClass.set(label, []);
      byClass.get(label)!.push(i);
    }
    // Each class's test share by largest remainder, so the shares add up to nTest exactly.
    const classes = [...byClass.keys()].sort((a, b) => a - b);
    const exact = classes.map((c) => (byClass.get(c)!.length * nTest) / n);
    const counts = exact.map(Math.floor);
    const order = classes.map((_, i) => i).sort((a, b) => exact[b] - Math.floor(exact[b]) - (exact[a] - Math.floor(exact[a])) || a - b);
    for (let k = 0; k < nTest - counts.reduce((s, c) => s + c, 0); k++) counts[order[k]]++;
    train = [];
    test = [];
    classes.forEach((c, i) => {
      const members = random.shuffle(byClass.get(c)!.slice());
      test.push(...members.slice(0, counts[i]));
      train.push(...members.slice(counts[i]));
    });
    random.shuffle(train);
    random.shuffle(test);
  } else {
    const order = shuffle ? Array.from(random.permutation(n)) : Array.from({ length: n }, (_, i) => i);
    train = order.slice(0, n - nTest);
    test = order.slice(n - nTest);
  }
  const trainIdx = Int32Array.from(train);
  const testIdx = Int32Array.from(test);
  return { xTrain: x.gather(trainIdx), xTest: x.gather(testIdx), yTrain: take(y, trainIdx), yTest: take(y, testIdx) };
}

/** Per-feature standardisation (x - mean) / std, fitted on training data only. */
export interface StandardScaler {
  readonly mean: Float64Array | null;
  readonly scale: Float64Array | null;
  fit(x: Tensor2D): StandardScaler;
  transform(x: Tensor2D): Tensor2D;
  fitTransform(x: Tensor2D): Tensor2D;
  inverseTransform(x: Tensor2D): Tensor2D;
}

/** A StandardScaler like scikit-learn's: population std (ddof 0); constant features keep scale 1. */
export function standardScaler(): StandardScaler {
  let mean: Float64Array | null = null;
  let scale: Float64Array | null = null;
  const fitted = (x: Tensor2D, what: string) => {
    if (!mean || !scale) throw new Error(`standardScaler: call fit before ${what}`);
    if (x.cols !== mean.length) throw new RangeError(`x must have ${mean.length} features like the data the scaler was fitted on, got ${x.cols}`);
    return { mean, scale };
  };
  const scaler: StandardScaler = {
    get mean() {
      return mean;
    },
    get scale() {
      return scale;
    },
    fit(x) {
      requireTensor(x, 'x');
      if (x.rows < 1) throw new RangeError('x must have at least one sample to fit a scaler');
      const m = new Float64Array(x.cols);
      const s = new Float64Array(x.cols);
      for (let r = 0; r < x.rows; r++) for (let c = 0; c < x.cols; c++) m[c] += x.data[r * x.cols + c];
      for (let c = 0; c < x.cols; c++) m[c] /= x.rows;
      for (let r = 0; r < x.rows; r++) {
        for (let c = 0; c < x.cols; c++) {
          const d = x.data[r * x.cols + c] - m[c];
          s[c] += d * d;
        }
      }
      for (let c = 0; c < x.cols; c++) s[c] = Math.sqrt(s[c] / x.rows) || 1;
      mean = m;
      scale = s;
      return scaler;
    },
    transform(x) {
      const p = fitted(x, 'transform');
      const out = new Float32Array(x.data.length);
      for (let i = 0; i < out.length; i++) out[i] = (x.data[i] - p.mean[i % x.cols]) / p.scale[i % x.cols];
      return new Tensor2D(out, x.rows, x.cols);
    },
    fitTransform(x) {
      return scaler.fit(x).transform(x);
    },
    inverseTransform(x) {
      const p = fitted(x, 'inverseTransform');
      const out = new Float32Array(x.data.length);
      for (let i = 0; i < out.length; i++) out[i] = x.data[i] * p.scale[i % x.cols] + p.mean[i % x.cols];
      return new Tensor2D(out, x.rows, x.cols);
    },
  };
  return scaler;
}

/** Integer labels as one-hot rows (n x numClasses). */
export function oneHot(labels: ArrayLike<number>, numClasses?: number): Tensor2D {
  if (!Array.isArray(labels) && !ArrayBuffer.isView(labels)) throw new TypeError(`labels must be an array or a typed array, got ${describeValue(labels)}`);
  let k = numClasses;
  if (k === undefined) {
    k = 0;
    for (let i = 0; i < labels.length; i++) k = Math.max(k, labels[i] + 1);
  }
  if (!Number.isInteger(k) || k < 1 || k > 2 ** 24) throw new RangeError(`numClasses must be an integer from 1 to 2^24, got ${showValue(k)}`);
  const out = new Float32Array(labels.length * k);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (!Number.isInteger(label) || label < 0 || label >= k) throw new RangeError(`labels[${i}] must be an integer in [0, ${k - 1}], got ${showValue(label)}`);
    out[i * k + label] = 1;
  }
  return new Tensor2D(out, labels.length, k);
}
