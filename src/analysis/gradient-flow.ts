/**
 * gradientFlow: how gradients survive depth (STUDY.md C). For each activation and depth, a network
 * of `depth` dense layers in all, the output included: Dense(width, activation) on inputs of
 * inputDim features, depth - 2 more Dense(width, activation), then Dense(1, sigmoid). One batch of
 * standard-normal rows with random 0/1 labels goes forward and back through binary cross-entropy;
 * the result is the gradient norm of every layer's kernel and bias, input side first, and the
 * mean, standard deviation, minimum and maximum over all of them (kernels and biases together, as
 * the classic guide counts them). Kernels start Glorot uniform (Keras' default) unless
 * kernelInitializer says otherwise (heNormal keeps ReLU's gradient from shrinking with depth);
 * biases start at zero. Sigmoid's first-layer norm falls by orders of magnitude as depth grows.
 */
import { getActivation } from '../activations/registry.js';
import type { InitializerName } from '../nn/initializers.js';
import { dense } from '../nn/layers/dense.js';
import { sequential } from '../nn/model.js';
import { Tensor2D } from '../nn/tensor.js';
import { Random } from '../random.js';
import { checkOptions, type OptionNames } from '../options.js';
import { requirePositiveInteger, showValue } from '../validate.js';
import { mean, standardDeviation } from './statistics.js';

export interface GradientFlowOptions {
  activations: readonly string[];
  /** Layer counts, the output layer included (each at least 2). */
  depths?: readonly number[];
  width?: number;
  inputDim?: number;
  batch?: number;
  seed?: number;
  kernelInitializer?: InitializerName;
}
const GRADIENT_FLOW_OPTIONS: OptionNames<GradientFlowOptions> = {
  activations: true, depths: true, width: true, inputDim: true, batch: true, seed: true, kernelInitializer: true,
};

export interface GradientFlowRow {
  activation: string;
  /** Layers in all, the output included. */
  depth: number;
  /** L2 norm of each layer's kernel gradient, input side first, the output layer last. */
  layerNorms: number[];
  /** L2 norm of each layer's bias gradient, in the same order. */
  biasNorms: number[];
  /** Statistics over the kernel and bias norms together. */
  mean: number;
  std: number;
  min: number;
  max: number;
}

export function gradientFlow(options: GradientFlowOptions): GradientFlowRow[] {
  if (options === undefined) throw new TypeError('gradientFlow() needs options { activations, ... }, got undefined');
  checkOptions(options, 'gradientFlow()', GRADIENT_FLOW_OPTIONS);
  const depths = options.depths ?? [3, 5, 10, 15, 20];
  const width = requirePositiveInteger(options.width ?? 64, 'width', 2 ** 24);
  const inputDim = requirePositiveInteger(options.inputDim ?? 100, 'inputDim', 2 ** 24);
  const batch = requirePositiveInteger(options.batch ?? 32, 'batch', 2 ** 24);
  const seed = options.seed ?? 0;
  if (!Array.isArray(options.activations) || options.activations.length === 0) throw new RangeError('activations must be a non-empty array of names');
  if (!Array.isArray(depths) || depths.length === 0) throw new RangeError('depths must be a non-empty array of layer counts');
  for (const d of depths) {
    if (!Number.isInteger(d) || d < 2 || d > 10_000) throw new RangeError(`each depth counts every layer, the output included, so must be an integer from 2 to 10000, got ${showValue(d)}`);
  }
  const activations = options.activations.map((name) => getActivation(name).name);
  const random = new Random(seed);
  const x = new Tensor2D(Float32Array.from({ length: batch * inputDim }, () => random.normal()), batch, inputDim);
  const y = Int32Array.from({ length: batch }, () => (random.next() < 0.5 ? 0 : 1));
  const kernelInitializer = options.kernelInitializer ?? 'glorotUniform';
  const rows: GradientFlowRow[] = [];
  for (const activation of activations) {
    for (const depth of depths) {
      const hidden = Array.from({ length: depth - 1 }, (_, i) => dense(width, { activation, inputDim: i === 0 ? inputDim : undefined, kernelInitializer }));
      const layers = [...hidden, dense(1, { activation: 'sigmoid', kernelInitializer })];
      const model = sequential(layers, { seed: seed + depth });
      model.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy' });
      model.computeGradients(x, y);
      const layerNorms = layers.map((layer) => Math.hypot(...layer.params()[0].grad));
      const biasNorms = layers.map((layer) => Math.hypot(...layer.params()[1].grad));
      const all = [...layerNorms, ...biasNorms];
      rows.push({ activation, depth, layerNorms, biasNorms, mean: mean(all), std: standardDeviation(all), min: Math.min(...all), max: Math.max(...all) });
    }
  }
  return rows;
}
