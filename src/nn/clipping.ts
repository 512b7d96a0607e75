/**
 * Gradient clipping, as Keras' optimizer options: clipValue clamps each element of a gradient to
 * [-clipValue, clipValue]; clipNorm rescales each parameter array's gradient (each variable
 * separately, Keras' clipnorm, not global_clipnorm) to an L2 norm of at most clipNorm. With both,
 * the values are clamped first, then the norm bounded. Done on the gradient arrays before the
 * backend's optimizer step, so every optimizer and backend gets it.
 */

export interface Clipping {
  readonly clipNorm?: number;
  readonly clipValue?: number;
}

/** Clips grad in place. */
export function clipGradient(grad: Float32Array, { clipNorm, clipValue }: Clipping): void {
  if (clipValue !== undefined) {
    for (let i = 0; i < grad.length; i++) grad[i] = Math.min(clipValue, Math.max(-clipValue, grad[i]));
  }
  if (clipNorm !== undefined) {
    let squares = 0;
    for (let i = 0; i < grad.length; i++) squares += grad[i] * grad[i];
    const norm = Math.sqrt(squares);
    if (norm > clipNorm) {
      const scale = clipNorm / norm;
      for (let i = 0; i < grad.length; i++) grad[i] *= scale;
    }
  }
}
