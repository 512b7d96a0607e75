/**
 * A layer's per-batch arrays during training, by role (its output, pre-activation, gradients),
 * reused from step to step while the batch size stays the same. What one step wrote is valid until
 * the next training step of the same layer, which is all backward and the loss need.
 */
export class TrainingBuffers {
  private readonly arrays = new Map<string, { storage: Float32Array; view: Float32Array }>();

  /**
   * The role's array of exactly `length` elements (its contents are the previous step's). A view of
   * the largest array the role has had: an epoch's short last batch and the full batches after it
   * reuse the same memory instead of reallocating every buffer twice per epoch.
   */
  get(role: string, length: number): Float32Array {
    let entry = this.arrays.get(role);
    if (entry?.view.length === length) return entry.view;
    if (!entry || entry.storage.length < length) {
      const storage = new Float32Array(length);
      entry = { storage, view: storage };
      this.arrays.set(role, entry);
    } else {
      entry.view = entry.storage.length === length ? entry.storage : entry.storage.subarray(0, length);
    }
    return entry.view;
  }
}
