import { describe, expect, it } from 'vitest';
import { progressLogger } from '../../src/nn/progress.js';
import { progressBar } from '../../src/progress-bar.js';
import { dense, sequential, tensor2d } from '../../src/index.js';

function stream(tty: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY: tty, write: (s: string) => chunks.push(s) } as unknown as NodeJS.WriteStream };
}

describe('fit progress output, a callback', () => {
  it('draws the one progress bar', () => {
    expect(progressBar(3, 10, 10)).toBe('[==>.......]');
    expect(progressBar(10, 10, 10)).toBe('[==========]');
  });

  it('prints one line per epoch when not on a terminal', async () => {
    const out = stream(false);
    const model = sequential([dense(1, { inputDim: 2, activation: 'sigmoid' })], { seed: 1 });
    model.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy' });
    await model.fit(tensor2d([[0, 1], [1, 0], [1, 1]]), [0, 1, 1], { epochs: 2, batchSize: 2, callbacks: progressLogger(out.stream), verbose: 0 });
    expect(out.chunks).toHaveLength(2);
    expect(out.chunks[0]).toMatch(/^Epoch 1\/2 - \d+\.\d\ds - loss: \d\.\d{4}\n$/);
    expect(out.chunks[1]).toMatch(/^Epoch 2\/2 /);
  });

  it('redraws a bar per batch on a terminal and says why training stopped inside an epoch', async () => {
    const out = stream(true);
    const model = sequential([dense(1, { inputDim: 1 })], { seed: 1 });
    model.compile({ optimizer: { kind: 'sgd', hyper: { learningRate: 1e30, beta1: 0, beta2: 0, epsilon: 0, weightDecay: 0, nesterov: false } }, loss: 'mse' });
    const history = await model.fit(tensor2d([[1e20], [2e20], [3e20], [4e20]]), [1, 2, 3, 4], { epochs: 3, batchSize: 1, callbacks: progressLogger(out.stream), verbose: 0 });
    expect(history.stopReason).toMatch(/^loss became/);
    expect(out.chunks.at(-1)).toBe(`\n${history.stopReason}\n`);
    expect(out.chunks.some((c) => c.startsWith('\rEpoch 1/3 ['))).toBe(true);
  });
});
