/**
 * A model's parameters side by side: every value array a view into one Float32Array, every
 * gradient a view into another, in layer order. The optimizers are elementwise (each element's
 * update depends on its own value, gradient and state alone), so one backend call over the whole
 * arena does what one call per parameter array did: the reference network's Adam step went from
 * six native calls to one.
 */
import type { Param } from './layers/layer.js';

/** Moves each param's value and grad (contents kept) into two shared arrays, as views in list order. */
export function packParams(params: readonly Param[]): void {
  const total = params.reduce((sum, p) => sum + p.value.length, 0);
  const values = new Float32Array(total);
  const grads = new Float32Array(total);
  let at = 0;
  for (const p of params) {
    const end = at + p.value.length;
    values.set(p.value, at);
    grads.set(p.grad, at);
    // a Param's arrays are readonly to its users; the model relocates them once, when it builds
    const moved = p as { value: Float32Array; grad: Float32Array };
    moved.value = values.subarray(at, end);
    moved.grad = grads.subarray(at, end);
    at = end;
  }
}

/**
 * One view over `count` arrays (array(i) for i < count) when they lie back to back, in order, in
 * one buffer; else null. Asked again for the same arrays, it hands out the same view.
 */
export class SpanFinder {
  private last: Float32Array | null = null;
  // the arrays the last view was found for: the same arrays again (every step of a fit) need no check
  private lastArrays: Float32Array[] = [];

  find(count: number, array: (i: number) => Float32Array): Float32Array | null {
    if (count === 0) return null;
    if (this.last && this.same(count, array)) return this.last;
    const first = array(0);
    let end = first.byteOffset + first.byteLength;
    for (let i = 1; i < count; i++) {
      const next = array(i);
      if (next.buffer !== first.buffer || next.byteOffset !== end) return null;
      end += next.byteLength;
    }
    this.lastArrays = Array.from({ length: count }, (_, i) => array(i));
    const length = (end - first.byteOffset) / Float32Array.BYTES_PER_ELEMENT;
    return (this.last = new Float32Array(first.buffer, first.byteOffset, length));
  }

  private same(count: number, array: (i: number) => Float32Array): boolean {
    if (count !== this.lastArrays.length) return false;
    for (let i = 0; i < count; i++) if (array(i) !== this.lastArrays[i]) return false;
    return true;
  }
}
