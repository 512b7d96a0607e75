// Keeps the manifest's measured accuracy current: `node tools/accuracy-table.mjs` runs the accuracy
// suite once per instruction set (the CPU's own choice, then ACTFN_SIMD=avx2 and scalar), each run
// writing its report (ACTFN_ACCURACY_REPORT), and rewrites every row's `measuredUlp: measured(...)`
// in src/activations/table.ts with the maximum over the runs and both backends, rounded up to
// 2 decimals; then `npm run generate` rewrites the README's accuracy table from the rows. The
// suite's check that a kernel measures no more than its row's figure is left out of these runs:
// the figures it checks are the ones being replaced.
// `node tools/accuracy-table.mjs report.json...` prints the table of given reports instead
// (--per-backend: one row per activation and backend), to look without rewriting anything.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ISAS = ['', 'avx2', 'scalar'];
const COLS = ['float32 forward', 'float32 derivative', 'float32 backward', 'float64 forward', 'float64 derivative', 'float64 backward'];
// The test name the manifest check carries in test/accuracy/activations.test.ts.
const MANIFEST_CHECK = 'the manifest figures';

/** One report per instruction set, from the suite run with that ACTFN_SIMD. */
function measureEveryIsa() {
  const dir = mkdtempSync(join(tmpdir(), 'actfn-accuracy-'));
  try {
    return ISAS.map((isa) => {
      const path = join(dir, `${isa || 'native'}.json`);
      console.log(`measuring with ACTFN_SIMD=${isa}`);
      execFileSync('npx', ['vitest', 'run', '--project', 'src', 'test/accuracy/activations.test.ts', '-t', `^(?!${MANIFEST_CHECK})`], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, ACTFN_SIMD: isa, ACTFN_ACCURACY_REPORT: path },
      });
      return JSON.parse(readFileSync(path, 'utf8'));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** activation -> column -> {small, all}: the maximum over the reports (and backends, unless perBackend). */
function merge(reports, perBackend) {
  const rows = new Map();
  for (const report of reports) {
    for (const [key, v] of Object.entries(report)) {
      const [backend, dtype, activation, kind] = key.split(' ');
      const name = perBackend ? `${activation} (${backend})` : activation;
      const row = rows.get(name) ?? new Map();
      const col = `${dtype} ${kind}`;
      const cell = row.get(col) ?? { small: 0, all: 0 };
      row.set(col, { small: Math.max(cell.small, v.small), all: Math.max(cell.all, v.all) });
      rows.set(name, row);
    }
  }
  return rows;
}

// Up, so a figure is never below what was measured (the epsilon absorbs v * 100's own rounding).
const up = (v) => (Math.ceil(v * 100 - 1e-7) / 100).toFixed(2);

function measuredCall(row) {
  const cell = (c) => {
    const [small, all] = [up(c.small), up(c.all)];
    return all === small ? small : `[${small}, ${all}]`;
  };
  return `measured(${COLS.map((c) => {
    if (!row.has(c)) throw new Error(`no ${c} figure was measured`);
    return cell(row.get(c));
  }).join(', ')})`;
}

function rewriteManifest(rows) {
  const path = join(root, 'src/activations/table.ts');
  let text = readFileSync(path, 'utf8');
  for (const [name, row] of rows) {
    const at = text.indexOf(`name: '${name}'`);
    if (at < 0) throw new Error(`no row ${name} in the manifest`);
    const re = /measuredUlp: measured\([^)]*\)/g;
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) throw new Error(`row ${name} has no measuredUlp`);
    const next = `measuredUlp: ${measuredCall(row)}`;
    if (m[0] !== next) console.log(`${name}: ${m[0].slice('measuredUlp: '.length)} -> ${next.slice('measuredUlp: '.length)}`);
    text = text.slice(0, m.index) + next + text.slice(m.index + m[0].length);
  }
  writeFileSync(path, text);
}

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (files.length) {
  const rows = merge(files.map((f) => JSON.parse(readFileSync(f, 'utf8'))), process.argv.includes('--per-backend'));
  const fmt = (c) => (c.all > c.small + 0.005 ? `${c.small.toFixed(2)} (${c.all.toFixed(2)})` : c.small.toFixed(2));
  console.log(`| activation | ${COLS.join(' | ')} |`);
  console.log(`|---|${COLS.map(() => '---').join('|')}|`);
  for (const [name, row] of rows) console.log(`| ${name} | ${COLS.map((c) => (row.has(c) ? fmt(row.get(c)) : '-')).join(' | ')} |`);
} else {
  rewriteManifest(merge(measureEveryIsa(), false));
  execFileSync('node', [join(root, 'tools/generate.mjs')], { cwd: root, stdio: 'inherit' });
}
