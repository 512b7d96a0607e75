import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { getActivation, setNumThreads, softmax } from '../../src/index.js';
import { jsOnly } from '../support/backends.js';

/**
 * worker_threads against the addon: four workers with different thread settings mixing sync and
 * async calls while the main thread computes too (the addon is context-aware: each loads it), and
 * workers terminated in the middle of async work.
 */
const dist = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const x = Float32Array.from({ length: 300_000 }, (_, i) => Math.sin(i) * 6);

const WORKER = `
  const { parentPort, workerData } = require('node:worker_threads');
  import(workerData.dist).then(async (a) => {
    a.setNumThreads(workerData.threads);
    const x = new Float32Array(workerData.x);
    const results = [];
    for (let i = 0; i < 4; i++) {
      const out = new Float32Array(x.length);
      if (i % 2) await a.getActivation('gelu').forwardAsync(x, out); else a.getActivation('gelu').forward(x, out);
      results.push(out);
      const sm = new Float32Array(x.length);
      if (i % 2) await a.softmaxAsync(x, 300, sm); else a.softmax(x, 300, sm);
      results.push(sm);
    }
    parentPort.postMessage({ backend: a.backendInfo().backend, threads: a.getNumThreads(), results });
  });`;

describe.skipIf(jsOnly)('concurrency', () => {
  it('four workers with 1..4 threads, sync and async, alongside the main thread: every result exact', async () => {
    setNumThreads(2);
    const gelu = getActivation('gelu').forward(x);
    const sm = softmax(x, 300);
    const workers = [1, 2, 3, 4].map((threads) => new Promise<{ backend: string; threads: number; results: Float32Array[] }>((resolve, reject) => {
      const w = new Worker(WORKER, { eval: true, workerData: { dist, x, threads } });
      w.once('message', resolve);
      w.once('error', reject);
    }));
    // the main thread keeps calling while they run
    for (let i = 0; i < 20; i++) expect(Buffer.compare(Buffer.from(getActivation('gelu').forward(x).buffer), Buffer.from(gelu.buffer))).toBe(0);
    const done = await Promise.all(workers);
    done.forEach((r, k) => {
      expect(r.backend).toBe('native');
      expect(r.threads).toBe(k + 1);
      r.results.forEach((out, i) => expect(Buffer.compare(Buffer.from(out.buffer), Buffer.from((i % 2 ? sm : gelu).buffer))).toBe(0));
    });
  }, 60_000);

  it('terminating workers in the middle of async work neither crashes nor stops the others', async () => {
    const big = `
      const { parentPort, workerData } = require('node:worker_threads');
      import(workerData.dist).then(async (a) => {
        const x = new Float32Array(8_000_000).fill(0.5);
        parentPort.postMessage('started');
        for (;;) await a.getActivation('mish').forwardAsync(x);
      });`;
    for (let round = 0; round < 5; round++) {
      const w = new Worker(big, { eval: true, workerData: { dist } });
      await new Promise((resolve) => w.once('message', resolve));
      await new Promise((resolve) => setTimeout(resolve, 20 + round * 15));
      await w.terminate();
    }
    // the process and the addon are still fine
    const again = getActivation('mish').forward(x);
    expect(again.length).toBe(x.length);
    expect(Number.isFinite(again[12345])).toBe(true);
    await getActivation('mish').forwardAsync(x);
  }, 60_000);

  // Only workers load the addon here, so each exit unloads it: before the addon was linked with
  // -z nodelete, that unmapped libgomp under its pool threads and the process died with SIGSEGV at
  // the first or second termination (6 runs of 6 with 60 terminations).
  it('terminating the only workers that loaded the addon, over and over, does not crash the process', () => {
    const script = `
      const { Worker } = await import('node:worker_threads');
      const code = "const { parentPort, workerData } = require('node:worker_threads');" +
        "import(workerData.dist).then(async (a) => { const x = new Float32Array(2_000_000).fill(0.5);" +
        " parentPort.postMessage(a.backendInfo().backend); for (;;) await a.getActivation('mish').forwardAsync(x); });";
      const backends = new Set();
      for (let i = 0; i < 30; i++) {
        const w = new Worker(code, { eval: true, execArgv: [], workerData: { dist: ${JSON.stringify(dist)} } });
        backends.add(await new Promise((resolve) => w.once('message', resolve)));
        await new Promise((resolve) => setTimeout(resolve, 1 + (i % 13)));
        await w.terminate();
      }
      process.stdout.write(JSON.stringify([...backends]));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, ACTFN_QUIET: '1' }, timeout: 120_000 });
    expect(child.signal).toBeNull();
    expect(child.status, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual(['native']);
  }, 130_000);
});
