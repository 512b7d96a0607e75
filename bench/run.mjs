// The benchmark suite: throughput in elements per nanosecond (median of benny's samples) for every
// activation and kind, the softmax family, float32 and float64, several sizes and thread counts, on
// the native backend (once per instruction set this CPU supports) and the js backend. Every figure
// is also given as a percent of this machine's memory bandwidth, measured in the same run by the
// addon's copy probe (one read, one write: unary ops) and add probe (two reads, one write: backward).
//
//   npm run bench                  full run (long: every op at 1e3 .. 64e6 elements)
//   npm run bench -- --quick       a few representative ops, under two minutes
//   options: --ops relu,gelu,softmax  --kinds forward  --sizes 1e6,64e6  --threads 1,2  --dtypes float32
//            --isas avx512 (native instruction sets to run; default all three, the CPU's best with --quick)
//            --suite elementwise|nn|all (nn: GEMM, dense layer and training, bench/nn.mjs; default all)
//
// Writes bench/results/<date>-<host>.json and .md, and benny's HTML charts in bench/results/html/.
// Needs a build (npm run build). Quote medians: these machines are noisy.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import b from 'benny';
import { markdownReport } from './report.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const lib = await import(new URL('../dist/index.js', import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const list = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1].split(',') : fallback;
};

const quick = flag('quick');
const cores = availableParallelism();
const SOFTMAX_OPS = ['softmax', 'logSoftmax', 'softmaxBackward'];
const SOFTMAX_COLS = 1000;
const config = {
  ops: list('ops', quick ? ['relu', 'sigmoid', 'gelu', 'silu', 'softmax'] : [...lib.activationNames, ...SOFTMAX_OPS]),
  kinds: list('kinds', quick ? ['forward'] : ['forward', 'derivative', 'backward']),
  sizes: list('sizes', quick ? ['1e3', '1e6'] : ['1e3', '64e3', '1e6', '16e6', '64e6']).map(Number),
  threads: list('threads', quick ? [1, cores] : Array.from({ length: cores }, (_, i) => i + 1)).map(Number),
  dtypes: list('dtypes', quick ? ['float32'] : ['float32', 'float64']),
  /** js is single-threaded and ~100x slower: measured where it finishes in reasonable time. */
  jsMaxSize: 1e6,
  timing: quick ? { minSamples: 5, maxTime: 0.05 } : { minSamples: 5, maxTime: 0.25 },
};

const htmlDir = `${root}bench/results/html`;
mkdirSync(htmlDir, { recursive: true });

/** The calls of one group (dtype, size): each op and kind as a zero-argument function. */
function casesFor(dtype, size, backend) {
  const Ctor = dtype === 'float32' ? Float32Array : Float64Array;
  let seed = 12345;
  const x = new Ctor(size).map(() => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * 16);
  const dy = x.map((v) => Math.tanh(v));
  const out = new Ctor(size);
  const cols = size % SOFTMAX_COLS === 0 ? SOFTMAX_COLS : size;
  const cases = [];
  for (const op of config.ops) {
    if (op === 'softmax' || op === 'logSoftmax') cases.push([op, 'forward', () => lib[op](x, cols, out)]);
    else if (op === 'softmaxBackward') cases.push([op, 'backward', () => lib.softmaxBackward(dy, x, cols, out)]);
    else {
      const act = lib.getActivation(op);
      for (const kind of config.kinds) {
        cases.push([op, kind, kind === 'backward' ? () => act.backward(x, dy, out) : () => act[kind](x, out)]);
      }
    }
  }
  if (backend === 'native') {
    const addon = createRequire(import.meta.url)(`${root}build/Release/actfn.node`);
    cases.unshift(['copy probe', 'forward', () => addon.copyProbe(x, out)], ['add probe', 'backward', () => addon.addProbe(x, dy, out)]);
  }
  return cases;
}

/** Runs one group as a benny suite; returns result rows. */
async function runGroup(backend, isa, dtype, size, threads) {
  lib.setBackend(backend);
  lib.setNumThreads(threads);
  const cases = casesFor(dtype, size, backend);
  // Warm-up: the first case of a suite otherwise pays for page faults, thread wake-ups and clock
  // ramp-up (measured: the copy probe, which runs first, read 10 el/ns on 2 threads instead of 20).
  const warmups = size >= 1e6 ? 1 : 3; // one call already pages in 1e6+ elements and wakes the threads
  for (const [, , fn] of cases) for (let i = 0; i < warmups; i++) fn();
  const rows = [];
  const name = `${backend}-${isa}-${dtype}-${size}-t${threads}`;
  await b.suite(
    name,
    ...cases.map(([op, kind, fn]) => b.add(`${op} ${kind}`, fn, config.timing)),
    b.complete((summary) => {
      summary.results.forEach((r, i) => {
        const [op, kind] = cases[i];
        rows.push({ backend, isa, op, kind, dtype, size, threads, medianNs: r.details.median * 1e9, elementsPerNs: size / (r.details.median * 1e9) });
      });
    }),
    b.save({ file: name, folder: htmlDir, format: 'chart.html' }),
  );
  return rows;
}

async function runNative(isa) {
  const rows = [];
  for (const dtype of config.dtypes) {
    for (const size of config.sizes) {
      for (const threads of config.threads) rows.push(...(await runGroup('native', isa, dtype, size, threads)));
    }
  }
  return rows;
}

async function runJs() {
  const rows = [];
  for (const dtype of config.dtypes) {
    for (const size of config.sizes.filter((s) => s <= config.jsMaxSize)) rows.push(...(await runGroup('js', 'js', dtype, size, 1)));
  }
  return rows;
}

if (flag('child')) {
  // One instruction set per process: the kernel table is chosen once per process (ACTFN_SIMD).
  lib.setBackend('native');
  const isa = lib.backendInfo().simd;
  const rows = process.env.ACTFN_SIMD && process.env.ACTFN_SIMD !== isa ? [] : await runNative(isa);
  process.stdout.write(`\n@@rows ${JSON.stringify(rows)}\n`);
} else if (list('suite', ['all'])[0] === 'nn') {
  runModelSuite();
} else {
  lib.setBackend('native');
  const best = lib.backendInfo().simd;
  const isas = list('isas', quick ? [best] : ['scalar', 'avx2', 'avx512']);
  const rows = [];
  for (const isa of isas) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', ...args], {
      env: { ...process.env, ACTFN_SIMD: isa, ACTFN_QUIET: '1' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 28,
    });
    process.stdout.write(child.stdout.replace(/\n@@rows .*\n?$/s, '\n'));
    const match = child.stdout.match(/@@rows (.*)$/m);
    if (child.status !== 0 || !match) throw new Error(`benchmark child for ${isa} failed (exit ${child.status})`);
    rows.push(...JSON.parse(match[1]));
  }
  rows.push(...(await runJs()));
  const meta = { date: new Date().toISOString(), host: hostname(), cores, node: process.version, nativeSimd: best, config };
  const stamp = `${meta.date.slice(0, 10)}-${meta.host}`;
  const dir = `${root}bench/results`;
  writeFileSync(`${dir}/${stamp}.json`, JSON.stringify({ meta, rows }, null, 1));
  const md = markdownReport(meta, rows);
  writeFileSync(`${dir}/${stamp}.md`, md);
  console.log(`\n${md}\nwrote bench/results/${stamp}.json, .md and html/`);
  if (list('suite', ['all'])[0] === 'all') runModelSuite();
}

/** GEMM, dense and training benchmarks (bench/nn.mjs), in their own process. */
function runModelSuite() {
  const child = spawnSync(process.execPath, [fileURLToPath(new URL('./nn.mjs', import.meta.url)), ...(quick ? ['--quick'] : [])], {
    env: { ...process.env, ACTFN_QUIET: '1' },
    stdio: 'inherit',
  });
  if (child.status !== 0) throw new Error(`model benchmarks failed (exit ${child.status})`);
}
