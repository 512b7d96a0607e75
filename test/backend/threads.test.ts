import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { backendInfo, getActivation, getNumThreads, setNumThreads, softmax } from '../../src/index.js';
import { jsOnly } from '../support/backends.js';
import { seededRandom } from '../support/tolerance.js';

const N = 2 ** 20 + 3;
const random = seededRandom(42);
const x = new Float32Array(N).map(() => (random() - 0.5) * 20);
const dist = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
const initial = getNumThreads();

afterAll(() => setNumThreads(initial));

describe.skipIf(jsOnly)('native threads', () => {
  it('reports the thread budget set by setNumThreads', () => {
    setNumThreads(2);
    expect(getNumThreads()).toBe(2);
    expect(backendInfo().threads).toBe(2);
    setNumThreads(1);
    expect(backendInfo().threads).toBe(1);
  });

  it('gives bit-identical results on 1 and 2 threads', () => {
    for (const name of ['gelu', 'relu', 'mish']) {
      const act = getActivation(name);
      setNumThreads(1);
      const one = [act.forward(x), act.derivative(x), act.backward(x, x)];
      setNumThreads(2);
      const two = [act.forward(x), act.derivative(x), act.backward(x, x)];
      one.forEach((a, i) => expect(Buffer.compare(Buffer.from(a.buffer), Buffer.from(two[i].buffer))).toBe(0));
    }
    setNumThreads(1);
    const s1 = softmax(x.subarray(0, 4096 * 64), 64);
    setNumThreads(2);
    expect(Array.from(softmax(x.subarray(0, 4096 * 64), 64))).toEqual(Array.from(s1));
  });

  it('leaves the process idle after a big threaded call (no OpenMP worker keeps spinning)', async () => {
    setNumThreads(2);
    getActivation('sigmoid').forward(x);
    const start = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const used = process.cpuUsage(start);
    const cpuSeconds = (used.user + used.system) / 1e6;
    expect(cpuSeconds).toBeLessThan(0.1);
  });

  it('computes correctly when several worker_threads call at once', async () => {
    setNumThreads(2);
    const expected = getActivation('gelu').forward(x);
    const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      import(workerData.dist).then(({ getActivation, backendInfo }) => {
        const x = new Float32Array(workerData.x);
        let out;
        for (let i = 0; i < 3; i++) out = getActivation('gelu').forward(x);
        parentPort.postMessage({ backend: backendInfo().backend, out });
      });`;
    const results = await Promise.all(
      [0, 1, 2].map(
        () =>
          new Promise<{ backend: string; out: Float32Array }>((resolve, reject) => {
            const worker = new Worker(code, { eval: true, workerData: { dist, x: Array.from(x) } });
            worker.once('message', resolve);
            worker.once('error', reject);
          }),
      ),
    );
    for (const r of results) {
      expect(r.backend).toBe('native');
      expect(Buffer.compare(Buffer.from(r.out.buffer), Buffer.from(expected.buffer))).toBe(0);
    }
  });
});
