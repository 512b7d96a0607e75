/**
 * batchNormalization(): per feature, y = gamma (x - mean) / sqrt(var + epsilon) + beta, with the
 * batch's mean and (biased) variance while training and the moving averages at inference
 * (moving = momentum moving + (1 - momentum) batch; Keras' defaults momentum 0.99, epsilon 1e-3).
 */
import { Tensor2D } from '../tensor.js';
import { param, requireBuilt, type Layer, type LayerConfig, type LayerKind, type Param, type State } from './layer.js';
import { checkOptions, type OptionNames } from '../../options.js';
import { showValue } from '../../validate.js';

export interface BatchNormalizationOptions {
  momentum?: number;
  epsilon?: number;
}
const BATCH_NORMALIZATION_OPTIONS: OptionNames<BatchNormalizationOptions> = { momentum: true, epsilon: true };

export class BatchNormalization implements Layer {
  readonly kind = 'batchNormalization';
  readonly momentum: number;
  readonly epsilon: number;
  outputDim = -1;
  private gamma!: Param;
  private beta!: Param;
  private movingMean = new Float32Array(0);
  private movingVariance = new Float32Array(0);
  private xHat: Float32Array | null = null;
  private invStd: Float64Array | null = null;

  constructor(options: BatchNormalizationOptions = {}) {
    checkOptions(options, 'batchNormalization()', BATCH_NORMALIZATION_OPTIONS);
    this.momentum = options.momentum ?? 0.99;
    this.epsilon = options.epsilon ?? 1e-3;
    if (!(typeof this.momentum === 'number' && this.momentum >= 0 && this.momentum <= 1)) throw new RangeError(`momentum must be in [0, 1], got ${showValue(this.momentum)}`);
    if (!(typeof this.epsilon === 'number' && this.epsilon > 0)) throw new RangeError(`epsilon must be > 0, got ${showValue(this.epsilon)}`);
  }

  build(inputDim: number): number {
    this.gamma = param('gamma', [inputDim]);
    this.gamma.value.fill(1);
    this.beta = param('beta', [inputDim]);
    this.movingMean = new Float32Array(inputDim);
    this.movingVariance = new Float32Array(inputDim).fill(1);
    this.outputDim = inputDim;
    return inputDim;
  }

  forward(x: Tensor2D, training: boolean): Tensor2D {
    requireBuilt(this.outputDim, this.kind);
    const { rows, cols } = x;
    if (cols !== this.outputDim) throw new RangeError(`batchNormalization expects ${this.outputDim} features per sample, got ${cols}`);
    const mean = new Float64Array(cols);
    const variance = new Float64Array(cols);
    if (training) {
      for (let i = 0; i < x.data.length; i++) mean[i % cols] += x.data[i];
      for (let c = 0; c < cols; c++) mean[c] /= rows;
      for (let i = 0; i < x.data.length; i++) variance[i % cols] += (x.data[i] - mean[i % cols]) ** 2;
      for (let c = 0; c < cols; c++) {
        variance[c] /= rows;
        this.movingMean[c] = this.momentum * this.movingMean[c] + (1 - this.momentum) * mean[c];
        this.movingVariance[c] = this.momentum * this.movingVariance[c] + (1 - this.momentum) * variance[c];
      }
    } else {
      mean.set(this.movingMean);
      variance.set(this.movingVariance);
    }
    const invStd = variance.map((v) => 1 / Math.sqrt(v + this.epsilon));
    const xHat = new Float32Array(x.data.length);
    const out = new Float32Array(x.data.length);
    for (let i = 0; i < out.length; i++) {
      const c = i % cols;
      xHat[i] = (x.data[i] - mean[c]) * invStd[c];
      out[i] = this.gamma.value[c] * xHat[i] + this.beta.value[c];
    }
    if (training) {
      this.xHat = xHat;
      this.invStd = invStd;
    }
    return new Tensor2D(out, rows, cols);
  }

  backward(dy: Tensor2D): Tensor2D {
    if (!this.xHat || !this.invStd) throw new Error('batchNormalization: backward called without a training forward pass');
    const { rows, cols } = dy;
    const sumDy = new Float64Array(cols);
    const sumDyXHat = new Float64Array(cols);
    for (let i = 0; i < dy.data.length; i++) {
      sumDy[i % cols] += dy.data[i];
      sumDyXHat[i % cols] += dy.data[i] * this.xHat[i];
    }
    for (let c = 0; c < cols; c++) {
      this.gamma.grad[c] = sumDyXHat[c];
      this.beta.grad[c] = sumDy[c];
    }
    // dx = gamma invStd / N (N dy - sum dy - xHat sum(dy xHat))
    const dx = new Float32Array(dy.data.length);
    for (let i = 0; i < dx.length; i++) {
      const c = i % cols;
      dx[i] = ((this.gamma.value[c] * this.invStd[c]) / rows) * (rows * dy.data[i] - sumDy[c] - this.xHat[i] * sumDyXHat[c]);
    }
    return new Tensor2D(dx, rows, cols);
  }

  params(): Param[] {
    return [this.gamma, this.beta];
  }

  states(): State[] {
    return [
      { name: 'movingMean', value: this.movingMean },
      { name: 'movingVariance', value: this.movingVariance },
    ];
  }

  toConfig(): LayerConfig {
    return { kind: this.kind, config: { momentum: this.momentum, epsilon: this.epsilon } };
  }
}

export function batchNormalization(options?: BatchNormalizationOptions): BatchNormalization {
  return new BatchNormalization(options);
}

export const BATCH_NORMALIZATION: LayerKind = {
  kind: 'batchNormalization',
  fromConfig: (c) => batchNormalization({ momentum: c.momentum as number | undefined, epsilon: c.epsilon as number | undefined }),
  weightSizes: (_c, inputDim) => ({ params: [inputDim, inputDim], states: [inputDim, inputDim], outputDim: inputDim }),
};
