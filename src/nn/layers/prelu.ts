/** prelu(): y = x for x > 0, alpha x otherwise, with one learnable alpha per feature (Keras' PReLU, alpha starting at 0). */
import { Tensor2D } from '../tensor.js';
import { param, requireBuilt, type Layer, type LayerConfig, type LayerKind, type Param, type State } from './layer.js';
import { checkOptions, type OptionNames } from '../../options.js';
import { showValue } from '../../validate.js';

export interface PReLUOptions {
  /** The starting alpha of every feature (Keras' alpha_initializer; 0 by default). */
  alphaInitial?: number;
}
const PRELU_OPTIONS: OptionNames<PReLUOptions> = { alphaInitial: true };

export class PReLU implements Layer {
  readonly kind = 'prelu';
  readonly alphaInitial: number;
  outputDim = -1;
  private alpha!: Param;
  private x: Tensor2D | null = null;

  constructor(options: PReLUOptions = {}) {
    checkOptions(options, 'prelu()', PRELU_OPTIONS);
    this.alphaInitial = options.alphaInitial ?? 0;
    if (!Number.isFinite(this.alphaInitial)) throw new RangeError(`alphaInitial must be a finite number, got ${showValue(this.alphaInitial)}`);
  }

  build(inputDim: number): number {
    this.alpha = param('alpha', [inputDim]);
    this.alpha.value.fill(this.alphaInitial);
    this.outputDim = inputDim;
    return inputDim;
  }

  forward(x: Tensor2D, training: boolean): Tensor2D {
    requireBuilt(this.outputDim, this.kind);
    if (x.cols !== this.outputDim) throw new RangeError(`prelu expects ${this.outputDim} features per sample, got ${x.cols}`);
    const out = new Float32Array(x.data.length);
    for (let i = 0; i < out.length; i++) {
      const v = x.data[i];
      out[i] = v > 0 ? v : this.alpha.value[i % x.cols] * v;
    }
    if (training) this.x = x;
    return new Tensor2D(out, x.rows, x.cols);
  }

  backward(dy: Tensor2D): Tensor2D {
    if (!this.x) throw new Error('prelu: backward called without a training forward pass');
    const x = this.x.data;
    const dx = new Float32Array(dy.data.length);
    const dAlpha = new Float64Array(dy.cols);
    for (let i = 0; i < dx.length; i++) {
      const c = i % dy.cols;
      if (x[i] > 0) {
        dx[i] = dy.data[i];
      } else {
        dx[i] = this.alpha.value[c] * dy.data[i];
        dAlpha[c] += dy.data[i] * x[i];
      }
    }
    this.alpha.grad.set(dAlpha);
    return new Tensor2D(dx, dy.rows, dy.cols);
  }

  params(): Param[] {
    return [this.alpha];
  }

  states(): State[] {
    return [];
  }

  toConfig(): LayerConfig {
    return { kind: this.kind, config: { alphaInitial: this.alphaInitial } };
  }
}

export function prelu(options?: PReLUOptions): PReLU {
  return new PReLU(options);
}

export const PRELU: LayerKind = {
  kind: 'prelu',
  fromConfig: (c) => prelu({ alphaInitial: c.alphaInitial as number | undefined }),
  weightSizes: (_c, inputDim) => ({ params: [inputDim], states: [], outputDim: inputDim }),
};
