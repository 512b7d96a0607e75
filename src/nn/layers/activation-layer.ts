/** activation(name): an activation on its own, as a layer (Keras' Activation layer). */
import { Tensor2D } from '../tensor.js';
import { activationConfig, resolveActivation, type ActivationArg, type ActivationChoice } from '../../activations/choice.js';
import { requireBuilt, type Layer, type LayerConfig, type LayerKind, type Param, type State } from './layer.js';

export class ActivationLayer implements Layer {
  readonly kind = 'activation';
  readonly activation: ActivationChoice;
  outputDim = -1;
  private x: Tensor2D | null = null;
  private y: Float32Array | null = null;

  constructor(activation: ActivationArg) {
    if (activation === null || activation === undefined) throw new TypeError('activation layer needs an activation name or Activation');
    this.activation = resolveActivation(activation);
  }

  build(inputDim: number): number {
    this.outputDim = inputDim;
    return inputDim;
  }

  forward(x: Tensor2D, training: boolean): Tensor2D {
    requireBuilt(this.outputDim, this.kind);
    const out = new Float32Array(x.data.length);
    this.activation.forward(x.data, x.cols, out);
    if (training) {
      this.x = x;
      this.y = out;
    }
    return new Tensor2D(out, x.rows, x.cols);
  }

  backward(dy: Tensor2D): Tensor2D {
    if (!this.x || !this.y) throw new Error('activation layer: backward called without a training forward pass');
    const dx = new Float32Array(dy.data.length);
    this.activation.backward(this.x.data, this.y, dy.data, dy.cols, dx);
    return new Tensor2D(dx, dy.rows, dy.cols);
  }

  params(): Param[] {
    return [];
  }

  states(): State[] {
    return [];
  }

  toConfig(): LayerConfig {
    return { kind: this.kind, config: { activation: activationConfig(this.activation) } };
  }
}

export function activation(name: ActivationArg): ActivationLayer {
  return new ActivationLayer(name);
}

export const ACTIVATION: LayerKind = {
  kind: 'activation',
  fromConfig: (c) => activation(c.activation as ActivationArg),
  weightSizes: (_c, inputDim) => ({ params: [], states: [], outputDim: inputDim }),
};
