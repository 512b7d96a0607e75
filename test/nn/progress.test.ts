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

describe("fit's verbose, on by default as in Keras", () => {
  /** What fit writes to stdout, with stdout posing as a terminal or not. */
  async function stdoutOf(tty: boolean, run: () => Promise<unknown>): Promise<string[]> {
    const written: string[] = [];
    const write = process.stdout.write;
    const wasTTY = process.stdout.isTTY;
    (process.stdout as { isTTY?: boolean }).isTTY = tty;
    process.stdout.write = ((chunk: string) => written.push(String(chunk)) > 0) as unknown as typeof process.stdout.write;
    try {
      await run();
    } finally {
      process.stdout.write = write;
      (process.stdout as { isTTY?: boolean }).isTTY = wasTTY;
    }
    return written;
  }
  const x = tensor2d([[0, 1], [1, 0], [1, 1], [0, 0]]);
  const y = [0, 1, 1, 0];
  const model = () => sequential([dense(1, { inputDim: 2, activation: 'sigmoid' })], { seed: 1 }).compile({ optimizer: 'sgd', loss: 'binaryCrossentropy', metrics: ['accuracy'] });

  it('prints one line per epoch off a terminal without being asked', async () => {
    const out = await stdoutOf(false, () => model().fit(x, y, { epochs: 3, batchSize: 2 }));
    expect(out).toHaveLength(3);
    out.forEach((line, i) => expect(line).toMatch(new RegExp(`^Epoch ${i + 1}/3 - \\d+\\.\\d\\ds - loss: \\d\\.\\d{4} - accuracy: \\d\\.\\d{4}\\n$`)));
  });

  it('draws a progress bar on a terminal without being asked', async () => {
    const out = await stdoutOf(true, () => model().fit(x, y, { epochs: 2, batchSize: 2 }));
    expect(out.some((c) => /^\rEpoch 1\/2 \[[=>.]+\] \d\/2 - loss: /.test(c))).toBe(true);
    expect(out.filter((c) => c.endsWith('\n'))).toHaveLength(2); // each epoch ends with its line
  });

  it("is silent with verbose: 0; verbose: 2 is a line per epoch even on a terminal; 'auto' is the default", async () => {
    expect(await stdoutOf(true, () => model().fit(x, y, { epochs: 2, verbose: 0 }))).toEqual([]);
    const lines = await stdoutOf(true, () => model().fit(x, y, { epochs: 2, batchSize: 1, verbose: 2 }));
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.startsWith('Epoch '))).toBe(true);
    expect(await stdoutOf(false, () => model().fit(x, y, { epochs: 2, verbose: 'auto' }))).toHaveLength(2);
    await expect(model().fit(x, y, { verbose: 3 as never })).rejects.toThrow(/verbose must be 0 \(silent\), 1 or 'auto'/);
  });
});
