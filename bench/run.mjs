// The elementwise benchmark: throughput in elements per nanosecond of every activation and kind and
// the softmax family, each beside the same run's memory probes (copy: out = x; add: out = x + dy,
// from the bench-only addon actfn_bench.node) and, with --peers, beside PyTorch doing the same op
// (bench/peers/torch-ops.json says which op; bench/peers/torch_elementwise.py times it), measured
// group by group (dtype, size, threads) in the same run, so both see the same machine state.
//
//   npm run bench                     the race: every op and kind, float32 and float64, 1e6 and 64e6
//                                     elements, 1..cores threads, native backend at the CPU's best
//                                     instruction set; median timer (bench/timer.mjs); then the model
//                                     suite (bench/nn.mjs --quick, about a minute). ~6 min on 2 cores
//                                     (measured 2026-12-03, 5 passes of the 1e6 groups: 9.1 min with --peers)
//   npm run bench -- --peers          the same with PyTorch side by side (skipped, saying why, when no
//                                     python3 imports torch; Debian: apt-get install python3-torch)
//   npm run bench -- --full           the exhaustive grid: every instruction set (one process each),
//                                     sizes 1e3..64e6, the js backend, benny with HTML charts, and the
//                                     model suite (bench/nn.mjs); long (over an hour)
//   options: --ops sigmoid,gelu,softmax  --kinds forward,backward  --dtypes float32  --sizes 1e6
//            --threads 1,2  --isas avx2,avx512  --timer median|benny  --js (add the js backend)
//            --suite elementwise|nn|all (default all, elementwise when narrowed)  --quick (a few ops, 1e6)
//            --repeat 5 (passes over the groups of up to 1e6 elements, median per row; 1 with --quick)
//            --json (the results as JSON on stdout, progress on stderr)
//
// Writes bench/results/<date>-<host>[-partial|-full].json and .md (bench/report.mjs: rows, ratios,
// scaling and the target summary); `node tools/bench-readme.mjs` puts a results file into README.md.
// Needs both builds (npm run build:native, npm run build). Quote medians: these machines are noisy.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, hostname, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import b from 'benny';
import { loadBenchAddon } from './addons.mjs';
import { findPython, startPeer } from './peers/runner.mjs';
import { markdownReport } from './report.mjs';
import { medianTime, TIMING } from './timer.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const lib = await import(new URL('../dist/index.js', import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const given = (name) => args.indexOf(`--${name}`) >= 0;
const list = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  if (i + 1 >= args.length || args[i + 1].startsWith('--')) throw new Error(`--${name} needs a comma-separated list`);
  return args[i + 1].split(',');
};

const full = flag('full');
// --json: the results as one JSON document on stdout ({ meta, peaks, rows, nn }), everything else on
// stderr (actfn bench --json passes it through)
const json = flag('json');
if (json && !flag('child')) console.log = (...parts) => console.error(...parts);
const quick = flag('quick');
const cores = availableParallelism();
const SOFTMAX_OPS = ['softmax', 'logSoftmax', 'softmaxBackward'];
/** softmax runs over rows of this many columns (sizes not a multiple: the whole rows that fit). */
const SOFTMAX_COLS = 1024;
const PROBES = ['copy probe', 'add probe'];
// backwardFromOutput: dy * f' from the saved output y, only for the rows that have it (sigmoid, tanh).
const KINDS = ['forward', 'derivative', 'backward', 'backwardFromOutput'];
const hasKind = (op, kind) => kind !== 'backwardFromOutput' || Boolean(lib.getActivationSpec(op).derivativeFromOutput);
const allOps = [...lib.activationNames, ...SOFTMAX_OPS];
lib.setBackend('native');
const best = lib.backendInfo().simd;

const config = {
  ops: list('ops', quick ? ['relu', 'sigmoid', 'gelu', 'silu', 'softmax'] : allOps),
  kinds: list('kinds', KINDS),
  sizes: list('sizes', full ? ['1e3', '64e3', '1e6', '16e6', '64e6'] : quick ? ['1e6'] : ['1e6', '64e6']).map(Number),
  threads: list('threads', Array.from({ length: cores }, (_, i) => i + 1)).map(Number),
  dtypes: list('dtypes', ['float32', 'float64']),
  isas: list('isas', full ? ['scalar', 'avx2', 'avx512'] : [best]),
  js: full || flag('js'),
  /** js is single-threaded and ~100x slower: measured where it finishes in reasonable time. */
  jsMaxSize: 1e6,
  timer: list('timer', [full ? 'benny' : 'median'])[0],
  medianTiming: TIMING,
  bennyTiming: full ? { minSamples: 5, maxTime: 0.25 } : { minSamples: 5, maxTime: 0.05 },
  softmaxCols: SOFTMAX_COLS,
  peers: flag('peers'),
  /**
   * Passes over the groups of at most REPEAT_MAX_SIZE elements (larger ones run once), each row the
   * median of its passes: one pass of a 1e6 group takes ~4 s, so a burst on a shared host (another
   * VM, a build) can swing a whole group's figures; spread over passes minutes apart, it cannot.
   */
  repeat: Number(list('repeat', [quick ? '1' : '5'])[0]),
};
const REPEAT_MAX_SIZE = 1e6;
for (const op of config.ops) if (!allOps.includes(op)) throw new Error(`unknown op '${op}' (known: ${allOps.join(', ')})`);
for (const kind of config.kinds) if (!KINDS.includes(kind)) throw new Error(`unknown kind '${kind}'`);
if (!['median', 'benny'].includes(config.timer)) throw new Error(`--timer is median or benny, got '${config.timer}'`);
if (!(Number.isInteger(config.repeat) && config.repeat >= 1)) throw new Error(`--repeat takes a positive integer, got '${list('repeat', [])[0]}'`);
const partial = quick || ['ops', 'kinds', 'sizes', 'threads', 'dtypes', 'isas'].some(given);
// the model suite (bench/nn.mjs) follows a complete run: in its quick form, in full with --full
const suite = list('suite', [partial ? 'elementwise' : 'all'])[0];

const torchOps = JSON.parse(readFileSync(new URL('./peers/torch-ops.json', import.meta.url), 'utf8')).ops;
const htmlDir = `${root}bench/results/html`;
const bench = loadBenchAddon();
if (bench.missing) console.warn(`memory probes unavailable: ${bench.missing}`);

/** n values uniform in [lo, hi) (mulberry32: a full-period 32-bit generator, unlike a double-precision LCG). */
function uniform(Ctor, n, lo, hi, seed) {
  const a = new Ctor(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    a[i] = lo + (((t ^ (t >>> 14)) >>> 0) / 4294967296) * (hi - lo);
  }
  return a;
}

/** Inputs of one (dtype, size), kept while consecutive groups share them: x in [-8, 8], dy in [-1, 1]. */
let inputs;
function inputsFor(dtype, size) {
  if (inputs?.dtype !== dtype || inputs?.size !== size) {
    inputs = undefined; // let the previous arrays go before allocating the next
    const Ctor = dtype === 'float32' ? Float32Array : Float64Array;
    const x = uniform(Ctor, size, -8, 8, 12345);
    const rows = Math.floor(size / SOFTMAX_COLS);
    const cols = rows > 0 ? SOFTMAX_COLS : size;
    const n = rows > 0 ? rows * SOFTMAX_COLS : size;
    inputs = { dtype, size, x, dy: uniform(Ctor, size, -1, 1, 54321), out: new Ctor(size), softmax: { cols, n, y: undefined } };
  }
  return inputs;
}

/** The cases of one group: { op, kind, elements, cols, fn }, probes first. */
function casesFor(dtype, size, backend) {
  const { x, dy, out, softmax } = inputsFor(dtype, size);
  const cases = [];
  if (bench.addon) {
    cases.push({ op: 'copy probe', kind: 'forward', elements: size, fn: () => bench.addon.copyProbe(x, out) });
    cases.push({ op: 'add probe', kind: 'backward', elements: size, fn: () => bench.addon.addProbe(x, dy, out) });
  }
  const { cols, n } = softmax;
  const [sx, sdy, sout] = [x, dy, out].map((a) => a.subarray(0, n));
  for (const op of config.ops) {
    if (op === 'softmax' || op === 'logSoftmax') {
      cases.push({ op, kind: 'forward', elements: n, cols, fn: () => lib[op](sx, cols, sout) });
    } else if (op === 'softmaxBackward') {
      softmax.y ??= lib.softmax(sx, cols); // the saved output, as training has it
      const y = softmax.y;
      cases.push({ op, kind: 'backward', elements: n, cols, fn: () => lib.softmaxBackward(y, sdy, cols, sout) });
    } else {
      const act = lib.getActivation(op);
      for (const kind of config.kinds.filter((k) => hasKind(op, k))) {
        let fn = () => act[kind](x, out);
        if (kind === 'backward') fn = () => act.backward(x, dy, out);
        if (kind === 'backwardFromOutput') {
          const y = act.forward(x); // the saved output, as training has it
          fn = () => act.backwardFromOutput(y, dy, out);
        }
        cases.push({ op, kind, elements: size, fn });
      }
    }
  }
  return backend === 'js' ? cases.filter((c) => !PROBES.includes(c.op)) : cases;
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function measureActfn(backend, isa, dtype, size, threads) {
  lib.setBackend(backend);
  lib.setNumThreads(threads);
  bench.addon?.setNumThreads(threads);
  const cases = casesFor(dtype, size, backend);
  const row = (c, ms, samples, spread) => ({
    backend, isa, op: c.op, kind: c.kind, dtype, size, elements: c.elements, cols: c.cols ?? null, threads,
    medianNs: ms * 1e6, elementsPerNs: c.elements / (ms * 1e6), samples, spread, timer: config.timer,
  });
  if (config.timer === 'median') return cases.map((c) => { const t = medianTime(c.fn, config.medianTiming); return row(c, t.ms, t.samples, t.spread); });
  // benny: warm up first (the first case of a suite otherwise pays for page faults and thread wake-ups)
  for (const c of cases) c.fn();
  const rows = [];
  const name = `${backend}-${isa}-${dtype}-${size}-t${threads}`;
  mkdirSync(htmlDir, { recursive: true });
  await b.suite(
    name,
    ...cases.map((c) => b.add(`${c.op} ${c.kind}`, c.fn, config.bennyTiming)),
    b.complete((summary) => summary.results.forEach((r, i) => rows.push(row(cases[i], r.details.median * 1e3, r.samples, (r.details.max - r.details.min) / r.details.median)))),
    b.save({ file: name, folder: htmlDir, format: 'chart.html' }),
  );
  return rows;
}

/** The PyTorch rows of the group: every case the manifest maps, with the same sizes and rows. */
async function measureTorch(peer, dtype, size, threads) {
  const { softmax } = inputsFor(dtype, size);
  const wanted = [...PROBES.map((op) => [op, Object.keys(torchOps[op])[0]])];
  for (const op of config.ops) {
    if (SOFTMAX_OPS.includes(op)) wanted.push([op, op === 'softmaxBackward' ? 'backward' : 'forward']);
    else for (const kind of config.kinds.filter((k) => hasKind(op, k))) wanted.push([op, kind]);
  }
  const cases = wanted
    .filter(([op, kind]) => torchOps[op]?.[kind])
    .map(([op, kind]) => ({ op, kind, dtype, size, threads, cols: SOFTMAX_OPS.includes(op) ? softmax.cols : null }));
  const answers = await peer.request({ cases, timing: config.medianTiming });
  return answers.filter((a) => !a.skipped || console.warn(`torch ${a.op} ${a.kind}: ${a.skipped}`)).map((a) => ({
    backend: 'torch', isa: 'torch', op: a.op, kind: a.kind, dtype, size, elements: a.elements, cols: a.cols, threads,
    medianNs: a.medianNs, elementsPerNs: a.elementsPerNs, samples: a.samples, spread: a.spread, timer: 'median', torch: a.torch, allocates: a.allocates,
  }));
}

/** FMA peak of this build's instruction set, per dtype and thread count (what nn.mjs quotes too). */
function fmaPeaks(isa) {
  if (!bench.addon) return [];
  return config.dtypes.flatMap((dtype) => config.threads.map((threads) => ({ isa, dtype, threads, gflops: bench.addon.fmaPeak(isa, dtype, threads, 0.2).gflops })));
}

/** The rows of several passes as one: per case, the pass with the median time (its samples and spread kept). */
function medianOfPasses(rows) {
  const byCase = new Map();
  for (const r of rows) {
    const key = [r.backend, r.isa, r.op, r.kind, r.dtype, r.size, r.threads].join('|');
    byCase.set(key, [...(byCase.get(key) ?? []), r]);
  }
  return [...byCase.values()].map((passes) => {
    const sorted = [...passes].sort((p, q) => p.medianNs - q.medianNs);
    const mid = sorted[(sorted.length - 1) >> 1];
    return passes.length === 1 ? mid : { ...mid, passes: passes.length, passSpread: (sorted.at(-1).medianNs - sorted[0].medianNs) / mid.medianNs };
  });
}

/** Every native group of one instruction set (this process's), with the peer interleaved per group. */
async function runNative(isa, peer) {
  const rows = [];
  let group = 0;
  for (let pass = 0; pass < config.repeat; pass++) for (const dtype of config.dtypes) {
    for (const size of config.sizes.filter((n) => pass === 0 || n <= REPEAT_MAX_SIZE)) {
      for (const threads of config.threads) {
        const start = performance.now();
        // alternate who goes first, so slow drifts of the machine do not always favour one side
        const actfnFirst = group++ % 2 === 0;
        let torchRows = [];
        if (peer && !actfnFirst) torchRows = await measureTorch(peer, dtype, size, threads);
        const t0 = performance.now();
        const actfnRows = await measureActfn('native', isa, dtype, size, threads);
        const actfnMs = performance.now() - t0;
        if (peer && actfnFirst) torchRows = await measureTorch(peer, dtype, size, threads);
        rows.push(...actfnRows, ...torchRows);
        const total = performance.now() - start;
        console.log(`${isa} ${dtype} n=${size} t${threads}${config.repeat > 1 ? ` pass ${pass + 1}` : ''}: ${actfnRows.length} actfn cases ${seconds(actfnMs)}` +
          (peer ? `, ${torchRows.length} torch cases ${seconds(total - actfnMs)}` : ''));
      }
    }
  }
  return medianOfPasses(rows);
}

async function runJs() {
  const rows = [];
  for (const dtype of config.dtypes) {
    for (const size of config.sizes.filter((s) => s <= config.jsMaxSize)) {
      const start = performance.now();
      rows.push(...(await measureActfn('js', 'js', dtype, size, 1)));
      console.log(`js ${dtype} n=${size} t1: ${seconds(performance.now() - start)}`);
    }
  }
  return rows;
}

/**
 * Checks the mapping table: each PyTorch expression against actfn's own result on the same 4096
 * float64 values (4 rows of 1024 for softmax), so a row never races PyTorch at a different function
 * (1e-6: PyTorch rounds some constants, hardsigmoid's 1/6 among them, through float32).
 */
async function checkMapping(peer) {
  const n = 4 * SOFTMAX_COLS;
  const x = uniform(Float64Array, n, -8, 8, 777);
  const dy = uniform(Float64Array, n, -1, 1, 778);
  const cases = [];
  const expected = [];
  lib.setBackend('native');
  for (const [op, kinds] of Object.entries(torchOps)) {
    if (PROBES.includes(op)) continue;
    for (const kind of KINDS.filter((k) => kinds[k])) {
      const cols = SOFTMAX_OPS.includes(op) ? SOFTMAX_COLS : null;
      let actfn;
      if (op === 'softmax' || op === 'logSoftmax') actfn = lib[op](x, SOFTMAX_COLS);
      else if (op === 'softmaxBackward') actfn = lib.softmaxBackward(lib.softmax(x, SOFTMAX_COLS), dy, SOFTMAX_COLS);
      else if (kind === 'derivative') actfn = lib.getActivation(op).derivative(x);
      else if (kind === 'backward') actfn = lib.getActivation(op).backward(x, dy);
      else if (kind === 'backwardFromOutput') actfn = lib.getActivation(op).backwardFromOutput(lib.getActivation(op).forward(x), dy);
      else actfn = lib.getActivation(op).forward(x);
      cases.push({ op, kind, dtype: 'float64', cols, values: { x: [...x], dy: [...dy] } });
      expected.push(actfn);
    }
  }
  const answers = await peer.request(cases);
  const mismatches = [];
  answers.forEach((a, i) => {
    if (a.skipped) return mismatches.push({ op: a.op, kind: a.kind, error: a.skipped });
    let worst = 0;
    a.out.forEach((v, j) => { worst = Math.max(worst, Math.abs(v - expected[i][j]) / Math.max(1, Math.abs(expected[i][j]))); });
    if (!(worst <= 1e-6)) mismatches.push({ op: a.op, kind: a.kind, error: worst });
  });
  const line = `mapping checked on ${n} float64 values: ${answers.length - mismatches.length} of ${answers.length} PyTorch expressions agree with actfn to 1e-6 (relative)`;
  console.log(mismatches.length ? `${line}; DIFFERENT: ${mismatches.map((m) => `${m.op} ${m.kind} (${typeof m.error === 'number' ? m.error.toExponential(1) : m.error})`).join(', ')}` : line);
  return { agree: answers.length - mismatches.length, of: answers.length, mismatches };
}

/** The peer, when asked for and available (and done importing torch); otherwise one line saying why not. */
async function openPeer() {
  if (!config.peers) return { peer: undefined, status: 'not requested (--peers)' };
  const python = findPython('torch');
  if (python.skipped) {
    console.log(`peers skipped: ${python.skipped}; Debian: apt-get install python3-torch (or set ACTFN_PYTHON)`);
    return { peer: undefined, status: `skipped: ${python.skipped}` };
  }
  console.log(`peers: PyTorch ${python.version} (${python.python})`);
  const peer = startPeer('torch_elementwise.py', python.python);
  // an empty request is answered once the import is done: importing torch takes seconds of CPU,
  // which would otherwise land on the first group's measurements
  await peer.request([]);
  const check = await checkMapping(peer);
  return { peer, status: `PyTorch ${python.version}`, python: python.python, version: python.version, check };
}

/** One instruction set in this process: rows, FMA peaks, peer status. */
async function runThisProcess(withPeer) {
  const isa = lib.backendInfo().simd;
  const { peer, ...peerInfo } = withPeer ? await openPeer() : { peer: undefined, status: 'not run for this instruction set' };
  try {
    const peaks = fmaPeaks(isa);
    const rows = await runNative(isa, peer);
    return { rows, peaks, peerInfo };
  } finally {
    peer?.close();
  }
}

function cpuModel() {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1].trim();
  } catch {}
  return cpus()[0]?.model ?? 'unknown CPU';
}

async function main() {
  if (flag('child')) {
    // one instruction set per process: the kernel table is chosen once per process (ACTFN_SIMD)
    const isa = lib.backendInfo().simd;
    const skip = process.env.ACTFN_SIMD && process.env.ACTFN_SIMD !== isa;
    const result = skip ? { rows: [], peaks: [] } : await runThisProcess(config.peers && (config.isas.length === 1 || isa === best));
    process.stdout.write(`\n@@rows ${JSON.stringify(result)}\n`);
    return;
  }
  if (suite === 'nn') {
    const nn = runModelSuite();
    if (json) process.stdout.write(`${JSON.stringify({ nn })}\n`);
    return;
  }
  const started = performance.now();
  const load = [loadavg()[0]];
  const rows = [];
  const peaks = [];
  let peerInfo = { status: 'not requested (--peers)' };
  const inProcess = config.isas.length === 1 && config.isas[0] === best && !process.env.ACTFN_SIMD;
  if (inProcess) {
    const result = await runThisProcess(true);
    rows.push(...result.rows);
    peaks.push(...result.peaks);
    peerInfo = result.peerInfo;
  } else {
    for (const isa of config.isas) {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', ...args], {
        env: { ...process.env, ACTFN_SIMD: isa, ACTFN_QUIET: '1' },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 28,
      });
      (json ? process.stderr : process.stdout).write(child.stdout.replace(/\n@@rows .*\n?$/s, '\n'));
      const match = child.stdout.match(/@@rows (.*)$/m);
      if (child.status !== 0 || !match) throw new Error(`benchmark child for ${isa} failed (exit ${child.status})`);
      const result = JSON.parse(match[1]);
      rows.push(...result.rows);
      peaks.push(...result.peaks);
      if (result.peerInfo && (config.isas.length === 1 || isa === best)) peerInfo = result.peerInfo;
    }
  }
  if (config.js) rows.push(...(await runJs()));
  load.push(loadavg()[0]);
  const meta = {
    date: new Date().toISOString(), host: hostname(), cpu: cpuModel(), cores, memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version, actfn: lib.backendInfo().version, nativeSimd: best, benchAddon: bench.path ?? null,
    addon: lib.backendInfo().addonPath ?? null, peers: peerInfo, loadAverage: load, minutes: (performance.now() - started) / 60000,
    partial, full, config,
  };
  const stamp = `${meta.date.slice(0, 10)}-${meta.host}${full ? '-full' : partial ? '-partial' : ''}`;
  const dir = `${root}bench/results`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${stamp}.json`, JSON.stringify({ meta, peaks, rows }, null, 1));
  const md = markdownReport({ meta, peaks, rows });
  writeFileSync(`${dir}/${stamp}.md`, md);
  console.log(`\n${md}\nwrote bench/results/${stamp}.json and .md in ${meta.minutes.toFixed(1)} min` +
    (config.timer === 'benny' ? ' (and benny charts in bench/results/html/)' : ''));
  const nn = suite === 'all' ? runModelSuite() : undefined;
  if (json) process.stdout.write(`${JSON.stringify({ meta, peaks, rows, ...(nn ? { nn } : {}) })}\n`);
}

/** GEMM, dense and training benchmarks (bench/nn.mjs), in their own process; with --json, its result. */
function runModelSuite() {
  const child = spawnSync(process.execPath, [fileURLToPath(new URL('./nn.mjs', import.meta.url)), ...(full ? [] : ['--quick']), ...(config.peers ? ['--peers'] : []), ...(json ? ['--json'] : [])], {
    env: { ...process.env, ACTFN_QUIET: '1' },
    stdio: ['ignore', json ? 'pipe' : 'inherit', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (child.status !== 0) throw new Error(`model benchmarks failed (exit ${child.status})`);
  return json ? JSON.parse(child.stdout) : undefined;
}

await main();
