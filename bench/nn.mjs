// The model layer's race: SGEMM throughput (GFLOP/s) at square sizes, a dense layer (256 x 784 ->
// 512, bias + relu) forward and backward, large-batch predict (100,000 x 30 through the reference
// network) and training the reference network on Breast Cancer (30 -> 64 relu -> 32 relu -> 1
// sigmoid, Adam 1e-3, batch 32, 100 epochs), per backend and thread count. With --peers, PyTorch
// runs each case right after actfn, in the same run at the same thread count
// (bench/peers/torch_nn.py; skipped, saying why, when no python3 imports torch).
//
// Timing: the elementwise race's rule on both sides (bench/timer.mjs, median of batched samples);
// training is timed over whole runs, the median of 3 seeds (1 with --quick). SGEMM is also given as a
// percent of this machine's float32 FMA peak at the same thread count, measured in the same run by
// the bench-only addon (actfn_bench.node, bench/addons.mjs) at the addon's instruction set.
//
//   node bench/nn.mjs [--quick] [--peers] [--threads 1,2] [--cases sgemm,dense,predict,train] [--js] [--json]
//   (npm run bench -- --suite nn [--peers])
// Writes bench/results/<date>-<host>-nn.json and .md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, hostname } from 'node:os';
import { loadBenchAddon } from './addons.mjs';
import { findPython, startPeer } from './peers/runner.mjs';
import { medianTime, TIMING } from './timer.mjs';

const lib = await import(new URL('../dist/index.js', import.meta.url));
const { getBackendImpl } = await import(new URL('../dist/backend.js', import.meta.url));
const args = process.argv.slice(2);
const list = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  if (i + 1 >= args.length || args[i + 1].startsWith('--')) throw new Error(`--${name} needs a comma-separated list`);
  return args[i + 1].split(',');
};
const KNOWN = ['quick', 'peers', 'js', 'threads', 'cases', 'json'];
for (const a of args.filter((a) => a.startsWith('--'))) {
  if (!KNOWN.includes(a.slice(2))) throw new Error(`bench/nn.mjs: unknown option ${a} (known: ${KNOWN.map((k) => `--${k}`).join(' ')})`);
}
const quick = args.includes('--quick');
// --json: { peer, rows } on stdout, progress and the table on stderr
const json = args.includes('--json');
if (json) console.log = (...parts) => console.error(...parts);
const cores = availableParallelism();
const threadCounts = list('threads', quick ? [1, cores] : Array.from({ length: cores }, (_, i) => i + 1)).map(Number);
const CASES = ['sgemm', 'dense', 'predict', 'train'];
const cases = list('cases', CASES);
for (const c of cases) if (!CASES.includes(c)) throw new Error(`--cases takes ${CASES.join(',')}, got '${c}'`);
const SGEMM_SIZES = quick ? [256, 1024] : [256, 512, 1024, 2048];
const DENSE = { m: 256, k: 784, n: 512 };
const PREDICT = { rows: 100_000, features: 30 };
const SEEDS = quick ? [1] : [1, 2, 3];

const rows = [];
const bench = loadBenchAddon();
if (bench.missing) console.warn(`FMA peak unavailable: ${bench.missing}`);
/** float32 FMA peak in GFLOP/s per thread count, at the instruction set the kernels run. */
const peaks = new Map();
function fmaPeak(t) {
  if (!bench.addon) return null;
  if (!peaks.has(t)) peaks.set(t, bench.addon.fmaPeak(lib.backendInfo().simd, 'float32', t, 0.2).gflops);
  return peaks.get(t);
}

let peer = null;
let peerNote = 'not requested (--peers)';
if (args.includes('--peers')) {
  const python = findPython('torch');
  if (python.skipped) peerNote = `skipped: ${python.skipped}`;
  else {
    peer = startPeer('torch_nn.py', python.python);
    const { blas } = await peer.request({ blas: true });
    const reference = !blas.some((path) => /openblas|blis|mkl/i.test(path));
    peerNote = `PyTorch ${python.version} (${python.python}), torch.mm calls ${blas.join(', ') || 'no shared BLAS'}` +
      (reference ? ' (the reference BLAS: install libopenblas0-pthread for a meaningful race)' : '');
  }
  console.log(`peer: ${peerNote}`);
}

function random(n, seed) {
  let s = seed;
  return Float32Array.from({ length: n }, () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1);
}

/**
 * Asks the peer for a case, then waits for its BLAS threads to go idle: OpenBLAS's workers spin for
 * about 2^28 cycles (~80 ms here) after each call, and would take a core from the next actfn case
 * (measured: sgemm 512 at 2 threads fell from 184 to 77 GFLOP/s right after torch.mm).
 */
async function askPeer(request) {
  const answer = await peer.request(request);
  await new Promise((resolve) => setTimeout(resolve, 250));
  return answer;
}

/** Times fn on actfn, then the same case on the peer (when there is one), and records both. */
async function race(label, backend, threads, fn, peerCase, extra = {}) {
  const ours = medianTime(fn, TIMING);
  const theirs = peer && backend === 'native' ? await askPeer({ case: { ...peerCase, threads }, timing: TIMING }) : null;
  rows.push({ case: label, backend, threads, medianMs: ours.ms, spread: ours.spread, torchMs: theirs?.medianMs ?? null, torchSkipped: theirs?.skipped, torch: theirs?.torch, ...extra });
}

const none = { bias: null, activation: null, params: [0, 0], preActivation: null };

async function sgemmCases(backend, t) {
  const be = getBackendImpl();
  for (const n of backend === 'js' ? [256] : SGEMM_SIZES) {
    const a = random(n * n, 1), bm = random(n * n, 2), c = new Float32Array(n * n);
    const shape = { m: n, n, k: n, transA: false, transB: false, alpha: 1, beta: 0 };
    await race(`sgemm ${n}`, backend, t, () => be.gemm(shape, a, bm, c, none), { kind: 'sgemm', n },
      { flops: 2 * n * n * n, peakGflops: backend === 'native' ? fmaPeak(t) : null });
  }
}

async function denseCases(backend, t) {
  const be = getBackendImpl();
  const { m, k, n } = DENSE;
  const x = random(m * k, 3), w = random(k * n, 4), bias = random(n, 5), dy = random(m * n, 6);
  const z = new Float32Array(m * n), y = new Float32Array(m * n), dz = new Float32Array(m * n);
  const dw = new Float32Array(k * n), db = new Float32Array(n), dx = new Float32Array(m * k);
  const forward = () => be.gemm({ m, n, k, transA: false, transB: false, alpha: 1, beta: 0 }, x, w, y, { bias, activation: 'relu', params: [0, 0], preActivation: z });
  forward();
  await race(`dense ${m}x${k}x${n} forward (bias + relu)`, backend, t, forward, { kind: 'dense-forward', ...DENSE });
  // what Dense.backward runs (src/nn/layers/dense.ts)
  const through = { activation: 'relu', params: [0, 0], z, dz };
  await race(`dense ${m}x${k}x${n} backward (dX, dW, db through relu)`, backend, t,
    () => be.denseBackward({ batch: m, inputs: k, units: n }, x, w, dy, through, { dw, db, dx }), { kind: 'dense-backward', ...DENSE });
}

function referenceNetwork(seed) {
  const model = lib.sequential([lib.dense(64, { activation: 'relu', inputDim: 30 }), lib.dense(32, { activation: 'relu' }), lib.dense(1, { activation: 'sigmoid' })], { seed });
  model.compile({ optimizer: lib.adam({ learningRate: 1e-3 }), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

async function predictCase(backend, t) {
  const { rows: n, features } = PREDICT;
  const model = referenceNetwork(1);
  const x = lib.tensor2d(random(n * features, 7), [n, features]);
  await race(`predict ${n}x${features} (reference network)`, backend, t, () => model.predict(x), { kind: 'predict', ...PREDICT });
}

let breastCancer;
function trainingData() {
  if (!breastCancer) {
    const data = lib.loadBreastCancer();
    const split = lib.trainTestSplit(data.x, data.y, { testSize: 0.2, stratify: data.y, seed: 1 });
    const scaler = lib.standardScaler().fit(split.xTrain);
    breastCancer = { xTrain: scaler.transform(split.xTrain), yTrain: split.yTrain, xTest: scaler.transform(split.xTest), yTest: split.yTest };
  }
  return breastCancer;
}

const median = (values) => [...values].sort((p, q) => p - q)[values.length >> 1];
const plain = (rowsOf) => (rowsOf instanceof lib.Tensor2D ? Array.from({ length: rowsOf.rows }, (_, i) => Array.from(rowsOf.data.subarray(i * rowsOf.cols, (i + 1) * rowsOf.cols))) : rowsOf);

async function trainCase(backend, t) {
  const d = trainingData();
  const times = [], accuracies = [], torchTimes = [], torchAccuracies = [];
  for (const seed of SEEDS) {
    const model = referenceNetwork(seed);
    const start = process.hrtime.bigint();
    await model.fit(d.xTrain, d.yTrain, { epochs: 100, batchSize: 32, seed, verbose: 0 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    accuracies.push(model.evaluate(d.xTest, d.yTest).accuracy);
    if (peer && backend === 'native') {
      const r = await askPeer({ case: { kind: 'train', threads: t, x: plain(d.xTrain), y: Array.from(d.yTrain), xTest: plain(d.xTest), yTest: Array.from(d.yTest),
        epochs: 100, batchSize: 32, learningRate: 1e-3, seed } });
      if (!r.skipped) {
        torchTimes.push(r.medianMs);
        torchAccuracies.push(r.accuracy);
      }
    }
  }
  rows.push({ case: 'train breast cancer, 100 epochs', backend, threads: t, medianMs: median(times), accuracy: accuracies,
    torchMs: torchTimes.length ? median(torchTimes) : null, torchAccuracy: torchAccuracies });
}

const RUN = { sgemm: sgemmCases, dense: denseCases, predict: predictCase, train: trainCase };
const backends = args.includes('--js') || !quick ? ['native', 'js'] : ['native'];
try {
  for (const backend of backends) {
    lib.setBackend(backend);
    for (const t of backend === 'js' ? [1] : threadCounts) {
      lib.setNumThreads(t);
      for (const c of cases) {
        if (backend === 'js' && (c === 'dense' || c === 'predict')) continue; // far from the race; sgemm 256 and training show the js backend
        await RUN[c](backend, t);
        console.log(`${backend} t${t} ${c} done`);
      }
    }
  }
} finally {
  peer?.close();
}

const ms = (v) => (v == null ? '' : `${v.toFixed(v < 10 ? 3 : 1)} ms`);
const lines = [`peer: ${peerNote}`, '', '| case | backend | threads | actfn | PyTorch | speedup (PyTorch / actfn time) | GFLOP/s | % FMA peak |', '|---|---|---|---|---|---|---|---|'];
for (const r of rows) {
  const gflops = r.flops ? r.flops / (r.medianMs * 1e6) : null;
  const ofPeak = gflops && r.peakGflops ? `${Math.round((100 * gflops) / r.peakGflops)}% of ${r.peakGflops.toFixed(0)}` : '';
  const torchGflops = r.flops && r.torchMs ? ` (${(r.flops / (r.torchMs * 1e6)).toFixed(1)} GFLOP/s)` : '';
  const acc = (list) => (list?.length ? ` (test accuracy ${list.map((a) => a.toFixed(3)).join(', ')})` : '');
  lines.push(`| ${r.case} | ${r.backend} | ${r.threads} | ${ms(r.medianMs)}${acc(r.accuracy)} | ${r.torchSkipped ? `skipped: ${r.torchSkipped}` : ms(r.torchMs) + torchGflops + acc(r.torchAccuracy)} | ` +
    `${r.torchMs ? `${(r.torchMs / r.medianMs).toFixed(2)}x` : ''} | ${gflops ? gflops.toFixed(1) : ''} | ${ofPeak} |`);
}
const stamp = `${new Date().toISOString().slice(0, 10)}-${hostname()}`;
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL(`./results/${stamp}-nn.json`, import.meta.url), JSON.stringify({ peer: peerNote, rows }, null, 2));
writeFileSync(new URL(`./results/${stamp}-nn.md`, import.meta.url), `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
if (json) process.stdout.write(`${JSON.stringify({ peer: peerNote, rows })}\n`);
