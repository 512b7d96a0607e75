/**
 * gradientFlow: how gradients survive depth. For each activation and depth, a stack of `depth`
 * dense layers (width units, that activation, heNormal by default: under Keras' glorotUniform even
 * ReLU's gradient shrinks about 0.66x per layer here, which hides the contrast) plus a linear output
 * runs one forward and backward pass (mean squared error against random targets) on random
 * inputs; the result is each layer's kernel-gradient norm, first layer first. Sigmoid's first-layer
 * norm falls by orders of magnitude as depth grows; ReLU's does not (the vanishing-gradient study).
 */
import type { InitializerName } from '../nn/initializers.js';
import { dense } from '../nn/layers/dense.js';
import { sequential } from '../nn/model.js';
import { Tensor2D } from '../nn/tensor.js';
import { Random } from '../random.js';
import { checkOptions, type OptionNames } from '../options.js';
import { requirePositiveInteger } from '../validate.js';
import { mean, standardDeviation } from './statistics.js';

export interface GradientFlowOptions {
  activations: readonly string[];
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
  depth: number;
  /** L2 norm of each hidden layer's kernel gradient, input side first. */
  layerNorms: number[];
  mean: number;
  std: number;
  min: number;
  max: number;
}


export function gradientFlow(options: GradientFlowOptions): GradientFlowRow[] {
  if (options === undefined) throw new TypeError('gradientFlow() needs options { activations, ... }, got undefined');
  checkOptions(options, 'gradientFlow()', GRADIENT_FLOW_OPTIONS);
  const depths = options.depths ?? [3, 5, 10, 15, 20];
  const width = requirePositiveInteger(options.width ?? 64, 'width');
  const inputDim = requirePositiveInteger(options.inputDim ?? 100, 'inputDim');
  const batch = requirePositiveInteger(options.batch ?? 32, 'batch');
  const seed = options.seed ?? 0;
  if (!Array.isArray(options.activations) || options.activations.length === 0) throw new RangeError('activations must be a non-empty array of names');
  depths.forEach((d) => requirePositiveInteger(d, 'each depth'));
  const random = new Random(seed);
  const x = new Tensor2D(Float32Array.from({ length: batch * inputDim }, () => random.normal()), batch, inputDim);
  const y = new Tensor2D(Float32Array.from({ length: batch }, () => random.normal()), batch, 1);
  const rows: GradientFlowRow[] = [];
  for (const activation of options.activations) {
    for (const depth of depths) {
      const hidden = Array.from({ length: depth }, (_, i) => dense(width, { activation, inputDim: i === 0 ? inputDim : undefined, kernelInitializer: options.kernelInitializer ?? 'heNormal' }));
      const model = sequential([...hidden, dense(1)], { seed: seed + depth });
      model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
      model.computeGradients(x, y);
      const layerNorms = hidden.map((layer) => Math.hypot(...layer.params()[0].grad));
      rows.push({ activation: hidden[0].activation.name, depth, layerNorms, mean: mean(layerNorms), std: standardDeviation(layerNorms), min: Math.min(...layerNorms), max: Math.max(...layerNorms) });
    }
  }
  return rows;
}
