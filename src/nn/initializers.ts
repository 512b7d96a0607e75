/**
 * Weight initializers by Keras name, for a fanIn x fanOut kernel. Normal variants are truncated at
 * two standard deviations and rescaled (0.87962566), as Keras and tfjs do.
 */
import type { Random } from '../random.js';
import { showValue } from '../validate.js';

export const INITIALIZERS = ['heNormal', 'heUniform', 'glorotNormal', 'glorotUniform', 'lecunNormal', 'lecunUniform', 'zeros', 'ones'] as const;
export type InitializerName = (typeof INITIALIZERS)[number];

const TRUNCATED_NORMAL_STD = 0.87962566103423978; // std of a standard normal truncated to [-2, 2]

function truncatedNormal(random: Random): number {
  for (;;) {
    const z = random.normal();
    if (Math.abs(z) <= 2) return z;
  }
}

/** Fills `out` (a fanIn x fanOut kernel) by the named scheme. */
export function initialize(name: InitializerName, out: Float32Array, fanIn: number, fanOut: number, random: Random): void {
  const scaleFor = { he: 2 / fanIn, glorot: 2 / (fanIn + fanOut), lecun: 1 / fanIn };
  const match = /^(he|glorot|lecun)(Normal|Uniform)$/.exec(name);
  if (match) {
    const variance = scaleFor[match[1] as keyof typeof scaleFor];
    if (match[2] === 'Normal') {
      const std = Math.sqrt(variance) / TRUNCATED_NORMAL_STD;
      for (let i = 0; i < out.length; i++) out[i] = std * truncatedNormal(random);
    } else {
      const limit = Math.sqrt(3 * variance);
      for (let i = 0; i < out.length; i++) out[i] = random.uniform(-limit, limit);
    }
    return;
  }
  if (name === 'zeros' || name === 'ones') {
    out.fill(name === 'ones' ? 1 : 0);
    return;
  }
  throw new RangeError(`kernelInitializer must be one of ${INITIALIZERS.join(', ')}, got ${showValue(name)}`);
}
