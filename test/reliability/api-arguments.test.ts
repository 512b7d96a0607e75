import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as actfn from '../../src/index.js';
import { fuzzRuns } from '../support/fuzz.js';

/**
 * Every public entry point, one argument at a time replaced by a hostile value (wrong types, names
 * from Object.prototype, huge or negative sizes, symbols, functions, typed arrays of other kinds,
 * random JSON-like values): the call either succeeds or throws an Error of our own whose message
 * says what was expected, never a JavaScript slip from deeper down ("Cannot read properties of
 * undefined", "is not iterable", ...). decisionBoundary is left out: a default options object
 * legitimately starts a long computation (compareActivations and gradientFlow need their activations).
 */
const SLIP = /Cannot read prop|is not a function|is not iterable|Cannot convert|Cannot use 'in'|undefined \(reading|is not a constructor|Invalid (typed )?array length|Maximum call stack|Cannot create property|Cannot destructure/;

const HOSTILE = [
  null, undefined, NaN, Infinity, -Infinity, -1, 0, 0.5, 1e300, 2 ** 32 + 1, -0, '', 'x', '__proto__', 'constructor', 'toString',
  true, {}, [], [[]], [[1, 'a']], [1, [2]], { length: -1 }, { length: 2 ** 40 }, new Float32Array(0), new Float64Array(3),
  new Int32Array(2), new Uint8Array(4), 1n, Symbol('s'), () => 1, new Date(0), Object.create(null), new Map(), { rows: 2, cols: 2 },
];
const hostile = fc.oneof({ arbitrary: fc.constantFrom(...HOSTILE), weight: 3 }, { arbitrary: fc.anything({ maxDepth: 2 }), weight: 1 });

const x = Float32Array.from([-1, 0, 1, 2]);
const rows = [[0, 1], [1, 0], [0.5, 0.5], [1, 1]];
const labels = Int32Array.from([0, 1, 0, 1]);
function model() {
  return actfn.sequential([actfn.dense(3, { inputDim: 2, activation: 'relu' }), actfn.dense(2, { activation: 'softmax' })], { seed: 1 })
    .compile({ optimizer: 'sgd', loss: 'sparseCategoricalCrossentropy' });
}

/** Runs call with stdout swallowed. */
async function quietly<T>(call: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await call();
  } finally {
    process.stdout.write = write;
  }
}

/** set(h), then the setting as it was: a global setter must not leak into the other calls. */
function restoring<T>(get: () => T, set: (value: T) => unknown, h: unknown): unknown {
  const before = get();
  try {
    return set(h as T);
  } finally {
    set(before);
  }
}

type Call = (h: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any
const ENTRY_POINTS: Record<string, Call> = {
  'getActivation(h)': (h) => actfn.getActivation(h),
  "getActivation('elu', h)": (h) => actfn.getActivation('elu', h),
  "getActivation('elu', { alpha: h })": (h) => actfn.getActivation('elu', { alpha: h }),
  'getActivationSpec(h)': (h) => actfn.getActivationSpec(h),
  'forward(h)': (h) => actfn.getActivation('gelu').forward(h),
  'forward(x, h)': (h) => actfn.getActivation('gelu').forward(x, h),
  'derivative(h)': (h) => actfn.getActivation('tanh').derivative(h),
  'backward(x, h)': (h) => actfn.getActivation('mish').backward(x, h),
  'forwardAsync(h)': (h) => actfn.getActivation('relu').forwardAsync(h),
  'softmax(h, 2)': (h) => actfn.softmax(h, 2),
  'softmax(x, h)': (h) => actfn.softmax(x, h),
  'logSoftmax(x, 2, h)': (h) => actfn.logSoftmax(x, 2, h),
  'softmaxBackward(x, h, 2)': (h) => actfn.softmaxBackward(x, h, 2),
  'softmaxAsync(x, h)': (h) => actfn.softmaxAsync(x, h),
  'setNumThreads(h)': (h) => restoring(actfn.getNumThreads, actfn.setNumThreads, h),
  'setBackend(h)': (h) => restoring(actfn.getBackend, actfn.setBackend, h),
  'tensor2d(h)': (h) => actfn.tensor2d(h),
  'tensor2d([1, 2, 3, 4], h)': (h) => actfn.tensor2d([1, 2, 3, 4], h),
  'new Tensor2D(h, 2, 2)': (h) => new actfn.Tensor2D(h, 2, 2),
  'dense(h)': (h) => actfn.dense(h),
  'dense(2, h)': (h) => actfn.dense(2, h),
  'dense(2, { activation: h })': (h) => actfn.dense(2, { activation: h }),
  'dense(2, { kernelInitializer: h })': (h) => actfn.dense(2, { kernelInitializer: h, inputDim: 2 }),
  'dense(2, { inputDim: h })': (h) => actfn.dense(2, { inputDim: h }),
  'dropout(h)': (h) => actfn.dropout(h),
  'batchNormalization(h)': (h) => actfn.batchNormalization(h),
  'batchNormalization({ momentum: h })': (h) => actfn.batchNormalization({ momentum: h }),
  'batchNormalization({ epsilon: h })': (h) => actfn.batchNormalization({ epsilon: h }),
  'prelu(h)': (h) => actfn.prelu(h),
  'activation(h)': (h) => actfn.activation(h),
  'sequential(h)': (h) => actfn.sequential(h),
  'sequential([dense], h)': (h) => actfn.sequential([actfn.dense(2, { inputDim: 2 })], h),
  'compile(h)': (h) => actfn.sequential([actfn.dense(2, { inputDim: 2 })]).compile(h),
  'compile({ optimizer: h })': (h) => actfn.sequential([actfn.dense(2, { inputDim: 2 })]).compile({ optimizer: h, loss: 'mse' }),
  'compile({ loss: h })': (h) => actfn.sequential([actfn.dense(2, { inputDim: 2 })]).compile({ optimizer: 'sgd', loss: h }),
  "compile({ loss: { name: 'huber', delta: h } })": (h) => actfn.sequential([actfn.dense(2, { inputDim: 2 })]).compile({ optimizer: 'sgd', loss: { name: 'huber', delta: h } }),
  'compile({ metrics: h })': (h) => actfn.sequential([actfn.dense(2, { inputDim: 2 })]).compile({ optimizer: 'sgd', loss: 'mse', metrics: h }),
  'fit(h, y)': (h) => model().fit(h, labels, { epochs: 1, verbose: 0 }),
  'fit(x, h)': (h) => model().fit(rows, h, { epochs: 1, verbose: 0 }),
  'fit(x, y, h)': (h) => quietly(() => model().fit(rows, labels, h)), // a valid h trains, printing fit's default progress lines
  'fit(x, y, { epochs: h })': (h) => model().fit(rows, labels, { epochs: typeof h === 'number' && h > 5 ? 5.5 : h, verbose: 0 }),
  'fit(x, y, { batchSize: h })': (h) => model().fit(rows, labels, { epochs: 1, batchSize: h, verbose: 0 }),
  'fit(x, y, { validationSplit: h })': (h) => model().fit(rows, labels, { epochs: 1, validationSplit: h, verbose: 0 }),
  'fit(x, y, { callbacks: h })': (h) => model().fit(rows, labels, { epochs: 1, callbacks: h, verbose: 0 }),
  'fit(x, y, { validationData: h })': (h) => model().fit(rows, labels, { epochs: 1, validationData: h, verbose: 0 }),
  'fit(x, y, { sampleWeight: h })': (h) => model().fit(rows, labels, { epochs: 1, sampleWeight: h, verbose: 0 }),
  'fit(x, y, { classWeight: h })': (h) => model().fit(rows, labels, { epochs: 1, classWeight: h, verbose: 0 }),
  'fit(x, y, { verbose: h })': (h) => quietly(() => model().fit(rows, labels, { epochs: 1, verbose: h })),
  'dense(2, { kernelRegularizer: h })': (h) => actfn.dense(2, { kernelRegularizer: h }),
  'l1(h)': (h) => actfn.l1(h),
  'l2(h)': (h) => actfn.l2(h),
  'l1l2(h)': (h) => actfn.l1l2(h),
  'sgd({ clipNorm: h })': (h) => actfn.sgd({ clipNorm: h }),
  'adam({ clipValue: h })': (h) => actfn.adam({ clipValue: h }),
  'modelCheckpoint(h)': (h) => actfn.modelCheckpoint(h),
  "modelCheckpoint('dir', h)": (h) => actfn.modelCheckpoint('dir', h),
  'reduceLROnPlateau(h)': (h) => actfn.reduceLROnPlateau(h),
  'learningRateScheduler(h)': (h) => actfn.learningRateScheduler(h),
  'csvLogger(h)': (h) => actfn.csvLogger(h),
  "csvLogger('log.csv', h)": (h) => actfn.csvLogger('log.csv', h),
  'predict(h)': (h) => model().predict(h),
  'evaluate(x, h)': (h) => model().evaluate(rows, h),
  'getWeights/setWeights(h)': (h) => model().setWeights(h),
  'sgd(h)': (h) => actfn.sgd(h),
  'adam(h)': (h) => actfn.adam(h),
  'adamw({ weightDecay: h })': (h) => actfn.adamw({ weightDecay: h }),
  'rmsprop(h)': (h) => actfn.rmsprop(h),
  'earlyStopping(h)': (h) => actfn.earlyStopping(h),
  'loadModel(h)': (h) => actfn.loadModel(h),
  'makeMoons(h)': (h) => actfn.makeMoons(typeof h === 'number' && h > 1000 ? 1000.5 : h),
  'makeMoons(10, h)': (h) => actfn.makeMoons(10, h),
  'makeCircles(10, h)': (h) => actfn.makeCircles(10, h),
  'makeCircles(10, { factor: h })': (h) => actfn.makeCircles(10, { factor: h }),
  'makeClassification(h)': (h) => actfn.makeClassification(h),
  'trainTestSplit(h, y)': (h) => actfn.trainTestSplit(h, labels),
  'trainTestSplit(x, h)': (h) => actfn.trainTestSplit(actfn.tensor2d(rows), h),
  'trainTestSplit(x, y, h)': (h) => actfn.trainTestSplit(actfn.tensor2d(rows), labels, h),
  'oneHot(h)': (h) => actfn.oneHot(h),
  'oneHot([0, 1], h)': (h) => actfn.oneHot([0, 1], h),
  'standardScaler().fit(h)': (h) => actfn.standardScaler().fit(h),
  'new Random(h)': (h) => new actfn.Random(h),
  'activationCurves(h)': (h) => actfn.activationCurves(h),
  "activationCurves(['relu'], h)": (h) => actfn.activationCurves(['relu'], h),
  'deadNeurons(model, h)': (h) => actfn.deadNeurons(model(), h),
  'saturation(h, x)': (h) => actfn.saturation(h, rows),
  'loadDataset(h)': (h) => actfn.loadDataset(h),
  'activationTableMarkdown(h)': (h) => actfn.activationTableMarkdown(h),
  'activationTableMarkdown([h])': (h) => actfn.activationTableMarkdown([h]),
  'summary() of a model built by h': (h) => actfn.sequential([actfn.dense(2), actfn.dense(1)]).build(h).summary(false),
  'getWeights() of an unbuilt model': () => actfn.sequential([actfn.dense(2), actfn.dense(1)]).getWeights(),
  'compareActivations(h)': (h) => actfn.compareActivations(h),
  'gradientFlow(h)': (h) => actfn.gradientFlow(h),
};

async function outcome(call: Call, h: unknown): Promise<string | null> {
  try {
    await call(h);
    return null;
  } catch (error) {
    if (!(error instanceof Error)) return `threw a non-Error: ${String(error)}`;
    return SLIP.test(error.message) ? `${error.constructor.name}: ${error.message}` : null;
  }
}

describe('every public entry point, one argument hostile', () => {
  for (const [name, call] of Object.entries(ENTRY_POINTS)) {
    it(name, async () => {
      const slips: string[] = [];
      for (const h of HOSTILE) {
        const bad = await outcome(call, h);
        if (bad) slips.push(`${typeof h === 'symbol' ? 'Symbol' : (() => { try { return JSON.stringify(h) ?? String(h); } catch { return String(h); } })()} -> ${bad}`);
      }
      await fc.assert(fc.asyncProperty(hostile, async (h) => {
        const bad = await outcome(call, h);
        if (bad) slips.push(bad);
      }), fuzzRuns(25, 5));
      expect([...new Set(slips)]).toEqual([]);
    });
  }
});
