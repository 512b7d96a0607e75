import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as charts from '../../src/charts/index.js';
import * as actfn from '../../src/index.js';

/**
 * Every options object of the public API refuses a key it does not know, naming the key, the
 * function and the option meant: a Keras habit (`lr`, `batch_size`) or a typo must not train a
 * different model without a word. The table below has one row per exported function, constructor
 * or method with an options parameter; the last test asks the TypeScript compiler for that list
 * from the package's entry points (src/index.ts, and src/charts/index.ts for 'actfn/charts'), so a
 * new entry point with options fails here until it has its row.
 */

const rows = [[0, 1], [1, 0], [0.5, 0.5], [1, 1]];
const labels = Int32Array.from([0, 1, 0, 1]);
function model() {
  return actfn.sequential([actfn.dense(3, { inputDim: 2, activation: 'relu' }), actfn.dense(2, { activation: 'softmax' })], { seed: 1 })
    .compile({ optimizer: 'sgd', loss: 'sparseCategoricalCrossentropy' });
}

interface Row {
  /** Calls the entry point with `options` in the options parameter. */
  call(options: Record<string, unknown>): unknown;
  /** Options the call needs anyway (the misspelled key is added to these). */
  valid?: Record<string, unknown>;
  /** The misspelled key, its value, and what the error must suggest. */
  key: string;
  value: unknown;
  meant: string;
  /** How the error names the function. */
  where: string;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
const ENTRY_POINTS: Record<string, Row> = {
  'dense(options)': { call: (o) => actfn.dense(4, o as any), key: 'activaton', value: 'tanh', meant: 'activation', where: 'dense()' },
  'new Dense(options)': { call: (o) => new actfn.Dense(4, o as any), key: 'input_dim', value: 4, meant: 'inputDim', where: 'dense()' },
  'batchNormalization(options)': { call: (o) => actfn.batchNormalization(o as any), key: 'momentun', value: 0.9, meant: 'momentum', where: 'batchNormalization()' },
  'new BatchNormalization(options)': { call: (o) => new actfn.BatchNormalization(o as any), key: 'eps', value: 1e-3, meant: 'epsilon', where: 'batchNormalization()' },
  'prelu(options)': { call: (o) => actfn.prelu(o as any), key: 'alpha_initializer', value: 0.25, meant: 'alphaInitial', where: 'prelu()' },
  'new PReLU(options)': { call: (o) => new actfn.PReLU(o as any), key: 'alphaInitail', value: 0.25, meant: 'alphaInitial', where: 'prelu()' },
  'sequential(options)': { call: (o) => actfn.sequential([actfn.dense(2, { inputDim: 2 })], o as any), key: 'sed', value: 3, meant: 'seed', where: 'sequential()' },
  'new Sequential(options)': { call: (o) => new actfn.Sequential([], o as any), key: 'random_state', value: 3, meant: 'seed', where: 'sequential()' },
  'Sequential.compile(args)': {
    call: (o) => actfn.sequential([actfn.dense(2, { inputDim: 2 })]).compile(o as any),
    valid: { optimizer: 'adam', loss: 'mse' }, key: 'metric', value: ['accuracy'], meant: 'metrics', where: 'compile()',
  },
  'Sequential.fit(options)': { call: (o) => model().fit(rows, labels, o as any), key: 'batch_size', value: 150, meant: 'batchSize', where: 'fit()' },
  'Sequential.evaluate(options)': { call: (o) => model().evaluate(rows, labels, o as any), key: 'batchsize', value: 2, meant: 'batchSize', where: 'evaluate()' },
  'Sequential.predict(options)': { call: (o) => model().predict(rows, o as any), key: 'batch_size', value: 2, meant: 'batchSize', where: 'predict()' },
  'sgd(options)': { call: (o) => actfn.sgd(o as any), key: 'lr', value: 0.5, meant: 'learningRate', where: 'sgd()' },
  'adam(options)': { call: (o) => actfn.adam(o as any), key: 'lr', value: 0.5, meant: 'learningRate', where: 'adam()' },
  'adamw(options)': { call: (o) => actfn.adamw(o as any), key: 'weight_decay', value: 0.1, meant: 'weightDecay', where: 'adamw()' },
  'rmsprop(options)': { call: (o) => actfn.rmsprop(o as any), key: 'learning_rate', value: 0.5, meant: 'learningRate', where: 'rmsprop()' },
  'earlyStopping(options)': { call: (o) => actfn.earlyStopping(o as any), key: 'restore_best_weights', value: true, meant: 'restoreBestWeights', where: 'earlyStopping()' },
  'modelCheckpoint(options)': { call: (o) => actfn.modelCheckpoint('ckpt', o as any), key: 'save_best_only', value: true, meant: 'saveBestOnly', where: 'modelCheckpoint()' },
  'reduceLROnPlateau(options)': { call: (o) => actfn.reduceLROnPlateau(o as any), key: 'min_lr', value: 1e-4, meant: 'minLr', where: 'reduceLROnPlateau()' },
  'csvLogger(options)': { call: (o) => actfn.csvLogger('log.csv', o as any), key: 'seperator', value: ';', meant: 'separator', where: 'csvLogger()' },
  'l1l2(options)': { call: (o) => actfn.l1l2(o as any), key: 'L2', value: 0.01, meant: 'l2', where: 'l1l2()' },
  'makeClassification(options)': { call: (o) => actfn.makeClassification(o as any), key: 'n_samples', value: 10, meant: 'nSamples', where: 'makeClassification()' },
  'makeMoons(options)': { call: (o) => actfn.makeMoons(10, o as any), key: 'noize', value: 0.1, meant: 'noise', where: 'makeMoons()' },
  'makeCircles(options)': { call: (o) => actfn.makeCircles(10, o as any), key: 'factr', value: 0.5, meant: 'factor', where: 'makeCircles()' },
  'trainTestSplit(options)': { call: (o) => actfn.trainTestSplit(actfn.tensor2d(rows), labels, o as any), key: 'test_size', value: 0.5, meant: 'testSize', where: 'trainTestSplit()' },
  'activationCurves(options)': { call: (o) => actfn.activationCurves(['relu'], o as any), key: 'point', value: 11, meant: 'points', where: 'activationCurves()' },
  'compareActivations(options)': {
    call: (o) => actfn.compareActivations(o as any),
    valid: { dataset: 'moons', activations: ['relu'], epochs: 1 }, key: 'epoch', value: 2, meant: 'epochs', where: 'compareActivations()',
  },
  'gradientFlow(options)': { call: (o) => actfn.gradientFlow(o as any), valid: { activations: ['relu'], depths: [1] }, key: 'widht', value: 4, meant: 'width', where: 'gradientFlow()' },
  'decisionBoundary(options)': { call: (o) => actfn.decisionBoundary(model(), actfn.tensor2d(rows), labels, o as any), key: 'resolutoin', value: 4, meant: 'resolution', where: 'decisionBoundary()' },
  'curvesSpec(options)': { call: (o) => charts.curvesSpec(actfn.activationCurves(['relu'], { points: 3 }), o as any), key: 'column', value: 2, meant: 'columns', where: 'curvesSpec()' },
  'gradientFlowSpec(options)': {
    call: (o) => charts.gradientFlowSpec([{ activation: 'relu', depth: 2, layerNorms: [1], biasNorms: [1], mean: 1, std: 0, min: 1, max: 1 }], o as any),
    key: 'statistc', value: 'min', meant: 'statistic', where: 'gradientFlowSpec()',
  },
  'decisionBoundarySpec(options)': {
    call: (o) => charts.decisionBoundarySpec({ xs: [0, 1], ys: [0, 1], classes: [0, 1, 1, 0], confidence: [1, 1, 1, 1], points: [] }, o as any), key: 'tilte', value: 'x', meant: 'title', where: 'decisionBoundarySpec()',
  },
};

/** Options objects inside other arguments, which the compiler's list below does not reach. */
const NESTED: Record<string, Row> = {
  "getActivation('elu', params)": { call: (o) => actfn.getActivation('elu', o as any), key: 'alpah', value: 1, meant: 'alpha', where: 'elu has no parameter' },
  'compile({ loss: { ... } })': {
    call: (o) => actfn.sequential([actfn.dense(1, { inputDim: 2 })]).compile({ optimizer: 'adam', loss: o as any }),
    valid: { name: 'binaryCrossentropy' }, key: 'from_logits', value: true, meant: 'fromLogits', where: 'the loss of compile()',
  },
  'dense(n, { activation: { name, params } })': {
    call: (o) => actfn.dense(2, { activation: o as any }), valid: { name: 'elu' }, key: 'param', value: { alpha: 2 }, meant: 'params', where: 'an activation { name, params }',
  },
  'activationCurves([{ name, params }])': {
    call: (o) => actfn.activationCurves([o as any]), valid: { name: 'elu' }, key: 'parms', value: { alpha: 2 }, meant: 'params', where: 'an activation { name, params }',
  },
  'compareActivations({ dataset: { x, y, name } })': {
    call: (o) => actfn.compareActivations({ dataset: o as any, activations: ['relu'], epochs: 1 }),
    valid: { x: actfn.tensor2d(rows), y: labels }, key: 'nmae', value: 'four', meant: 'name', where: "compareActivations()'s dataset",
  },
  'dense(n, { kernelRegularizer: { l1, l2 } })': {
    call: (o) => actfn.dense(2, { kernelRegularizer: o as any }), key: 'l_2', value: 0.01, meant: 'l2', where: 'kernelRegularizer',
  },
  'fit(x, y, { callbacks: [{ on_epoch_end }] })': {
    call: (o) => model().fit(rows, labels, { callbacks: [o as any] }), key: 'on_epoch_end', value: () => undefined, meant: 'onEpochEnd', where: 'fit()',
  },
};
/* eslint-enable @typescript-eslint/no-explicit-any */

async function thrown(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  return null;
}

describe('an unknown option key is a TypeError naming it, the function and the option meant', () => {
  for (const [name, row] of Object.entries({ ...ENTRY_POINTS, ...NESTED })) {
    it(name, async () => {
      const error = await thrown(() => row.call({ ...row.valid, [row.key]: row.value }));
      expect(error).toBeInstanceOf(TypeError);
      const message = (error as Error).message;
      expect(message).toContain(`'${row.key}'`);
      expect(message).toContain(row.where);
      expect(message).toContain(`did you mean '${row.meant}'?`);
    });
  }

  it('says "unknown option ... for f(); did you mean ...?" in full', () => {
    expect(() => actfn.adam({ lr: 0.5 } as never)).toThrow(new TypeError("unknown option 'lr' for adam(); did you mean 'learningRate'?"));
  });

  it('lists the valid options when no name is near', () => {
    expect(() => actfn.rmsprop({ momentum: 0.9 } as never)).toThrow(new TypeError("unknown option 'momentum' for rmsprop(); valid options: learningRate, rho, epsilon, clipNorm, clipValue"));
  });

  it('refuses before any work: fit with a misspelled key leaves the weights and callbacks alone', async () => {
    const m = model();
    const before = m.getWeights();
    let epochs = 0;
    await expect(m.fit(rows, labels, { epochs: 3, validation_split: 0.5, callbacks: [{ onEpochEnd: () => void epochs++ }] } as never)).rejects.toThrow(/did you mean 'validationSplit'/);
    expect(epochs).toBe(0);
    expect(m.getWeights()).toEqual(before);
  });

  it('takes every option it documents (the valid keys of each row pass)', () => {
    expect(() => actfn.adam({ learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 })).not.toThrow();
    expect(() => actfn.dense(2, { activation: 'relu', useBias: false, kernelInitializer: 'heNormal', inputDim: 3 })).not.toThrow();
    expect(() => actfn.earlyStopping({ monitor: 'loss', patience: 2, minDelta: 0.1, mode: 'min', restoreBestWeights: true })).not.toThrow();
    expect(() => actfn.sgd({ learningRate: 0.1, momentum: 0.9, nesterov: true, clipNorm: 1, clipValue: 0.5 })).not.toThrow();
    expect(() => actfn.dense(2, { kernelRegularizer: { l1: 0.01, l2: 0.01 } })).not.toThrow();
    expect(() => actfn.modelCheckpoint('ckpt', { monitor: 'val_loss', saveBestOnly: true, mode: 'min', minDelta: 0 })).not.toThrow();
    expect(() => actfn.reduceLROnPlateau({ monitor: 'loss', factor: 0.5, patience: 2, minLr: 1e-5, minDelta: 0, cooldown: 1, mode: 'auto' })).not.toThrow();
    expect(() => actfn.csvLogger('log.csv', { separator: ';', append: true })).not.toThrow();
    expect(() => actfn.l1l2({ l1: 0.01, l2: 0.02 })).not.toThrow();
  });
});

/** Every parameter of an exported function, constructor or public method whose type is one of our options interfaces. */
function optionsParameters(): string[] {
  const src = fileURLToPath(new URL('../../src', import.meta.url));
  const entries = [join(src, 'index.ts'), join(src, 'charts', 'index.ts')];
  const program = ts.createProgram(entries, {
    module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022,
    strict: true, skipLibCheck: true, noEmit: true, types: ['node'],
  });
  const checker = program.getTypeChecker();
  // an options type: an interface or object type of ours with data members only (a Layer has methods)
  const isOptions = (type: ts.Type) => {
    if (type.isUnion() || type.getCallSignatures().length > 0) return false;
    const declaration = (type.aliasSymbol ?? type.getSymbol())?.declarations?.[0];
    if (!declaration || !declaration.getSourceFile().fileName.startsWith(src)) return false;
    if (!(ts.isInterfaceDeclaration(declaration) || ts.isTypeLiteralNode(declaration) || ts.isTypeAliasDeclaration(declaration))) return false;
    return !type.getProperties().some((p) => p.declarations?.some(ts.isMethodSignature));
  };
  const exports = entries.flatMap((entry) => checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!));
  const resolved = exports.map((exported) => ({ exported, symbol: exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported }));
  // what an exported function returns (an analysis result, a chart spec) is data handed back, not options
  const results = new Set<ts.Type>();
  for (const { symbol } of resolved) {
    if (!(symbol.flags & ts.SymbolFlags.Function)) continue;
    for (const s of checker.getTypeOfSymbol(symbol).getCallSignatures()) results.add(checker.getAwaitedType(s.getReturnType()) ?? s.getReturnType());
  }
  const found: string[] = [];
  const scan = (label: string, signature: ts.Signature) => {
    for (const p of signature.getParameters()) {
      const type = checker.getNonNullableType(checker.getTypeOfSymbol(p));
      if (isOptions(type) && !results.has(type)) found.push(`${label}(${p.name})`);
    }
  };
  for (const { exported, symbol } of resolved) {
    if (symbol.flags & ts.SymbolFlags.Function) for (const s of checker.getTypeOfSymbol(symbol).getCallSignatures()) scan(exported.name, s);
    if (!(symbol.flags & ts.SymbolFlags.Class)) continue;
    for (const s of checker.getTypeOfSymbol(symbol).getConstructSignatures()) scan(`new ${exported.name}`, s);
    for (const member of checker.getDeclaredTypeOfSymbol(symbol).getProperties()) {
      const declaration = member.valueDeclaration;
      if (!declaration || !(member.flags & ts.SymbolFlags.Method)) continue;
      if (ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
      for (const s of checker.getTypeOfSymbol(member).getCallSignatures()) scan(`${exported.name}.${member.name}`, s);
    }
  }
  return found;
}

describe('the table covers the public API', () => {
  it('has a row for every exported function, constructor and method with an options parameter', () => {
    const found = optionsParameters();
    expect(found.length).toBeGreaterThan(20); // the scan itself works
    expect([...found].sort()).toEqual(Object.keys(ENTRY_POINTS).sort());
  }, 60_000);
});
