/**
 * What a trained network's hidden units are doing on some data. deadNeurons: in each layer whose
 * activation has a dead zone (the table's `deadZone`: relu, relu6, the hard variants, the shrinks,
 * leakyRelu with alpha 0), the fraction of units whose
 * output is zero for every sample (they no longer learn: "dying ReLU"). saturation: in each layer
 * whose activation saturates on both sides (the table's `saturates: 'both'`: sigmoid, tanh,
 * softsign, the hard variants), the fraction of (sample, unit) pairs with |f'(z)| < 1e-3, and of
 * units saturated on every sample. Each row says whether its layer is the model's output layer,
 * so a study of hidden units can tell the output sigmoid apart.
 */
import type { ActivationChoice } from '../activations/choice.js';
import { getActivation } from '../activations/registry.js';
import { Sequential } from '../nn/model.js';
import { describeValue } from '../validate.js';
import type { Tensor2D } from '../nn/tensor.js';
import { asInputs } from '../nn/targets.js';
import { VANISHING_GRADIENT } from './curves.js';


interface ActivatedLayer {
  index: number;
  activation: string;
  params: Readonly<Record<string, number>>;
  output: Tensor2D;
  /** The activation's input z (f'(z) is what saturates). */
  input: Tensor2D;
  /** The model's last layer (its output), not a hidden one. */
  isOutput: boolean;
}

function activatedLayers(model: Sequential, x: Tensor2D | ReadonlyArray<readonly number[]>): ActivatedLayer[] {
  if (!(model instanceof Sequential)) throw new TypeError(`model must be a Sequential (from sequential([...])), got ${describeValue(model)}`);
  const outputs = model.layerOutputs(x);
  return outputs.flatMap(({ layer, output, preActivation }, index) => {
    const choice = (layer as { activation?: ActivationChoice }).activation;
    if (!choice || choice.kind !== 'elementwise') return []; // the studies read f' elementwise
    // f's input: a dense layer's pre-activation, or what the layer before fed a standalone activation
    const input = preActivation ?? (index > 0 ? outputs[index - 1].output : asInputs(x, 'x'));
    return [{ index, activation: choice.name, params: choice.params, output, input, isOutput: index === outputs.length - 1 }];
  });
}

export interface DeadNeuronReport {
  layer: number;
  activation: string;
  units: number;
  dead: number;
  deadFraction: number;
  /** True for the model's output layer (e.g. its sigmoid), which is no hidden layer of the activation under study. */
  output: boolean;
}

export function deadNeurons(model: Sequential, x: Tensor2D | ReadonlyArray<readonly number[]>): DeadNeuronReport[] {
  return activatedLayers(model, x)
    .filter((l) => getActivation(l.activation, l.params).properties.deadZone)
    .map(({ index, activation, output, isOutput }) => {
      let dead = 0;
      for (let c = 0; c < output.cols; c++) {
        let alive = false;
        for (let r = 0; r < output.rows && !alive; r++) alive = output.data[r * output.cols + c] !== 0;
        if (!alive) dead++;
      }
      return { layer: index, activation, units: output.cols, dead, deadFraction: dead / output.cols, output: isOutput };
    });
}

export interface SaturationReport {
  layer: number;
  activation: string;
  units: number;
  /** Fraction of (sample, unit) pairs with |f'| < 1e-3. */
  saturatedFraction: number;
  /** Fraction of units saturated on every sample. */
  alwaysSaturatedFraction: number;
  /** True for the model's output layer (e.g. its sigmoid), which is no hidden layer of the activation under study. */
  output: boolean;
}

export function saturation(model: Sequential, x: Tensor2D | ReadonlyArray<readonly number[]>): SaturationReport[] {
  return activatedLayers(model, x)
    .filter((l) => getActivation(l.activation, l.params).properties.saturates === 'both')
    .map(({ index, activation, params, input: z, isOutput }) => {
      const df = getActivation(activation, params).derivative(z.data);
      let saturated = 0;
      let always = 0;
      for (let c = 0; c < z.cols; c++) {
        let all = true;
        for (let r = 0; r < z.rows; r++) {
          const s = Math.abs(df[r * z.cols + c]) < VANISHING_GRADIENT;
          if (s) saturated++;
          else all = false;
        }
        if (all) always++;
      }
      return { layer: index, activation, units: z.cols, saturatedFraction: saturated / (z.rows * z.cols), alwaysSaturatedFraction: always / z.cols, output: isOutput };
    });
}
