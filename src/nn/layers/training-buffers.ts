/**
 * A layer's per-batch arrays during training, by role (its output, pre-activation, gradients),
 * reused from step to step while the batch size stays the same. What one step wrote is valid until
 * the next training step of the same layer, which is all backward and the loss need.
 */
export class TrainingBuffers {
  private readonly arrays = new Map<string, Float32Array>();

  /** The role's array of exactly `length` elements (its contents are the previous step's). */
  get(role: string, length: number): Float32Array {
    let array = this.arrays.get(role);
    if (array?.length !== length) {
      array = new Float32Array(length);
      this.arrays.set(role, array);
    }
    return array;
  }
}
