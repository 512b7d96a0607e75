/**
 * sequential([...layers]): the Keras-style model. compile() picks the optimizer, loss and
 * metrics; fit() trains in shuffled mini-batches, yielding to the event loop between batches, and
 * returns a History; evaluate() and predict() run in inference mode. Batching (batches.ts), targets
 * (targets.ts), metrics (metrics.ts), the summary table (summary.ts), progress output (progress.ts,
 * a callback) and the file format (model-file.ts) live beside it; loading is above it (io.ts).
 * Everything here is backend-agnostic: layers compute through the Backend.
 */
import { getBackendImpl } from '../backend/select.js';
import { Random, freshSeed } from '../random.js';
import { splitValidation } from './batches.js';
import { checkCallback } from './callbacks.js';
import { Dense } from './layers/dense.js';
import { TrainingBuffers } from './layers/training-buffers.js';
import { MAX_DIMENSION, type Layer, type LayerConfig, type Param, type State } from './layers/layer.js';
import { lossOptions, fusableActivation, lossKind, resolveLoss, type LossArg, type LossConfig } from './losses.js';
import { MetricAccumulator } from './metric-accumulator.js';
import { resolveMetrics, type Metric, type MetricName } from './metrics.js';
import { writeModelFiles } from './model-file.js';
import { OptimizerState, resolveOptimizer, type OptimizerConfig } from './optimizers.js';
import { packParams } from './param-arena.js';
import { progressLogger } from './progress.js';
import { addRegularizationGradients, regularizationLoss } from './regularizers.js';
import { sampleWeights, weightedLoss } from './sample-weights.js';
import { summaryText } from './summary.js';
import { trainingLoop, type FitOptions, type History } from './training-loop.js';
import { asInputs, requireFinite, sliceTargets, targetSet, type Inputs, type TargetSet, type Targets } from './targets.js';
import { Tensor2D } from './tensor.js';
import { checkOptions, type OptionNames } from '../options.js';
import { describeValue, requirePositiveInteger, showValue } from '../validate.js';

export type { Metric, MetricName } from './metrics.js';
export type { Inputs, Targets } from './targets.js';
export type { FitOptions, History } from './training-loop.js';

export interface CompileArgs {
  /** A config from sgd(), adam(), ..., or a name in any case ('adam', 'Adam'). */
  optimizer: string | OptimizerConfig;
  loss: LossArg;
  metrics?: MetricName[];
}
const COMPILE_OPTIONS: OptionNames<CompileArgs> = { optimizer: true, loss: true, metrics: true };

export interface SequentialOptions {
  /** Seeds initialization and dropout (a fresh seed when absent). */
  seed?: number;
}
const SEQUENTIAL_OPTIONS: OptionNames<SequentialOptions> = { seed: true };

export interface EvaluateOptions {
  batchSize?: number;
}
export type PredictOptions = EvaluateOptions;
/** evaluate()'s result: the loss (with any regularization penalty) and each compiled metric. */
export type EvaluateResult = { loss: number } & Partial<Record<Metric, number>>;
const EVALUATE_OPTIONS: OptionNames<EvaluateOptions> = { batchSize: true };
const FIT_OPTIONS: OptionNames<FitOptions> = {
  epochs: true, batchSize: true, validationData: true, validationSplit: true, shuffle: true, seed: true, callbacks: true, verbose: true,
  sampleWeight: true, classWeight: true,
};

interface Compiled {
  optimizer: OptimizerState;
  loss: LossConfig;
  metrics: Metric[];
}

/** What model.json stores to rebuild a model (Sequential.toConfig). */
export interface ModelConfig {
  readonly seed: number;
  readonly inputDim: number;
  readonly layers: LayerConfig[];
  readonly compile: { optimizer: OptimizerConfig; loss: LossConfig; metrics: Metric[] } | null;
}

export class Sequential {
  readonly layers: Layer[] = [];
  private paramList: Param[] | null = null;
  readonly seed: number;
  private random: Random;
  private inputDim = -1;
  private compiled: Compiled | null = null;
  private readonly buffers = new TrainingBuffers();

  constructor(layers: Layer[] = [], options: SequentialOptions = {}) {
    checkOptions(options, 'sequential()', SEQUENTIAL_OPTIONS);
    this.seed = options.seed ?? freshSeed();
    this.random = new Random(this.seed);
    if (!Array.isArray(layers)) throw new TypeError(`sequential expects an array of layers, got ${describeValue(layers)}`);
    for (const layer of layers) this.add(layer);
  }

  add(layer: Layer): this {
    if (!layer || typeof layer.forward !== 'function') throw new TypeError('add expects a layer (dense(), activation(), dropout(), ...)');
    this.layers.push(layer);
    if (this.layers.length === 1 && layer instanceof Dense && layer.inputDim !== undefined) this.build(layer.inputDim);
    else if (this.inputDim > 0) this.buildFrom(this.layers.length - 1);
    return this;
  }

  /** Builds every layer for `inputDim` features (done by the first layer's inputDim, or the first fit). */
  build(inputDim: number): this {
    requirePositiveInteger(inputDim, 'inputDim', MAX_DIMENSION);
    this.inputDim = inputDim;
    this.random = new Random(this.seed);
    return this.buildFrom(0);
  }

  private buildFrom(index: number): this {
    let width = index === 0 ? this.inputDim : this.layers[index - 1].outputDim;
    for (let i = index; i < this.layers.length; i++) width = this.layers[i].build(width, this.random);
    this.paramList = null; // building makes new parameter arrays
    packParams(this.parameters()); // side by side, so an optimizer step is one backend call
    return this;
  }

  /** Every layer's parameters, kept between calls: a training step needs the list three times. */
  private parameters(): Param[] {
    this.requireBuilt('params()');
    return (this.paramList ??= this.layers.flatMap((l) => l.params()));
  }

  get built(): boolean {
    return this.inputDim > 0;
  }

  get outputDim(): number {
    return this.layers.at(-1)?.outputDim ?? -1;
  }

  compile(args: CompileArgs): this {
    if (!args || typeof args !== 'object') throw new TypeError('compile expects { optimizer, loss, metrics? }');
    checkOptions(args, 'compile()', COMPILE_OPTIONS);
    const metrics = resolveMetrics(args.metrics ?? []);
    this.compiled = { optimizer: new OptimizerState(resolveOptimizer(args.optimizer)), loss: resolveLoss(args.loss), metrics };
    return this;
  }

  private requireCompiled(what: string): Compiled {
    if (!this.compiled) throw new Error(`call compile({ optimizer, loss }) before ${what}`);
    return this.compiled;
  }

  private requireInputs(x: Tensor2D, name: string): void {
    if (this.layers.length === 0) throw new Error('the model has no layers');
    if (!this.built) this.build(x.cols);
    if (x.cols !== this.inputDim) throw new RangeError(`${name} has ${x.cols} features per sample, but the model's first layer expects ${this.inputDim}`);
  }

  /** Checks targets against the loss and the output width, and puts them in the loss's form. */
  private targets(y: Targets, rows: number, name: string): TargetSet {
    return targetSet(y, rows, this.outputDim, this.requireCompiled('fit').loss, name);
  }

  /** The output layer's activation, when the loss is computed from its logits instead. */
  private fusedOutput(): Dense | null {
    const { loss } = this.requireCompiled('fit');
    const last = this.layers.at(-1);
    const activation = fusableActivation(loss);
    return activation && last instanceof Dense && last.activation.name === activation ? last : null;
  }

  private forward(x: Tensor2D, training: boolean, keepLogits: boolean): Tensor2D {
    let out = x;
    this.layers.forEach((layer, i) => {
      out = layer.forward(out, training || (keepLogits && i === this.layers.length - 1));
    });
    return out;
  }

  /**
   * Loss (and gradient) of one batch, sample-weighted when the targets carry weights, plus the
   * regularization penalty; the outputs go into `metrics` when given.
   */
  private score(out: Tensor2D, t: TargetSet, grad: Float32Array | null, metrics: MetricAccumulator | null) {
    const { loss } = this.requireCompiled('fit');
    const fused = this.fusedOutput();
    const onLogits = loss.fromLogits || fused !== null;
    const prediction = fused ? fused.preActivation! : out.data;
    const backend = getBackendImpl();
    const kind = lossKind(loss, onLogits);
    const value = t.weights
      ? weightedLoss(backend, kind, prediction, t, out.cols, t.weights, grad, lossOptions(loss))
      : backend.loss(kind, prediction, t.data, out.rows, out.cols, grad, lossOptions(loss));
    metrics?.add(out, t);
    return { value: value + regularizationLoss(this.parameters()), fused };
  }

  private newMetrics(): MetricAccumulator {
    const { metrics, loss } = this.requireCompiled('fit');
    return new MetricAccumulator(metrics, loss.fromLogits);
  }

  /** Loss and gradients of one batch (training mode) without an update: each param's grad is filled. */
  computeGradients(xArg: Inputs, yArg: Targets): { loss: number; params: Param[] } {
    const x = asInputs(xArg, 'x');
    this.requireCompiled('computeGradients');
    this.requireInputs(x, 'x');
    const { value } = this.backpropagate(x, this.targets(yArg, x.rows, 'y'));
    return { loss: value, params: this.params() };
  }

  /**
   * Every layer's output for x in inference mode, with each dense layer's pre-activation (what
   * the activation studies inspect: dead units, saturation).
   */
  layerOutputs(xArg: Inputs): Array<{ layer: Layer; output: Tensor2D; preActivation: Tensor2D | null }> {
    let out = asInputs(xArg, 'x');
    this.requireInputs(out, 'x');
    return this.layers.map((layer) => {
      const keep = layer instanceof Dense;
      out = layer.forward(out, keep); // a dense layer's training flag only keeps Z; nothing else changes
      const z = keep ? (layer as Dense).preActivation : null;
      return { layer, output: out, preActivation: z ? new Tensor2D(z, out.rows, out.cols) : null };
    });
  }

  private backpropagate(x: Tensor2D, t: TargetSet, metrics: MetricAccumulator | null = null) {
    const out = this.forward(x, true, false);
    const grad = this.buffers.get('grad', out.data.length); // the loss writes every element
    const { value, fused } = this.score(out, t, grad, metrics);
    if (!Number.isFinite(value)) return { value, finite: false };
    const last = this.layers.length - 1;
    let dy: Tensor2D | null = new Tensor2D(grad, out.rows, out.cols);
    // no layer needs dL/dx of the first layer: the data has no parameters
    dy = fused ? fused.backwardFromPreActivation(dy, last > 0) : this.layers[last].backward(dy, last > 0);
    for (let i = last - 1; i >= 0 && dy; i--) dy = this.layers[i].backward(dy, i > 0);
    addRegularizationGradients(this.parameters());
    return { value, finite: true };
  }

  private trainBatch(x: Tensor2D, t: TargetSet, metrics: MetricAccumulator): number {
    const compiled = this.requireCompiled('fit');
    const result = this.backpropagate(x, t, metrics);
    if (result.finite) compiled.optimizer.apply(this.parameters());
    return result.value;
  }

  async fit(xArg: Inputs, yArg: Targets, options: FitOptions = {}): Promise<History> {
    checkOptions(options, 'fit()', FIT_OPTIONS);
    if (options.validationData !== undefined && options.validationSplit !== undefined) {
      throw new TypeError('fit() takes validationData or validationSplit, not both');
    }
    const compiled = this.requireCompiled('fit');
    let x = asInputs(xArg, 'x');
    this.requireInputs(x, 'x');
    let targets = this.targets(yArg, x.rows, 'y');
    requireFinite(x.data, x.cols, 'x');
    requireFinite(targets.data, targets.cols, 'y');
    MetricAccumulator.check(compiled.metrics, targets, 'y');
    const weights = sampleWeights(targets, options.sampleWeight, options.classWeight);
    if (weights) targets = { ...targets, weights };
    const epochs = options.epochs ?? 1;
    const batchSize = options.batchSize ?? 32;
    requirePositiveInteger(epochs, 'epochs');
    requirePositiveInteger(batchSize, 'batchSize');
    let validation: { x: Tensor2D; t: TargetSet } | null = null;
    if (options.validationData) {
      const vx = asInputs(options.validationData[0], 'validationData[0]');
      this.requireInputs(vx, 'validationData[0]');
      validation = { x: vx, t: this.targets(options.validationData[1], vx.rows, 'validationData[1]') };
    } else if (options.validationSplit !== undefined) {
      const split = splitValidation(x, targets, options.validationSplit);
      ({ x, t: targets } = split.train);
      const { weights: _, ...t } = split.validation.t; // the loss weights are for training only
      validation = { x: split.validation.x, t };
    }
    const callbacks = options.callbacks === undefined ? [] : Array.isArray(options.callbacks) ? [...options.callbacks] : [options.callbacks];
    callbacks.forEach(checkCallback);
    if (validation) MetricAccumulator.check(compiled.metrics, validation.t, options.validationData ? 'validationData[1]' : 'y');
    const verbose = options.verbose ?? 'auto';
    if (![0, 1, 2, 'auto'].includes(verbose)) {
      throw new RangeError(`verbose must be 0 (silent), 1 or 'auto' (a progress bar on a terminal, else a line per epoch) or 2 (a line per epoch), got ${showValue(verbose)}`);
    }
    if (verbose !== 0) callbacks.unshift(progressLogger(process.stdout, verbose === 2 ? false : undefined));
    return trainingLoop(
      { trainBatch: (bx, bt, metrics) => this.trainBatch(bx, bt, metrics), evaluate: (vx, vt) => this.evaluateSet(vx, vt, batchSize), metrics: () => this.newMetrics() },
      this,
      { x, targets, validation },
      { epochs, batchSize, shuffle: options.shuffle !== false, shuffler: new Random(options.seed ?? this.random.uint32()), callbacks },
    );
  }

  /** Loss and metrics over a set in inference mode (sample weights are for training only). */
  private evaluateSet(x: Tensor2D, t: TargetSet, batchSize: number): EvaluateResult {
    let lossSum = 0;
    const metrics = this.newMetrics();
    for (let start = 0; start < x.rows; start += batchSize) {
      const end = Math.min(x.rows, start + batchSize);
      const out = this.forward(x.sliceRows(start, end), false, this.fusedOutput() !== null);
      const { value } = this.score(out, sliceTargets(t, start, end), null, metrics);
      lossSum += value * (end - start);
    }
    return { loss: lossSum / x.rows, ...metrics.values() };
  }

  /** Loss (with any regularization penalty) and each compiled metric over x and y, in inference mode. */
  evaluate(xArg: Inputs, yArg: Targets, options: EvaluateOptions = {}): EvaluateResult {
    checkOptions(options, 'evaluate()', EVALUATE_OPTIONS);
    const compiled = this.requireCompiled('evaluate');
    const x = asInputs(xArg, 'x');
    this.requireInputs(x, 'x');
    const batchSize = requirePositiveInteger(options.batchSize ?? 32, 'batchSize'); // 0 looped forever
    const targets = this.targets(yArg, x.rows, 'y');
    MetricAccumulator.check(compiled.metrics, targets, 'y');
    return this.evaluateSet(x, targets, batchSize);
  }

  /** The compiled optimizer's state; its learningRate may be read and set between steps (callbacks do). */
  get optimizer(): OptimizerState {
    return this.requireCompiled('optimizer').optimizer;
  }

  /** The model's outputs for x, in inference mode (dropout off, batch norm on moving statistics). */
  predict(xArg: Inputs, options: PredictOptions = {}): Tensor2D {
    checkOptions(options, 'predict()', EVALUATE_OPTIONS);
    const x = asInputs(xArg, 'x');
    this.requireInputs(x, 'x');
    const batchSize = requirePositiveInteger(options.batchSize ?? 256, 'batchSize');
    const out = new Float32Array(x.rows * this.outputDim);
    for (let start = 0; start < x.rows; start += batchSize) {
      const end = Math.min(x.rows, start + batchSize);
      out.set(this.forward(x.sliceRows(start, end), false, false).data, start * this.outputDim);
    }
    return new Tensor2D(out, x.rows, this.outputDim);
  }

  /**
   * Layers get their weights when the model learns its input width; before that there is nothing
   * to show or hand out (Keras refuses the same calls on an unbuilt model).
   */
  private requireBuilt(what: string): void {
    if (!this.built) {
      throw new Error(`${what}: the model has no input size yet; give its first layer inputDim (dense(units, { inputDim: n }) or inputShape: [n]), or call model.build(n) or fit() first`);
    }
  }

  params(): Param[] {
    return [...this.parameters()];
  }

  private states(): State[] {
    return this.layers.flatMap((l) => l.states());
  }

  /** Every parameter array, then every saved state array (batch norm's moving statistics), in layer order. */
  getWeights(): Float32Array[] {
    this.requireBuilt('getWeights()');
    return [...this.params().map((p) => p.value.slice()), ...this.states().map((s) => s.value.slice())];
  }

  setWeights(weights: readonly Float32Array[]): void {
    this.requireBuilt('setWeights()');
    const targets = [...this.params().map((p) => p.value), ...this.states().map((s) => s.value)];
    if (!Array.isArray(weights) || weights.length !== targets.length) {
      throw new RangeError(`setWeights expects ${targets.length} arrays (getWeights() order), got ${Array.isArray(weights) ? weights.length : typeof weights}`);
    }
    weights.forEach((w, i) => {
      if (!(w instanceof Float32Array) || w.length !== targets[i].length) {
        throw new RangeError(`weights[${i}] must be a Float32Array of length ${targets[i].length}`);
      }
    });
    weights.forEach((w, i) => targets[i].set(w));
  }

  /** A Keras-style table of layers, output widths and parameter counts (returned and printed). */
  summary(print = true): string {
    this.requireBuilt('summary()');
    const text = summaryText(this.layers);
    if (print) console.log(text);
    return text;
  }

  /** Writes model.json and its weights file into dir (created if needed); see model-file.ts. loadModel reads them. */
  save(dir: string): void {
    this.requireBuilt('save()');
    const named = (entries: Array<{ name: string }>, i: number, kind: string) => entries.map((e) => `${i}/${kind}/${e.name}`);
    const names = [...this.layers.flatMap((l, i) => named(l.params(), i, l.kind)), ...this.layers.flatMap((l, i) => named(l.states(), i, l.kind))];
    writeModelFiles(dir, this.toConfig(), this.getWeights().map((value, i) => ({ name: names[i], value })));
  }

  /** What model.json stores to rebuild this model. */
  toConfig(): ModelConfig {
    return {
      seed: this.seed,
      inputDim: this.inputDim,
      layers: this.layers.map((l) => l.toConfig()),
      compile: this.compiled ? { optimizer: this.compiled.optimizer.config, loss: this.compiled.loss, metrics: this.compiled.metrics } : null,
    };
  }
}

export function sequential(layers: Layer[] = [], options: SequentialOptions = {}): Sequential {
  return new Sequential(layers, options);
}
