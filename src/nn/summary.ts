/** A Keras-style table of a model's layers, output widths and parameter counts. */
import type { Layer } from './layers/layer.js';

/** The layers must be built (their weights exist). */
export function summaryText(layers: readonly Layer[]): string {
  const rows = layers.map((l, i) => {
    const count = l.params().reduce((s, p) => s + p.value.length, 0);
    const act = 'activation' in l ? ` (${(l as { activation: { name: string } }).activation.name})` : '';
    return [`${i}: ${l.kind}${act}`, `(None, ${l.outputDim})`, String(count)];
  });
  const total = rows.reduce((s, r) => s + Number(r[2]), 0);
  const widths = [28, 16, 10];
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' ');
  return [line(['Layer (type)', 'Output shape', 'Params']), '-'.repeat(56), ...rows.map(line), '-'.repeat(56), `Total params: ${total}`].join('\n');
}
