import { describe, expect, it } from 'vitest';
import { getActivation } from '../../src/index.js';
import { jsOnly } from '../support/backends.js';
import { seededRandom } from '../support/tolerance.js';

/**
 * Outputs of 32 MiB and more are written with non-temporal stores (native/kernels/parallel.h,
 * kStreamBytes), after an aligned head. The values must not depend on that: compare against the
 * in-place call, which never streams, with the output at an aligned and a misaligned address.
 */
const bytes = (a: Float32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe.skipIf(jsOnly)('streaming stores for large outputs', () => {
  for (const ctor of [Float32Array, Float64Array]) {
    const n = (32 * 2 ** 20) / ctor.BYTES_PER_ELEMENT + 37;
    const random = seededRandom(n);
    const x = new ctor(n).map(() => (random() - 0.5) * 16);
    const dy = new ctor(n).map(() => random() - 0.5);
    for (const name of ['relu', 'leakyRelu', 'hardSwish', 'softsign']) {
      it(`give the same ${name} values as ordinary stores (${ctor.name}, ${n} elements)`, () => {
        const act = getActivation(name);
        const reference = act.forward(x.slice(), undefined);
        const inPlace = x.slice();
        act.forward(inPlace, inPlace);
        expect(Buffer.compare(bytes(reference), bytes(inPlace))).toBe(0);
        const backing = new ctor(n + 3);
        for (const offset of [0, 1, 3]) {
          const out = backing.subarray(offset, offset + n);
          act.forward(x, out);
          expect(Buffer.compare(bytes(out), bytes(inPlace)), `forward, out offset ${offset}`).toBe(0);
        }
        const grad = dy.slice();
        act.backward(x, grad, grad); // in place on dy: never streams
        const out = backing.subarray(1, 1 + n);
        act.backward(x, dy, out);
        expect(Buffer.compare(bytes(out), bytes(grad)), 'backward').toBe(0);
      });
    }
  }
});
