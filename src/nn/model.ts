/**
 * sequential([...layers]): the Keras-style model. compile() picks the optimizer, loss and
 * metrics; fit() trains in shuffled mini-batches, yielding to the event loop between batches, and
 * returns a History; evaluate() and predict() run in inference mode. Everything here is
 * backend-agnostic: layers compute through the Backend.
 */
import { getBackendImpl } from '../backend/select.js';
import { Random, freshSeed } from '../random.js';
import type { Callback, Logs } from './callbacks.js';
import { Dense } from './layers/dense.js';
import type { Layer, Param, State } from './layers/layer.js';
import { LOSS_OPTIONS, fusableActivation, lossKind, resolveLoss, type LossArg, type LossConfig } from './losses.js';
import { OptimizerState, resolveOptimizer, type OptimizerConfig } from './optimizers.js';
import { saveModel } from './io.js';
import { progress } from './progress.js';
import { Tensor2D, tensor2d } from './tensor.js';
import { describeValue, requireOptions, requirePositiveInteger, showValue } from '../validate.js';

export type Metric = 'accuracy';
export type Targets = Tensor2D | Int32Array | Float32Array | readonly number[] | ReadonlyArray<readonly number[]>;
export type Inputs = Tensor2D | ReadonlyArray<readonly number[]>;

export interface CompileArgs {
  optimizer: string | OptimizerConfig;
  loss: LossArg;
  metrics?: Metric[];
}

export interface FitOptions {
  epochs?: number;
  batchSize?: number;
  /** Data to evaluate after each epoch; or validationSplit, the last fraction of x and y. */
  validationData?: [Inputs, Targets];
  validationSplit?: number;
  shuffle?: boolean;
  /** Seeds the shuffling (the model's own seed covers initialization and dropout). */
  seed?: number;
  callbacks?: Callback | Callback[];
  /** 1: a progress bar per epoch (plain lines when not on a terminal); 0: silent. */
  verbose?: 0 | 1;
}

export interface History {
  epoch: number[];
  /** Per-epoch logs by name: loss, accuracy, valLoss, valAccuracy. */
  history: Record<string, number[]>;
  loss: number[];
  valLoss: number[];
  /** Why training ended early, if it did (NaN loss, a callback). */
  stopReason?: string;
}

interface Compiled {
  optimizer: OptimizerState;
  loss: LossConfig;
  metrics: Metric[];
}

/** Targets as the loss wants them: class indices (sparse) or a rows x cols matrix. */
interface TargetSet {
  data: Float32Array;
  rows: number;
  /** 1 for class indices. */
  cols: number;
  sparse: boolean;
}

function asInputs(x: Inputs, name: string): Tensor2D {
  if (x instanceof Tensor2D) return x;
  if (!Array.isArray(x)) throw new TypeError(`${name} must be a Tensor2D or number[][]`);
  return tensor2d(x as ReadonlyArray<readonly number[]>);
}

/** Training data must be finite: one NaN would turn every weight into NaN within a step. */
function requireFinite(data: ArrayLike<number>, cols: number, name: string): void {
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      throw new RangeError(`${name} contains ${data[i]} at sample ${Math.floor(i / cols)}, column ${i % cols}: clean or impute the data before fit`);
    }
  }
}

export class Sequential {
  readonly layers: Layer[] = [];
  readonly seed: number;
  private random: Random;
  private inputDim = -1;
  private compiled: Compiled | null = null;

  constructor(layers: Layer[] = [], options: { seed?: number } = {}) {
    requireOptions(options, 'sequential options');
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
    requirePositiveInteger(inputDim, 'inputDim');
    this.inputDim = inputDim;
    this.random = new Random(this.seed);
    return this.buildFrom(0);
  }

  private buildFrom(index: number): this {
    let width = index === 0 ? this.inputDim : this.layers[index - 1].outputDim;
    for (let i = index; i < this.layers.length; i++) width = this.layers[i].build(width, this.random);
    return this;
  }

  get built(): boolean {
    return this.inputDim > 0;
  }

  get outputDim(): number {
    return this.layers.at(-1)?.outputDim ?? -1;
  }

  compile(args: CompileArgs): this {
    if (!args || typeof args !== 'object') throw new TypeError('compile expects { optimizer, loss, metrics? }');
    const metrics = args.metrics ?? [];
    if (!Array.isArray(metrics)) throw new TypeError(`metrics must be an array such as ['accuracy'], got ${describeValue(metrics)}`);
    for (const m of metrics) if (m !== 'accuracy') throw new RangeError(`metrics may contain 'accuracy', got ${showValue(m)}`);
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
    const { loss } = this.requireCompiled('fit');
    const cols = this.outputDim;
    const sparse = loss.name === 'sparseCategoricalCrossentropy';
    const matrix = y instanceof Tensor2D ? y : Array.isArray(y) && Array.isArray(y[0]) ? tensor2d(y as number[][]) : null;
    if (matrix) {
      if (matrix.rows !== rows) throw new RangeError(`${name} has ${matrix.rows} rows, but x has ${rows} samples`);
      if (sparse) {
        if (matrix.cols !== 1) throw new RangeError(`sparseCategoricalCrossentropy needs one class index per sample; ${name} has ${matrix.cols} columns (one-hot? use categoricalCrossentropy)`);
        return this.sparseTargets(matrix.data, rows, cols, name);
      }
      if (matrix.cols !== cols) throw new RangeError(`${name} has ${matrix.cols} columns, but the model outputs ${cols} (${loss.name})`);
      return { data: matrix.data, rows, cols, sparse: false };
    }
    const labels = y instanceof Int32Array || y instanceof Float32Array ? y : Array.isArray(y) ? Float32Array.from(y as number[]) : null;
    if (!labels) throw new TypeError(`${name} must be a Tensor2D, number[][], or an array of labels`);
    if (labels.length !== rows) throw new RangeError(`${name} has ${labels.length} labels, but x has ${rows} samples`);
    if (sparse) return this.sparseTargets(labels, rows, cols, name);
    if (cols !== 1) {
      throw new RangeError(`${loss.name} with ${cols} outputs needs ${name} as a ${rows} x ${cols} matrix; for class labels use sparseCategoricalCrossentropy or oneHot(${name})`);
    }
    return { data: Float32Array.from(labels), rows, cols: 1, sparse: false };
  }

  private sparseTargets(labels: ArrayLike<number>, rows: number, cols: number, name: string): TargetSet {
    for (let i = 0; i < labels.length; i++) {
      if (!Number.isInteger(labels[i]) || labels[i] < 0 || labels[i] >= cols) {
        throw new RangeError(`${name}[${i}] must be a class index in [0, ${cols - 1}], got ${labels[i]}`);
      }
    }
    return { data: Float32Array.from(labels), rows, cols: 1, sparse: true };
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

  /** Loss (and gradient) and correct-prediction count of one batch. */
  private score(out: Tensor2D, t: TargetSet, grad: Float32Array | null) {
    const { loss } = this.requireCompiled('fit');
    const fused = this.fusedOutput();
    const onLogits = loss.fromLogits || fused !== null;
    const prediction = fused ? fused.preActivation! : out.data;
    const value = getBackendImpl().loss(lossKind(loss, onLogits), prediction, t.data, out.rows, out.cols, grad, LOSS_OPTIONS(loss));
    return { value, correct: this.correct(out, t, loss.fromLogits), fused };
  }

  private correct(out: Tensor2D, t: TargetSet, logits: boolean): number {
    let right = 0;
    for (let r = 0; r < out.rows; r++) {
      if (out.cols === 1) {
        const p = out.data[r];
        right += (logits ? p > 0 : p > 0.5) === t.data[r] > 0.5 ? 1 : 0;
        continue;
      }
      let best = 0;
      for (let c = 1; c < out.cols; c++) if (out.data[r * out.cols + c] > out.data[r * out.cols + best]) best = c;
      let want = t.sparse ? t.data[r] : 0;
      if (!t.sparse) for (let c = 1; c < t.cols; c++) if (t.data[r * t.cols + c] > t.data[r * t.cols + want]) want = c;
      right += best === want ? 1 : 0;
    }
    return right;
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

  private backpropagate(x: Tensor2D, t: TargetSet) {
    const out = this.forward(x, true, false);
    const grad = new Float32Array(out.data.length);
    const { value, correct, fused } = this.score(out, t, grad);
    if (!Number.isFinite(value)) return { value, correct, finite: false };
    let dy = new Tensor2D(grad, out.rows, out.cols);
    const last = this.layers.length - 1;
    dy = fused ? fused.backwardFromPreActivation(dy) : this.layers[last].backward(dy);
    for (let i = last - 1; i >= 0; i--) dy = this.layers[i].backward(dy);
    return { value, correct, finite: true };
  }

  private trainBatch(x: Tensor2D, t: TargetSet) {
    const compiled = this.requireCompiled('fit');
    const result = this.backpropagate(x, t);
    if (result.finite) compiled.optimizer.apply(this.params());
    return result;
  }

  async fit(xArg: Inputs, yArg: Targets, options: FitOptions = {}): Promise<History> {
    requireOptions(options, 'fit options');
    const compiled = this.requireCompiled('fit');
    let x = asInputs(xArg, 'x');
    this.requireInputs(x, 'x');
    let targets = this.targets(yArg, x.rows, 'y');
    requireFinite(x.data, x.cols, 'x');
    requireFinite(targets.data, targets.cols, 'y');
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
      const split = options.validationSplit;
      if (!(typeof split === 'number' && split > 0 && split < 1)) throw new RangeError(`validationSplit must be in (0, 1), got ${showValue(split)}`);
      const cut = Math.floor(x.rows * (1 - split));
      if (cut < 1 || cut >= x.rows) throw new RangeError(`validationSplit ${split} leaves no samples on one side of ${x.rows}`);
      const width = targets.cols;
      validation = { x: x.sliceRows(cut, x.rows), t: { ...targets, data: targets.data.subarray(cut * width), rows: x.rows - cut } };
      x = x.sliceRows(0, cut);
      targets = { ...targets, data: targets.data.subarray(0, cut * width), rows: cut };
    }
    const callbacks = options.callbacks === undefined ? [] : Array.isArray(options.callbacks) ? options.callbacks : [options.callbacks];
    for (const cb of callbacks) if (typeof cb !== 'object' || cb === null) throw new TypeError(`callbacks must be objects with onEpochEnd etc. (earlyStopping() gives one), got ${describeValue(cb)}`);
    const shuffler = new Random(options.seed ?? this.random.uint32());
    const history: History = { epoch: [], history: {}, loss: [], valLoss: [] };
    const record = (logs: Logs) => {
      for (const [k, v] of Object.entries(logs)) (history.history[k] ??= []).push(v);
    };
    const batches = Math.ceil(x.rows / batchSize);
    const withAccuracy = compiled.metrics.includes('accuracy');
    for (const cb of callbacks) await cb.onTrainBegin?.(this);
    training: for (let epoch = 0; epoch < epochs; epoch++) {
      const started = Date.now();
      const bar = options.verbose === 1 ? progress(epoch, epochs) : null;
      const order = options.shuffle === false ? null : shuffler.permutation(x.rows);
      let lossSum = 0;
      let correct = 0;
      let seen = 0;
      for (let b = 0; b < batches; b++) {
        const start = b * batchSize;
        const end = Math.min(x.rows, start + batchSize);
        const idx = order ? order.subarray(start, end) : null;
        const bx = idx ? x.gather(idx) : x.sliceRows(start, end);
        const bt = idx ? gatherTargets(targets, idx) : sliceTargets(targets, start, end);
        const result = this.trainBatch(bx, bt);
        if (!Number.isFinite(result.value)) {
          history.stopReason = `loss became ${result.value} at epoch ${epoch + 1}, batch ${b + 1}: training stopped (check the learning rate and the input scale)`;
          if (options.verbose === 1) process.stdout.write(`\n${history.stopReason}\n`);
          break training;
        }
        lossSum += result.value * (end - start);
        correct += result.correct;
        seen += end - start;
        const logs: Logs = withAccuracy ? { loss: lossSum / seen, accuracy: correct / seen } : { loss: lossSum / seen };
        bar?.batch(b + 1, batches, logs);
        for (const cb of callbacks) await cb.onBatchEnd?.(b, logs, this);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const logs: Record<string, number> = { loss: lossSum / seen };
      if (withAccuracy) logs.accuracy = correct / seen;
      if (validation) {
        const v = this.evaluateSet(validation.x, validation.t, batchSize);
        logs.valLoss = v.loss;
        if (withAccuracy) logs.valAccuracy = v.accuracy;
      }
      history.epoch.push(epoch);
      record(logs);
      history.loss.push(logs.loss);
      if (logs.valLoss !== undefined) history.valLoss.push(logs.valLoss);
      bar?.epochEnd(logs, (Date.now() - started) / 1000);
      let stop = false;
      for (const cb of callbacks) if ((await cb.onEpochEnd?.(epoch, logs, this)) === 'stop') stop = true;
      if (stop) {
        history.stopReason = `a callback stopped training after epoch ${epoch + 1}`;
        break;
      }
    }
    for (const cb of callbacks) await cb.onTrainEnd?.(this);
    return history;
  }

  private evaluateSet(x: Tensor2D, t: TargetSet, batchSize: number): { loss: number; accuracy: number } {
    let lossSum = 0;
    let correct = 0;
    for (let start = 0; start < x.rows; start += batchSize) {
      const end = Math.min(x.rows, start + batchSize);
      const out = this.forward(x.sliceRows(start, end), false, this.fusedOutput() !== null);
      const { value, correct: right } = this.score(out, sliceTargets(t, start, end), null);
      lossSum += value * (end - start);
      correct += right;
    }
    return { loss: lossSum / x.rows, accuracy: correct / x.rows };
  }

  /** Loss (and accuracy if compiled with it) over x and y, in inference mode. */
  evaluate(xArg: Inputs, yArg: Targets, options: { batchSize?: number } = {}): { loss: number; accuracy?: number } {
    requireOptions(options, 'evaluate options');
    const compiled = this.requireCompiled('evaluate');
    const x = asInputs(xArg, 'x');
    this.requireInputs(x, 'x');
    const batchSize = requirePositiveInteger(options.batchSize ?? 32, 'batchSize'); // 0 looped forever
    const result = this.evaluateSet(x, this.targets(yArg, x.rows, 'y'), batchSize);
    return compiled.metrics.includes('accuracy') ? result : { loss: result.loss };
  }

  /** The model's outputs for x, in inference mode (dropout off, batch norm on moving statistics). */
  predict(xArg: Inputs, options: { batchSize?: number } = {}): Tensor2D {
    requireOptions(options, 'predict options');
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

  params(): Param[] {
    return this.layers.flatMap((l) => l.params());
  }

  private states(): State[] {
    return this.layers.flatMap((l) => l.states());
  }

  /** Every parameter array, then every saved state array (batch norm's moving statistics), in layer order. */
  getWeights(): Float32Array[] {
    return [...this.params().map((p) => p.value.slice()), ...this.states().map((s) => s.value.slice())];
  }

  setWeights(weights: readonly Float32Array[]): void {
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
    const rows = this.layers.map((l, i) => {
      const count = l.params().reduce((s, p) => s + p.value.length, 0);
      const act = 'activation' in l ? ` (${(l as { activation: { name: string } }).activation.name})` : '';
      return [`${i}: ${l.kind}${act}`, this.built ? `(None, ${l.outputDim})` : '(unbuilt)', String(count)];
    });
    const total = rows.reduce((s, r) => s + Number(r[2]), 0);
    const widths = [28, 16, 10];
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' ');
    const text = [line(['Layer (type)', 'Output shape', 'Params']), '-'.repeat(56), ...rows.map(line), '-'.repeat(56), `Total params: ${total}`].join('\n');
    if (print) console.log(text);
    return text;
  }

  /** Writes model.json and its weights file into dir (created if needed); see io.ts. */
  save(dir: string): void {
    saveModel(this, dir);
  }

  /** What model.json stores to rebuild this model. */
  toConfig() {
    return {
      seed: this.seed,
      inputDim: this.inputDim,
      layers: this.layers.map((l) => l.toConfig()),
      compile: this.compiled ? { optimizer: this.compiled.optimizer.config, loss: this.compiled.loss, metrics: this.compiled.metrics } : null,
    };
  }
}

function sliceTargets(t: TargetSet, start: number, end: number): TargetSet {
  return { ...t, data: t.data.subarray(start * t.cols, end * t.cols), rows: end - start };
}

function gatherTargets(t: TargetSet, idx: Int32Array): TargetSet {
  const data = new Float32Array(idx.length * t.cols);
  idx.forEach((from, to) => data.set(t.data.subarray(from * t.cols, (from + 1) * t.cols), to * t.cols));
  return { ...t, data, rows: idx.length };
}

export function sequential(layers: Layer[] = [], options: { seed?: number } = {}): Sequential {
  return new Sequential(layers, options);
}
