// Elementwise throughput, native vs js, in elements per nanosecond (median of benny's samples).
// Usage: npm run bench [-- --quick] [-- --size 1000000]. Builds on dist/ (npm run build first).
// The full multithreaded suite, with the copy-bandwidth probe and per-ISA runs, is issue 3's.
import b from 'benny';
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { activationNames, backendInfo, getActivation, setBackend } from '../dist/index.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const sizeArg = args.indexOf('--size');
const size = sizeArg >= 0 ? Number(args[sizeArg + 1]) : 1_000_000;
const names = quick ? ['relu', 'sigmoid', 'gelu', 'silu'] : activationNames;

const x = new Float32Array(size).map((_, i) => ((i * 7919) % 2001) / 100 - 10);
const out = new Float32Array(size);
const rows = [];
const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
const stamp = `${new Date().toISOString().slice(0, 10)}-${hostname()}`;

for (const name of names) {
  const act = getActivation(name);
  await b.suite(
    `${name} forward float32 n=${size}`,
    b.add('native', () => {
      setBackend('native');
      return () => act.forward(x, out);
    }),
    b.add('js', () => {
      setBackend('js');
      return () => act.forward(x, out);
    }),
    b.cycle(),
    b.complete((summary) => {
      for (const r of summary.results) {
        rows.push({ activation: name, backend: r.name, elementsPerNs: size / (r.details.median * 1e9) });
      }
    }),
    b.save({ file: `${stamp}-${name}`, folder: dir.pathname, format: 'json' }),
  );
}

setBackend('native');
console.log(`\n${JSON.stringify(backendInfo())}\n`);
console.log('| activation | native el/ns | js el/ns | native/js |');
console.log('|---|---|---|---|');
for (const name of names) {
  const n = rows.find((r) => r.activation === name && r.backend === 'native');
  const j = rows.find((r) => r.activation === name && r.backend === 'js');
  console.log(`| ${name} | ${n.elementsPerNs.toFixed(3)} | ${j.elementsPerNs.toFixed(3)} | ${(n.elementsPerNs / j.elementsPerNs).toFixed(1)}x |`);
}
