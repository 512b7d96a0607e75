/**
 * fit's verbose output as a callback (fit adds it unless verbose: 0), Keras style: on a terminal a
 * progress bar per epoch redrawn in place ("Epoch 3/20 [=========>.........] 9/14 - loss: 0.2311
 * - accuracy: 0.9420"); elsewhere (CI logs, pipes) one plain line per epoch.
 */
import { formatLogs, progressBar } from '../progress-bar.js';
import type { Callback } from './callback-types.js';

const BAR = 24;

/** Progress on `stream`: a bar when `tty` (by default, when the stream is a terminal), else a line per epoch. */
export function progressLogger(stream: NodeJS.WriteStream = process.stdout, tty = stream.isTTY === true): Callback {
  let epochs = 0;
  let batches = 0;
  let head = '';
  let started = 0;
  let lastDraw = 0;
  let epochOpen = false;
  return {
    onTrainBegin(_model, params) {
      epochs = params.epochs;
      batches = params.batches;
    },
    onEpochBegin(epoch) {
      head = `Epoch ${epoch + 1}/${epochs}`;
      started = Date.now();
      lastDraw = 0;
      epochOpen = true;
    },
    onBatchEnd(batch, logs) {
      if (!tty) return;
      const done = batch + 1;
      const now = Date.now();
      if (done < batches && now - lastDraw < 50) return; // at most 20 redraws a second
      lastDraw = now;
      stream.write(`\r${head} ${progressBar(done, batches, BAR)} ${done}/${batches} - ${formatLogs(logs)}\x1b[K`);
    },
    onEpochEnd(_epoch, logs) {
      epochOpen = false;
      const line = `${head} - ${((Date.now() - started) / 1000).toFixed(2)}s - ${formatLogs(logs)}`;
      stream.write(tty ? `\r${line}\x1b[K\n` : `${line}\n`);
    },
    onTrainEnd(_model, end) {
      // stopped inside an epoch (a non-finite loss): say why under the unfinished bar
      if (epochOpen && end.stopReason) stream.write(`\n${end.stopReason}\n`);
    },
  };
}
