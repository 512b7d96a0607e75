/** The one text progress bar (fit's verbose output and the CLI's commands draw it). */

/** A text bar for step of total: [=========>..........]. */
export function progressBar(step: number, total: number, width = 20): string {
  const filled = Math.round((step / total) * width);
  return `[${'='.repeat(Math.max(0, filled - 1))}${step < total ? '>' : '='}${'.'.repeat(width - filled)}]`;
}

/** Logs as "loss: 0.2311 - accuracy: 0.9420" (tiny values in exponent form). */
export function formatLogs(logs: Readonly<Record<string, number>>): string {
  return Object.entries(logs)
    .map(([k, v]) => `${k}: ${Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(4) : v.toExponential(3)}`)
    .join(' - ');
}
