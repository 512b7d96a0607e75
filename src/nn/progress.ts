/**
 * fit's verbose output, Keras style: on a terminal a progress bar per epoch redrawn in place
 * ("Epoch 3/20 [=========>.........] 9/14 - loss: 0.2311 - accuracy: 0.9420"); elsewhere (CI
 * logs, pipes) one plain line per epoch.
 */
import type { Logs } from './callbacks.js';

export interface Progress {
  batch(done: number, total: number, logs: Logs): void;
  epochEnd(logs: Logs, seconds: number): void;
}

const BAR = 24;

function format(logs: Logs): string {
  return Object.entries(logs)
    .map(([k, v]) => `${k}: ${Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(4) : v.toExponential(3)}`)
    .join(' - ');
}

export function progress(epoch: number, epochs: number, stream: NodeJS.WriteStream = process.stdout): Progress {
  const head = `Epoch ${epoch + 1}/${epochs}`;
  const tty = stream.isTTY === true;
  let lastDraw = 0;
  return {
    batch(done, total, logs) {
      if (!tty) return;
      const now = Date.now();
      if (done < total && now - lastDraw < 50) return; // at most 20 redraws a second
      lastDraw = now;
      const filled = Math.round((done / total) * BAR);
      const bar = '='.repeat(Math.max(0, filled - 1)) + (done < total ? '>' : '=') + '.'.repeat(BAR - filled);
      stream.write(`\r${head} [${bar}] ${done}/${total} - ${format(logs)}\x1b[K`);
    },
    epochEnd(logs, seconds) {
      const line = `${head} - ${seconds.toFixed(2)}s - ${format(logs)}`;
      stream.write(tty ? `\r${line}\x1b[K\n` : `${line}\n`);
    },
  };
}
