/**
 * dropout(rate): while training, zeroes each input with probability `rate` and scales the rest by
 * 1 / (1 - rate) (inverted dropout, as Keras and PyTorch); the identity at inference. The mask
 * comes from the model's seeded generator in TypeScript, so both backends draw the same one.
 */
import type { Random } from '../../random.js';
import { Tensor2D } from '../tensor.js';
import { requireBuilt, type Layer, type LayerConfig, type LayerKind, type Param, type State } from './layer.js';
import { showValue } from '../../validate.js';

export class Dropout implements Layer {
  readonly kind = 'dropout';
  readonly rate: number;
  outputDim = -1;
  private random: Random | null = null;
  private mask: Float32Array | null = null;

  constructor(rate: number) {
    if (!(typeof rate === 'number' && rate >= 0 && rate < 1)) throw new RangeError(`rate must be a number in [0, 1), got ${showValue(rate)}`);
    this.rate = rate;
  }

  build(inputDim: number, random: Random): number {
    this.random = random;
    this.outputDim = inputDim;
    return inputDim;
  }

  forward(x: Tensor2D, training: boolean): Tensor2D {
    requireBuilt(this.outputDim, this.kind);
    if (!training || this.rate === 0) {
      this.mask = null;
      return x;
    }
    const keep = 1 / (1 - this.rate);
    const mask = new Float32Array(x.data.length);
    const out = new Float32Array(x.data.length);
    for (let i = 0; i < mask.length; i++) {
      mask[i] = this.random!.next() < this.rate ? 0 : keep;
      out[i] = x.data[i] * mask[i];
    }
    this.mask = mask;
    return new Tensor2D(out, x.rows, x.cols);
  }

  backward(dy: Tensor2D): Tensor2D {
    if (!this.mask) return dy;
    const dx = new Float32Array(dy.data.length);
    for (let i = 0; i < dx.length; i++) dx[i] = dy.data[i] * this.mask[i];
    return new Tensor2D(dx, dy.rows, dy.cols);
  }

  params(): Param[] {
    return [];
  }

  states(): State[] {
    return [];
  }

  toConfig(): LayerConfig {
    return { kind: this.kind, config: { rate: this.rate } };
  }
}

export function dropout(rate: number): Dropout {
  return new Dropout(rate);
}

export const DROPOUT: LayerKind = {
  kind: 'dropout',
  fromConfig: (c) => dropout(c.rate as number),
  weightSizes: (_c, inputDim) => ({ params: [], states: [], outputDim: inputDim }),
};
