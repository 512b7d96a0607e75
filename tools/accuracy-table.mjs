// Turns the report that `ACTFN_ACCURACY_REPORT=path npx vitest run test/accuracy` writes into the
// README's accuracy table: max ULP over |x| <= 4 (all fixture inputs in brackets where larger),
// per activation and dtype: the worse of the two backends, or one table per backend with
// --per-backend. With --manifest it prints each row's `measuredUlp: measured(...)` line for
// src/activations/table.ts instead (then `npm run generate` rewrites the README table from them).
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const perBackend = process.argv.includes('--per-backend');
const manifest = process.argv.includes('--manifest');
const rows = new Map();
for (const [key, v] of Object.entries(report)) {
  const [backend, dtype, activation, kind] = key.split(' ');
  const name = perBackend ? `${activation} (${backend})` : activation;
  const row = rows.get(name) ?? new Map();
  const col = `${dtype} ${kind}`;
  const cell = row.get(col) ?? { small: 0, all: 0, backends: new Set() };
  cell.small = Math.max(cell.small, v.small);
  cell.all = Math.max(cell.all, v.all);
  cell.backends.add(backend);
  row.set(col, cell);
  rows.set(name, row);
}
const cols = ['float32 forward', 'float32 derivative', 'float32 backward', 'float64 forward', 'float64 derivative', 'float64 backward'];
if (manifest) {
  const num = (v) => v.toFixed(2);
  const cell = (c) => (c.all > c.small + 0.005 ? `[${num(c.small)}, ${num(c.all)}]` : num(c.small));
  for (const [name, row] of rows) console.log(`${name}: measuredUlp: measured(${cols.map((c) => (row.has(c) ? cell(row.get(c)) : 'NaN')).join(', ')}),`);
  process.exit(0);
}
const fmt = (c) => (c.all > c.small + 0.005 ? `${c.small.toFixed(2)} (${c.all.toFixed(2)})` : c.small.toFixed(2));
console.log(`| activation | ${cols.join(' | ')} |`);
console.log(`|---|${cols.map(() => '---').join('|')}|`);
for (const [name, row] of rows) console.log(`| ${name} | ${cols.map((c) => (row.has(c) ? fmt(row.get(c)) : '-')).join(' | ')} |`);
