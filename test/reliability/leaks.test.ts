import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsOnly } from '../support/backends.js';

/**
 * Resident memory across long runs, each in a fresh process (--expose-gc, RSS read after a full
 * collection): warm up, measure, run, measure. The bound is 32 MiB of growth: far below what a
 * per-call leak would show (1 million calls leaking even 64 bytes each is 61 MiB).
 */
const entry = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const BOUND = 32 * 1024 * 1024;

/** Runs `body` (which defines SCALE and run(fraction)) in a fresh process; growth must stay within BOUND. */
function expectNoGrowth(label: string, body: string): void {
  const script = `import * as a from ${JSON.stringify(entry)};
    const rss = () => { global.gc(); global.gc(); return process.memoryUsage().rss; };
    ${body}
    await run(1 / SCALE); const before = rss(); // warm-up: a small share of the run
    await run(1); const after = rss();
    process.stdout.write(JSON.stringify({ before, after }));`;
  const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, ACTFN_QUIET: '1' }, maxBuffer: 1 << 20 });
  const { before, after } = JSON.parse(out) as { before: number; after: number };
  console.log(`${label}: RSS ${(before / 2 ** 20).toFixed(1)} -> ${(after / 2 ** 20).toFixed(1)} MiB`);
  expect(after - before).toBeLessThan(BOUND);
}

describe.skipIf(jsOnly)('no leaks', () => {
  it('one million sync calls of mixed ops', () => {
    expectNoGrowth('sync', `
      const SCALE = 50;
      const x32 = new Float32Array(257).map((_, i) => i / 20 - 6), x64 = Float64Array.from(x32), dy = new Float32Array(257).fill(0.5);
      const acts = ['gelu', 'relu', 'sigmoid', 'mish', 'softplus'].map((n) => a.getActivation(n));
      async function run(fraction) {
        const calls = 1_000_000 * fraction;
        for (let i = 0; i < calls; i++) {
          const f = acts[i % 5];
          switch (i % 4) {
            case 0: f.forward(x32); break;
            case 1: f.derivative(x64); break;
            case 2: f.backward(x32, dy); break;
            default: a.softmax(x32.subarray(0, 256), 16);
          }
        }
      }`);
  }, 120_000);

  it('one hundred thousand async calls', () => {
    expectNoGrowth('async', `
      const SCALE = 5;
      const x = new Float32Array(1000).map((_, i) => i / 100 - 5), out = new Float32Array(1000);
      const gelu = a.getActivation('gelu');
      async function run(fraction) {
        const calls = 100_000 * fraction;
        for (let i = 0; i < calls; i += 100) {
          await Promise.all(Array.from({ length: 100 }, (_, j) => (j % 2 ? gelu.forwardAsync(x, out) : a.softmaxAsync(x, 100, out))));
        }
      }`);
  }, 120_000);

  it('a training run of 1000 epochs', () => {
    expectNoGrowth('training', `
      const SCALE = 200;
      const { x, y } = a.makeMoons(256, { noise: 0.2, seed: 1 });
      const model = a.sequential([a.dense(16, { activation: 'relu', inputDim: 2 }), a.dropout(0.1), a.dense(1, { activation: 'sigmoid' })], { seed: 1 });
      model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
      async function run(fraction) { await model.fit(x, y, { epochs: Math.max(1, Math.round(1000 * fraction)), batchSize: 32, verbose: 0 }); }`);
  }, 120_000);

  // Each new thread may get its own malloc arena (up to 8 per core), and glibc keeps what an arena
  // held when its thread exits: RSS climbs about 30 MiB over the first 40 or so terminations, then
  // stays (with MALLOC_ARENA_MAX=1 it grows under 4 MiB throughout). Hence the long warm-up.
  it('workers terminated in the middle of async calls', () => {
    expectNoGrowth('terminated workers', `
      const SCALE = 2;
      const { Worker } = await import('node:worker_threads');
      const code = "const { parentPort, workerData } = require('node:worker_threads');" +
        "import(workerData.entry).then(async (a) => { const x = new Float32Array(2_000_000).fill(0.5);" +
        " parentPort.postMessage('go'); for (;;) await a.getActivation('mish').forwardAsync(x); });";
      async function run(fraction) {
        for (let i = 0; i < 80 * fraction; i++) {
          const w = new Worker(code, { eval: true, execArgv: [], workerData: { entry: ${JSON.stringify(entry)} } });
          await new Promise((resolve) => w.once('message', resolve));
          await new Promise((resolve) => setTimeout(resolve, 5 + (i % 7)));
          await w.terminate();
        }
      }`);
  }, 120_000);
});
