#!/usr/bin/env node
// Dense float32 accuracy audit of the native kernels: every 128th float32 bit pattern with
// |x| <= 90 (about 17 million inputs, the whole exponent range down to subnormals) plus a uniform
// grid of step 2^-12 on [-90, 90], against the js backend's compensated float64 evaluation (its
// error, ~2^-51 relative, is a millionth of a float32 ULP). Reports the max ULP per activation,
// params and pass, and how many points break the test contract (4 ULP forward, 8 derivative and
// backward, |f'| < 2^-20 measured absolutely).
//
//   npm run build && node tools/audit-float32.mjs [--only sigmoid,tanh] [--stride 128]
//   ACTFN_SIMD=avx2 node tools/audit-float32.mjs      (one ISA path at a time)
import { parseArgs } from 'node:util';
import { getActivation, setBackend, backendInfo, ACTIVATION_TABLE } from '../dist/index.js';

const { values: args } = parseArgs({
  options: { only: { type: 'string' }, stride: { type: 'string', default: '128' } },
});
const stride = Number(args.stride);
const only = args.only ? new Set(args.only.split(',')) : null;

function inputs() {
  const bits = new Uint32Array(1);
  const asFloat = new Float32Array(bits.buffer);
  const values = [];
  for (let b = 0; ; b += stride) {
    bits[0] = b;
    if (asFloat[0] > 90) break;
    values.push(asFloat[0], -asFloat[0]);
  }
  for (let x = -90; x <= 90; x += 2 ** -12) values.push(x);
  return Float32Array.from(values);
}

function ulp32(v) {
  const a = Math.abs(v);
  if (a < 2 ** -126) return 2 ** -149;
  return 2 ** (Math.floor(Math.log2(a)) - 23);
}

const x32 = inputs();
const x64 = Float64Array.from(x32);
const dy32 = Float32Array.from(x32, (_, i) => Math.fround(0.75 + ((i * 7919) % 1000) / 2000));
const dy64 = Float64Array.from(dy32);
const info = backendInfo();
if (info.backend !== 'native') throw new Error(`native backend not loaded: ${info.reason}`);
console.log(`${x32.length} inputs, simd ${info.simd}`);

const rows = [];
for (const row of ACTIVATION_TABLE) {
  if (only && !only.has(row.name)) continue;
  for (const params of row.test.paramSets) {
    for (const pass of ['forward', 'derivative', 'backward']) {
      const run = (backend, x, dy) => {
        setBackend(backend);
        const f = getActivation(row.name, params);
        return pass === 'backward' ? f.backward(x, dy) : f[pass](x);
      };
      const got = run('native', x32, dy32);
      const want = run('js', x64, dy64);
      setBackend('native');
      const bound = pass === 'forward' ? row.test.forwardUlp : row.test.derivativeUlp;
      let worst = 0;
      let worstX = 0;
      let broken = 0;
      for (let i = 0; i < got.length; i++) {
        const w = want[i];
        if (!Number.isFinite(w) || Math.abs(w) > 3.4e38) continue;
        const err = Math.abs(got[i] - w) / ulp32(w);
        const scale = pass === 'backward' ? dy64[i] : 1;
        const smallDerivative = pass !== 'forward' && Math.abs(w) < 2 ** -20 * scale;
        if (smallDerivative && Math.abs(got[i] - w) <= 2 ** -44 * scale) continue;
        if (err > bound) broken++;
        if (err > worst) [worst, worstX] = [err, x32[i]];
      }
      rows.push({ name: row.name, params: JSON.stringify(params), pass, maxUlp: +worst.toFixed(2), atX: worstX, broken });
    }
  }
}
console.table(rows);
process.exitCode = rows.some((r) => r.broken > 0) ? 1 : 0;
