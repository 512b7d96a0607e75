// Rewrites README.md's benchmark table (between the bench-table markers) from a results file of
// `npm run bench` (bench/results/*.json): the date, CPU model, cores and load of that run, the
// target summary and the race tables (actfn vs PyTorch, percent of the copy probe, 2-vs-1 scaling).
//
//   node tools/bench-readme.mjs [bench/results/<file>.json]
// Without an argument: the newest complete run (not -partial), else the newest file.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { provenance, raceTable, targetSummary } from '../bench/report.mjs';
import { NOISY } from '../bench/timer.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const START = '<!-- bench-table:start -->\n';
const END = '\n<!-- bench-table:end -->';

function newestResult() {
  const dir = join(root, 'bench', 'results');
  let files;
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('-nn.json')).map((f) => join(dir, f));
  } catch {
    files = [];
  }
  if (!files.length) throw new Error('no bench/results/*.json: run `npm run bench -- --peers` first');
  files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return files.find((f) => !f.includes('-partial')) ?? files[0];
}

const fmtSize = (n) => (n % 1e6 === 0 ? `${n / 1e6}e6` : String(n));

export function readmeSection(result, source) {
  const { meta, rows } = result;
  const groups = [...new Set(rows.filter((r) => r.backend === 'native' && r.isa === meta.nativeSimd).map((r) => `${r.dtype}|${r.size}`))];
  const out = [
    `Measured ${provenance(result)} From \`${source}\`${meta.partial ? ' (a partial run: see its config)' : ''}.`,
    '',
    'Elements per nanosecond; ratio = actfn / PyTorch at the same dtype and threads; % probe = percent of the copy probe (add',
    'probe for backward); NvM = el/ns at N threads / at 1 thread; * = PyTorch op without an out= form (timed with its',
    `allocation); ~ = samples spread over ${NOISY * 100}% of their median (a busy machine: rerun before quoting).`,
    '',
    targetSummary(result),
  ];
  for (const g of groups) {
    const [dtype, size] = g.split('|');
    const title = `${dtype}, n = ${fmtSize(Number(size))}`;
    const table = raceTable(result, dtype, Number(size));
    // each dtype's smallest size open, the larger ones folded
    const smallest = Math.min(...groups.filter((x) => x.startsWith(`${dtype}|`)).map((x) => Number(x.split('|')[1])));
    if (Number(size) === smallest) out.push(`**${title}**`, '', table);
    else out.push(`<details><summary>${title}</summary>`, '', table, '</details>', '');
  }
  return out.join('\n').trimEnd();
}

function main() {
  const source = process.argv[2] ?? newestResult();
  const result = JSON.parse(readFileSync(source, 'utf8'));
  const path = join(root, 'README.md');
  const readme = readFileSync(path, 'utf8');
  const i = readme.indexOf(START);
  const j = readme.indexOf(END, i + START.length - 1); // an empty section shares the newline
  if (i < 0 || j < 0) throw new Error('README.md lacks the bench-table markers');
  const relative = source.startsWith(root) ? source.slice(root.length) : source;
  writeFileSync(path, readme.slice(0, i + START.length) + readmeSection(result, relative) + readme.slice(Math.max(j, i + START.length - 1)));
  console.log(`README.md benchmark table updated from ${relative}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
