// The model layer's benchmarks: SGEMM throughput (GFLOP/s) at square sizes, a dense layer
// (256 x 784 -> 512, bias + relu) forward and backward, and training the reference network on
// Breast Cancer (30 -> 64 relu -> 32 relu -> 1 sigmoid, Adam 1e-3, batch 32, 100 epochs), on each
// backend and thread count. Medians of benny samples; training is timed over whole runs. SGEMM is
// also given as a percent of this machine's float32 FMA peak at the same thread count, measured in
// the same run by the bench-only addon (actfn_bench.node, bench/addons.mjs) at the addon's
// instruction set.
//
//   node bench/nn.mjs [--quick]      (npm run bench -- --suite nn)
// Writes bench/results/<date>-<host>-nn.json and .md, and benny's HTML charts in bench/results/html/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import b from 'benny';
import { loadBenchAddon } from './addons.mjs';

const lib = await import(new URL('../dist/index.js', import.meta.url));
const { getBackendImpl } = await import(new URL('../dist/backend.js', import.meta.url));
const quick = process.argv.includes('--quick');
const cores = availableParallelism();
const threads = quick ? [1, cores] : Array.from({ length: cores }, (_, i) => i + 1);
const timing = quick ? { minSamples: 5, maxTime: 0.1 } : { minSamples: 5, maxTime: 0.5 };
const rows = [];
const bench = loadBenchAddon();
if (bench.missing) console.warn(`FMA peak unavailable: ${bench.missing}`);
/** float32 FMA peak in GFLOP/s per thread count, at the instruction set the kernels run. */
const peaks = new Map();
function fmaPeak(t) {
  if (!bench.addon) return null; // called with the native backend selected
  if (!peaks.has(t)) peaks.set(t, bench.addon.fmaPeak(lib.backendInfo().simd, 'float32', t, 0.2).gflops);
  return peaks.get(t);
}

function random(n, seed) {
  let s = seed;
  return Float32Array.from({ length: n }, () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1);
}

const htmlDir = fileURLToPath(new URL('./results/html', import.meta.url));
mkdirSync(htmlDir, { recursive: true });

async function suite(name, cases) {
  for (const [, fn] of cases) fn();
  await b.suite(
    name,
    ...cases.map(([label, fn]) => b.add(label, fn, timing)),
    b.complete((summary) => {
      summary.results.forEach((r, i) => rows.push({ suite: name, case: cases[i][0], medianMs: r.details.median * 1e3, ...cases[i][2] }));
    }),
    b.save({ file: name, folder: htmlDir, format: 'chart.html' }),
  );
}

const none = { bias: null, activation: null, params: [0, 0], preActivation: null };
for (const backend of ['native', 'js']) {
  lib.setBackend(backend);
  for (const t of backend === 'js' ? [1] : threads) {
    lib.setNumThreads(t);
    const sizes = backend === 'js' ? [128, 256] : quick ? [128, 1024] : [128, 256, 512, 1024, 2048];
    await suite(`gemm-${backend}-t${t}`, sizes.map((n) => {
      const a = random(n * n, 1), bm = random(n * n, 2), c = new Float32Array(n * n);
      const shape = { m: n, n, k: n, transA: false, transB: false, alpha: 1, beta: 0 };
      const peakGflops = backend === 'native' ? fmaPeak(t) : null;
      return [`sgemm ${n}`, () => getBackendImpl().gemm(shape, a, bm, c, none), { backend, threads: t, op: 'sgemm', size: n, flops: 2 * n * n * n, peakGflops }];
    }));
    {
      // a training batch: 32 samples x 30 features into 64 units, with bias and relu
      const bx = random(32 * 30, 7), bw = random(30 * 64, 8), bb = random(64, 9), by = new Float32Array(32 * 64), bz = new Float32Array(32 * 64);
      const be = getBackendImpl();
      await suite(`small-${backend}-t${t}`, [[
        'dense 32x30x64 forward (bias + relu)',
        () => be.gemm({ m: 32, n: 64, k: 30, transA: false, transB: false, alpha: 1, beta: 0 }, bx, bw, by, { bias: bb, activation: 'relu', params: [0, 0], preActivation: bz }),
        { backend, threads: t, op: 'small dense' },
      ]]);
    }
    const [m, k, n] = [256, 784, 512];
    const x = random(m * k, 3), w = random(k * n, 4), bias = random(n, 5), dy = random(m * n, 6);
    const z = new Float32Array(m * n), y = new Float32Array(m * n), dz = new Float32Array(m * n);
    const dw = new Float32Array(k * n), db = new Float32Array(n), dx = new Float32Array(m * k), ones = new Float32Array(m).fill(1);
    const be = getBackendImpl();
    await suite(`dense-${backend}-t${t}`, [
      ['dense 256x784x512 forward (bias + relu)', () => be.gemm({ m, n, k, transA: false, transB: false, alpha: 1, beta: 0 }, x, w, y, { bias, activation: 'relu', params: [0, 0], preActivation: z }), { backend, threads: t, op: 'dense forward' }],
      ['dense 256x784x512 backward', () => {
        be.backward('relu', z, dy, dz, [0, 0]);
        be.gemm({ m: k, n, k: m, transA: true, transB: false, alpha: 1, beta: 0 }, x, dz, dw, none);
        be.gemm({ m: 1, n, k: m, transA: false, transB: false, alpha: 1, beta: 0 }, ones, dz, db, none);
        be.gemm({ m, n: k, k: n, transA: false, transB: true, alpha: 1, beta: 0 }, dz, w, dx, none);
      }, { backend, threads: t, op: 'dense backward' }],
    ]);
    // Training the reference network: whole runs, median of 3.
    const data = lib.loadBreastCancer();
    const split = lib.trainTestSplit(data.x, data.y, { testSize: 0.2, stratify: data.y, seed: 1 });
    const scaler = lib.standardScaler().fit(split.xTrain);
    const xTrain = scaler.transform(split.xTrain), xTest = scaler.transform(split.xTest);
    const times = [];
    const accuracies = [];
    for (let seed = 1; seed <= (quick ? 1 : 3); seed++) {
      const model = lib.sequential([lib.dense(64, { activation: 'relu', inputDim: 30 }), lib.dense(32, { activation: 'relu' }), lib.dense(1, { activation: 'sigmoid' })], { seed });
      model.compile({ optimizer: lib.adam({ learningRate: 1e-3 }), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
      const start = process.hrtime.bigint();
      await model.fit(xTrain, split.yTrain, { epochs: 100, batchSize: 32, seed, verbose: 0 });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      accuracies.push(model.evaluate(xTest, split.yTest).accuracy);
    }
    times.sort((p, q) => p - q);
    rows.push({ suite: `train-${backend}-t${t}`, case: 'breast cancer 100 epochs', medianMs: times[Math.floor(times.length / 2)], backend, threads: t, op: 'train', accuracy: accuracies });
  }
}

const lines = ['| case | backend | threads | median | GFLOP/s | % FMA peak |', '|---|---|---|---|---|---|'];
for (const r of rows) {
  const gflops = r.flops ? r.flops / (r.medianMs * 1e6) : null;
  const ofPeak = gflops && r.peakGflops ? `${Math.round((100 * gflops) / r.peakGflops)}% of ${r.peakGflops.toFixed(0)}` : '';
  const extra = r.accuracy ? ` (test accuracy ${r.accuracy.map((a) => a.toFixed(3)).join(', ')})` : '';
  lines.push(`| ${r.case}${extra} | ${r.backend} | ${r.threads} | ${r.medianMs.toFixed(3)} ms | ${gflops ? gflops.toFixed(1) : ''} | ${ofPeak} |`);
}
const stamp = `${new Date().toISOString().slice(0, 10)}-${hostname()}`;
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL(`./results/${stamp}-nn.json`, import.meta.url), JSON.stringify(rows, null, 2));
writeFileSync(new URL(`./results/${stamp}-nn.md`, import.meta.url), `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
