// Max ULP of the native float64 kernels (forward and derivative) against the references written by
// tools/audit-float64.py, over |x| <= 4 and over all points. Run once per ISA:
//   ACTFN_SIMD=avx2 node tools/audit-float64.mjs REF.json   (after npm run build)
import { readFileSync } from 'node:fs';
import { getActivation, setBackend } from '../dist/index.js';

const ref = JSON.parse(readFileSync(process.argv[2], 'utf8'));
setBackend('native');
const view = new DataView(new ArrayBuffer(8));
const ulpOf = (v) => {
  if (v === 0) return 2 ** -1074;
  view.setFloat64(0, v);
  const biased = (view.getUint16(0) >> 4) & 0x7ff;
  return 2 ** Math.max((biased ? biased - 1023 : Math.floor(Math.log2(Math.abs(v)))) - 52, -1074);
};
const ulp = (c, [hi, lo]) => (Number.isFinite(hi) ? Math.abs(c - hi - lo) / ulpOf(hi) : c === hi ? 0 : Infinity);
console.log(`simd ${process.env.ACTFN_SIMD || 'default'}`);
for (const [name, r] of Object.entries(ref)) {
  const act = getActivation(name, r.params);
  const x = Float64Array.from(r.x);
  const row = [name.padEnd(11)];
  for (const [kind, refs] of [['forward', r.f], ['derivative', r.df]]) {
    const y = kind === 'forward' ? act.forward(x) : act.derivative(x);
    let small = 0, all = 0, worst = 0;
    for (let i = 0; i < x.length; i++) {
      const e = ulp(y[i], refs[i]);
      if (Math.abs(x[i]) <= 4) small = Math.max(small, e);
      if (e > all) { all = e; worst = x[i]; }
    }
    row.push(`${kind} ${small.toFixed(2)} / ${all.toFixed(2)} (x=${worst.toPrecision(6)})`);
  }
  console.log(row.join('  '));
}
