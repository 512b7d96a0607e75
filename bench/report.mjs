// Markdown from a benchmark result ({ meta, peaks, rows }, what bench/run.mjs writes as JSON):
//  - the targets the kernels are judged on (TARGETS below), each pass or miss;
//  - per (dtype, size): one row per op, kind and thread count with actfn's elements/ns, PyTorch's,
//    their ratio (actfn / PyTorch, same dtype and threads), the percent of the same run's memory
//    probe (copy for forward and derivative, add for backward) and the scaling from 1 thread to the
//    most threads measured (actfn's, and PyTorch's);
//  - with --full results, the other instruction sets and the js backend beside the best one.
// tools/bench-readme.mjs uses raceTable() and targetSummary() for README.md.
import { NOISY } from './timer.mjs';

/** Thresholds of the targets: a ratio to PyTorch of at least 1, a memory-bound op at 90% of the probe. */
/**
 * Issue 13's targets, as written there: float32 forward >= 1.5x PyTorch (exact gelu >= 1x),
 * memory-bound forwards >= 95% of the copy probe, ops without a PyTorch twin >= 60% of it (40% in
 * float64), derivatives and backward >= 1x, float64 >= 1x, 2 threads >= 1.8x one thread unless
 * at the copy limit (>= 90% of the probe at 2 threads).
 */
export const PASS = { ratio: 1, forwardRatio: 1.5, probePercent: 95, noPeerPercent: 60, noPeerPercent64: 40, copyLimit: 90, scaling: 0.9 };
const FORWARD_RATIO = { gelu: 1 };

const SIZE = 1e6;
const f = (v, digits = 3) => (v == null ? '' : v.toFixed(digits));
/** el/ns, with ~ when its samples spread more than NOISY (the machine was busy). */
const rate = (v, spread) => (v == null ? '' : `${v.toFixed(3)}${spread > NOISY ? '~' : ''}`);
const pct = (v) => (v == null ? '' : `${Math.round(v)}%`);
const times = (v) => (v == null ? '' : `${v.toFixed(2)}x`);
const fmtSize = (n) => (n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}e6` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}e3` : String(n));

/** Lookups over one result: actfn rows at the best instruction set, with their peer, probe and scaling. */
export function analyse({ meta, rows }) {
  const isa = meta.nativeSimd;
  const key = (r) => `${r.op}|${r.kind}|${r.dtype}|${r.size}|${r.threads}`;
  const actfn = new Map();
  const torch = new Map();
  for (const r of rows) {
    if (r.backend === 'native' && r.isa === isa) actfn.set(key(r), r);
    if (r.backend === 'torch') torch.set(key(r), r);
  }
  const threads = [...new Set(rows.filter((r) => r.backend === 'native').map((r) => r.threads))].sort((a, b) => a - b);
  const most = threads.at(-1);
  const at = (map, r, t) => map.get(key({ ...r, threads: t }));
  const probeOf = (r) => actfn.get(key({ ...r, op: r.kind.startsWith('backward') ? 'add probe' : 'copy probe', kind: r.kind.startsWith('backward') ? 'backward' : 'forward' }));
  const line = (r) => {
    const peer = torch.get(key(r));
    const probe = r.op.endsWith('probe') ? undefined : probeOf(r);
    const one = at(actfn, r, 1);
    const peerOne = at(torch, r, 1);
    const scaled = r.threads === most && most > 1;
    return {
      ...r,
      actfn: r.elementsPerNs,
      torch: peer?.elementsPerNs ?? null,
      torchSpread: peer?.spread ?? null,
      torchOp: peer?.torch ?? null,
      allocates: peer?.allocates ?? false,
      ratio: peer ? r.elementsPerNs / peer.elementsPerNs : null,
      probePercent: probe ? (100 * r.elementsPerNs) / probe.elementsPerNs : null,
      scaling: scaled && one ? r.elementsPerNs / one.elementsPerNs : null,
      torchScaling: scaled && peer && peerOne ? peer.elementsPerNs / peerOne.elementsPerNs : null,
    };
  };
  // grouped by dtype and size as measured, then op and kind in the order measured, then threads
  const order = new Map();
  for (const r of actfn.values()) for (const k of [`${r.dtype}|${r.size}`, `${r.op}|${r.kind}`]) if (!order.has(k)) order.set(k, order.size);
  const rank = (r) => [order.get(`${r.dtype}|${r.size}`), order.get(`${r.op}|${r.kind}`), r.threads];
  const lines = [...actfn.values()].map(line).sort((p, q) => {
    const [x, y] = [rank(p), rank(q)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
  const find = (op, kind, dtype, size, t) => {
    const r = actfn.get(`${op}|${kind}|${dtype}|${size}|${t}`);
    return r ? line(r) : undefined;
  };
  return { isa, threads, most, lines, find, hasTorch: torch.size > 0 };
}

const FORWARD_VS_TORCH = ['sigmoid', 'silu', 'swish', 'tanh', 'elu', 'selu', 'celu', 'softplus', 'logSigmoid', 'mish', 'geluTanh', 'gelu', 'softmax', 'logSoftmax'];
const MEMORY_BOUND = ['relu', 'leakyRelu', 'relu6', 'hardTanh', 'linear', 'hardSigmoid', 'hardSwish'];
const BACKWARD_VS_TORCH = ['sigmoid', 'silu', 'gelu', 'tanh', 'elu', 'softplus', 'mish'];

/** Pass when every thread count meets the ratio; n/a when a side is missing. */
function versusTorch(lines, ratio = PASS.ratio) {
  if (lines.some((l) => !l || l.ratio == null)) return 'n/a';
  return lines.every((l) => l.ratio >= ratio) ? 'pass' : 'miss';
}
function atLeastOfProbe(percent) {
  return (lines) => {
    if (lines.some((l) => !l || l.probePercent == null)) return 'n/a';
    return lines.every((l) => l.probePercent >= percent && (l.ratio == null || l.ratio >= PASS.ratio)) ? 'pass' : 'miss';
  };
}
const memoryBound = atLeastOfProbe(PASS.probePercent);

/** The four targets of issue 13, each as items with a status and the figures behind it. */
export function targets(result) {
  const a = analyse(result);
  const item = (op, kind, dtype, rule) => {
    const lines = a.threads.map((t) => a.find(op, kind, dtype, SIZE, t));
    return { op, kind, dtype, lines, status: lines.every((l) => !l) ? 'not run' : rule(lines) };
  };
  const measured = (op, kind) => a.lines.some((l) => l.op === op && l.kind === kind);
  const kindsOf = (op) => (op === 'softmax' || op === 'logSoftmax' ? ['forward'] : op === 'softmaxBackward' ? ['backward']
    : ['forward', 'derivative', 'backward', 'backwardFromOutput'].filter((kind) => kind !== 'backwardFromOutput' || measured(op, kind)));
  const ops = [...new Set(a.lines.filter((l) => !l.op.endsWith('probe')).map((l) => l.op))];
  const list = [
    {
      id: '1a', title: 'float32 forward vs PyTorch (same threads)', rule: `actfn / PyTorch >= ${PASS.forwardRatio} at every thread count (exact gelu >= ${FORWARD_RATIO.gelu}); softsign, without a PyTorch op, >= ${PASS.noPeerPercent}% of the copy probe`,
      items: [
        ...FORWARD_VS_TORCH.map((op) => item(op, 'forward', 'float32', (lines) => versusTorch(lines, FORWARD_RATIO[op] ?? PASS.forwardRatio))),
        item('softsign', 'forward', 'float32', atLeastOfProbe(PASS.noPeerPercent)),
      ],
    },
    {
      id: '1b', title: 'float32 memory-bound forward vs the copy probe', rule: `>= ${PASS.probePercent}% of the copy probe, and >= PyTorch where it has the op`,
      items: MEMORY_BOUND.map((op) => item(op, 'forward', 'float32', memoryBound)),
    },
    {
      id: '2', title: 'float32 derivative and backward vs PyTorch\'s backward ops', rule: `actfn / PyTorch >= ${PASS.ratio} at every thread count (derivative: PyTorch's backward at dy = 1)`,
      items: [...BACKWARD_VS_TORCH.flatMap((op) => kindsOf(op).filter((k) => k !== 'forward').map((kind) => item(op, kind, 'float32', versusTorch))), item('softmaxBackward', 'backward', 'float32', versusTorch)],
    },
    {
      id: '3', title: 'float64: every op and kind vs PyTorch float64', rule: `actfn / PyTorch >= ${PASS.ratio}; without a PyTorch op, >= ${PASS.noPeerPercent64}% of the float64 probe`,
      items: ops.flatMap((op) => kindsOf(op).map((kind) => item(op, kind, 'float64', (lines) => (lines.some((l) => l?.ratio != null) ? versusTorch(lines) : atLeastOfProbe(PASS.noPeerPercent64)(lines))))),
    },
    {
      id: '4', title: `${a.most > 1 ? a.most : 'N'} threads vs 1 thread, every op and kind`, rule: `scaling >= ${PASS.scaling} x ${a.most}, unless at the copy limit (at ${a.most} threads >= ${PASS.copyLimit}% of the probe)`,
      items: a.most < 2 ? [] : ['float32', 'float64'].flatMap((dtype) => ops.flatMap((op) => kindsOf(op).map((kind) => item(op, kind, dtype, (lines) => {
        const top = lines.at(-1);
        if (!top || top.scaling == null) return 'n/a';
        return top.scaling >= PASS.scaling * a.most || (top.probePercent ?? 0) >= PASS.copyLimit ? 'pass' : 'miss';
      })))),
    },
  ];
  return { analysis: a, targets: list };
}

const itemName = (i) => `${i.op} ${i.kind}${i.dtype === 'float64' ? ' f64' : ''}`;
const figures = (i, a, id) => i.lines.map((l, k) => {
  if (!l) return '';
  const t = a.threads[k];
  if (id === '4') return k === i.lines.length - 1 ? `${times(l.scaling)} (${pct(l.probePercent)} of probe)` : '';
  return `t${t}: ${l.ratio != null ? times(l.ratio) : ''}${l.ratio != null && l.probePercent != null ? ', ' : ''}${l.probePercent != null ? `${pct(l.probePercent)} of probe` : ''}`;
}).filter(Boolean).join('; ');

/** One line per target: how many pass, and each miss with its figures. */
export function targetSummary(result) {
  const { analysis: a, targets: list } = targets(result);
  const out = [`Targets of issue 13 at n = 1e6, ${a.threads.join(' and ')} threads:`, ''];
  for (const t of list) {
    const counted = t.items.filter((i) => i.status === 'pass' || i.status === 'miss');
    const pass = counted.filter((i) => i.status === 'pass').length;
    const misses = t.items.filter((i) => i.status === 'miss');
    const na = t.items.filter((i) => i.status === 'n/a').length;
    const notRun = t.items.filter((i) => i.status === 'not run').length;
    const gaps = [na ? `${na} without ${a.hasTorch ? 'a figure' : 'PyTorch: run with --peers'}` : '', notRun ? `${notRun} not in this run` : ''].filter(Boolean);
    out.push(`- **${t.id}. ${t.title}**: ${counted.length ? `${pass} of ${counted.length} pass` : 'not measured'}${gaps.length ? ` (${gaps.join('; ')})` : ''}` +
      (misses.length ? `; misses: ${misses.map((i) => (t.items.length <= 16 ? `${itemName(i)} (${figures(i, a, t.id)})` : itemName(i))).join(', ')}` : ''));
  }
  return `${out.join('\n')}\n`;
}

/** The race for one dtype and size, one row per op and kind, thread counts side by side. */
export function raceTable(result, dtype, size) {
  const a = analyse(result);
  const rows = a.lines.filter((l) => l.dtype === dtype && l.size === size && l.threads === a.threads[0]);
  const head = ['op', 'kind', ...a.threads.flatMap((t) => [`t${t} actfn`, `t${t} torch`, `t${t} ratio`, `t${t} % probe`]), `${a.most}v1 actfn`, `${a.most}v1 torch`];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i < 2 ? '---' : '--:')).join('|')}|`];
  for (const r of rows) {
    const per = a.threads.map((t) => a.find(r.op, r.kind, dtype, size, t));
    const top = per.at(-1);
    const cells = per.flatMap((l) => (l ? [rate(l.actfn, l.spread), rate(l.torch, l.torchSpread) + (l.allocates ? '*' : ''), times(l.ratio), pct(l.probePercent)] : ['', '', '', '']));
    lines.push(`| ${r.op} | ${r.kind} | ${cells.join(' | ')} | ${times(top?.scaling)} | ${times(top?.torchScaling)} |`);
  }
  return `${lines.join('\n')}\n`;
}

function targetTables(result) {
  const { analysis: a, targets: list } = targets(result);
  const out = [];
  for (const t of list.filter((x) => x.items.some((i) => i.status !== 'not run'))) {
    out.push('', `### Target ${t.id}: ${t.title}`, '', `Pass: ${t.rule}.`, '');
    const head = ['item', ...a.threads.map((th) => `t${th}: actfn / torch, % probe`), ...(t.id === '4' ? [`${a.most}v1`] : []), 'result'];
    out.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
    for (const i of t.items.filter((x) => x.status !== 'not run')) {
      const cells = i.lines.map((l) => (l ? `${f(l.actfn)} / ${f(l.torch) || '-'}${l.ratio != null ? ` = ${times(l.ratio)}` : ''}, ${pct(l.probePercent)}` : ''));
      const scale = t.id === '4' ? [times(i.lines.at(-1)?.scaling)] : [];
      out.push(`| ${itemName(i)} | ${cells.join(' | ')} | ${scale.join('')}${scale.length ? ' | ' : ''}${i.status} |`);
    }
  }
  return out;
}

/** Other instruction sets and the js backend (--full): elements/ns per column, % of the probe. */
function gridTables({ meta, rows }) {
  const others = rows.filter((r) => r.backend === 'js' || (r.backend === 'native' && r.isa !== meta.nativeSimd));
  if (!others.length) return [];
  const native = rows.filter((r) => r.backend !== 'torch');
  const column = (r) => `${r.backend === 'js' ? 'js' : r.isa} t${r.threads}`;
  const probe = (r) => native.find((p) => p.op === (r.kind.startsWith('backward') ? 'add probe' : 'copy probe') && p.isa === (r.backend === 'js' ? meta.nativeSimd : r.isa) &&
    p.dtype === r.dtype && p.size === r.size && p.threads === r.threads);
  const out = ['', '## Every instruction set and the js backend', '', 'Elements/ns, in brackets the percent of the probe at the same instruction set, dtype, size and threads.'];
  const groups = new Map();
  for (const r of native) {
    const k = `${r.dtype} n=${fmtSize(r.size)}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(r);
  }
  for (const [k, group] of groups) {
    const columns = [...new Set(group.map(column))];
    const ops = [...new Set(group.map((r) => `${r.op} ${r.kind}`))];
    out.push('', `### ${k}`, '', `| op | ${columns.join(' | ')} |`, `|---|${columns.map(() => '--:').join('|')}|`);
    for (const op of ops) {
      const cells = columns.map((c) => {
        const r = group.find((g) => `${g.op} ${g.kind}` === op && column(g) === c);
        if (!r) return '';
        const p = r.op.endsWith('probe') ? undefined : probe(r);
        return p ? `${f(r.elementsPerNs)} (${pct((100 * r.elementsPerNs) / p.elementsPerNs)})` : f(r.elementsPerNs);
      });
      out.push(`| ${op} | ${cells.join(' | ')} |`);
    }
  }
  return out;
}

/** How the run was made, in one paragraph (README and report). */
export function provenance({ meta, peaks = [] }) {
  const peak = peaks.filter((p) => p.isa === meta.nativeSimd).map((p) => `${p.dtype} t${p.threads} ${p.gflops.toFixed(0)}`).join(', ');
  const c = meta.config;
  return `${meta.date.slice(0, 10)}, ${meta.cpu} (${meta.cores} cores, ${meta.memoryGiB} GiB), Node ${meta.node}, actfn ${meta.actfn} ` +
    `native at ${meta.nativeSimd}; peer: ${meta.peers?.status ?? 'not run'}` +
    (meta.peers?.check ? ` (mapping check: ${meta.peers.check.agree} of ${meta.peers.check.of} PyTorch expressions agree with actfn to 1e-6${meta.peers.check.mismatches.length ? `; differ: ${meta.peers.check.mismatches.map((m) => `${m.op} ${m.kind}`).join(', ')}` : ''})` : '') +
    `; timer: ${c.timer === 'median' ? `median of ${c.medianTiming.samples} samples of >= ${c.medianTiming.minSampleMs} ms (bench/timer.mjs, same rule as the peer)${c.repeat > 1 ? `, then the median of ${c.repeat} passes for sizes up to 1e6` : ''}` : 'benny'}; ` +
    `load average ${meta.loadAverage.map((l) => l.toFixed(1)).join(' -> ')}; ${meta.minutes.toFixed(1)} min.` +
    (peak ? ` FMA peak (GFLOP/s): ${peak}.` : '');
}

export function markdownReport(result) {
  const { meta } = result;
  const a = analyse(result);
  const lines = [
    `# actfn benchmarks, ${meta.date.slice(0, 10)} on ${meta.host}`,
    '',
    provenance(result),
    '',
    'Elements per nanosecond (el/ns). ratio = actfn / PyTorch at the same dtype, size and threads; % probe = percent of the',
    'same run\'s memory probe (copy, out = x, for forward and derivative; add, out = x + dy, for backward); scaling =',
    `el/ns at ${a.most} threads / at 1 thread. softmax rows: rows of ${meta.config.softmaxCols} (the whole rows that fit the size).`,
    'PyTorch\'s derivative is its backward op at dy = 1; * marks a PyTorch op without an out= form (timed with its allocation);',
    `~ marks a figure whose samples spread more than ${NOISY * 100}% of their median (the machine was busy: rerun before quoting it).`,
    '',
    targetSummary(result),
    '## Rows',
  ];
  const groups = [...new Set(a.lines.map((l) => `${l.dtype}|${l.size}`))];
  for (const g of groups) {
    const [dtype, size] = g.split('|');
    lines.push('', `### ${dtype}, n = ${fmtSize(Number(size))}`, '',
      '| op | kind | dtype | size | threads | actfn el/ns | torch el/ns | ratio | % probe | scaling | torch scaling |',
      '|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|');
    for (const l of a.lines.filter((x) => x.dtype === dtype && x.size === Number(size))) {
      lines.push(`| ${l.op} | ${l.kind} | ${l.dtype} | ${fmtSize(l.size)} | ${l.threads} | ${rate(l.actfn, l.spread)} | ${rate(l.torch, l.torchSpread)}${l.allocates ? '*' : ''} | ${times(l.ratio)} | ${pct(l.probePercent)} | ${times(l.scaling)} | ${times(l.torchScaling)} |`);
    }
  }
  lines.push('', '## Targets in detail', ...targetTables(result), ...gridTables(result));
  return `${lines.join('\n')}\n`;
}
