#!/usr/bin/env python3
"""Measure the special-function layer of both backends against mpmath, end to end.

For erf, erfc, erfcx, normalCdf, normalPdf and the four critical-point expansions this
  - draws a deterministic set of float64 inputs per function (uniform over the interesting range, the
    deep tails and subnormal ranges, log-spaced magnitudes, and a few ULPs around every branch point),
  - computes exact references with mpmath (in parallel; cached by input hash under --cache),
  - runs the TypeScript (src/backend/js/math, bundled with the repo's esbuild) under node and the C++
    (native/kernels/math through tools/check-math.cc, built with g++ -O2, and again with
    -march=native -ffp-contract=fast where that differs),
  - prints the max error in ULP of each (2^-1074 units in the subnormal range), where it occurs, and
    how often the backends differ bit for bit;
  - checks the special values (NaN, +-Infinity, +-0) exactly.
Exit status 1 if any function exceeds its budget (2 ULP; 3 for the critical-point expansions) or a
special value is wrong.

Usage (from the repo root):  python3 tools/check-math.py [--points N] [--only NAME ...]
"""

import argparse
import hashlib
import math
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile

import mpmath as mp
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PREC = 130


def init_mp():
    mp.mp.prec = PREC


def sigma(t):
    return 1 / (1 + mp.exp(-t))


def ref_erfcx(x):
    if x > 1e4:  # asymptotic series, truncation < 1e-40 relative here
        s = 1 / (x * x)
        return (1 - s / 2 + 3 * s ** 2 / 4 - 15 * s ** 3 / 8 + 105 * s ** 4 / 16) / (x * mp.sqrt(mp.pi))
    return mp.exp(x * x) * mp.erfc(x)


def g_gelu(x):
    return mp.ncdf(x) + x * mp.npdf(x)


def g_silu(u):
    s = sigma(u)
    return s * (1 + u * (1 - s))


def g_mish(x):
    t = mp.tanh(mp.log1p(mp.exp(x)))
    return t + x * (1 - t * t) * sigma(x)


def g_gelu_tanh(x):
    k = mp.mpf('0.044715')  # built at the working precision: near the root every bit of k and c counts
    c = 2 * mp.sqrt(2 / mp.pi)
    v = c * (x + k * x ** 3)
    s = sigma(v)
    return s + x * s * (1 - s) * c * (1 + 3 * k * x * x)


def saturating(f, below, above):
    """f, with its float64-saturated value for |x| > 100 (mpmath chokes on huge arguments)."""
    return lambda x: below if x < -100 else above if x > 100 else f(x)


# name: (TS call, C++ name, reference, budget in ULP)
SCALAR = {
    'erf': ('erf', 'erf', saturating(mp.erf, -1, 1), 2),
    'erfc': ('erfc', 'erfc', saturating(mp.erfc, 2, 0), 2),
    'erfcx': ('erfcx', 'erfcx', ref_erfcx, 2),
    'normalCdf': ('normalCdf', 'normal_cdf', saturating(mp.ncdf, 0, 1), 2),
    'normalPdf': ('normalPdf', 'normal_pdf', saturating(mp.npdf, 0, 0), 2),
}
CRITICAL = {
    'GELU_ROOT': ('gelu_root', g_gelu, -0.75),
    'SILU_ROOT': ('silu_root', g_silu, -1.28),
    'MISH_ROOT': ('mish_root', g_mish, -1.19),
    'GELU_TANH_ROOT': ('gelu_tanh_root', g_gelu_tanh, -0.75),
}
CRITICAL_BUDGET = 3


def ulps_around(points, count):
    out = []
    for p in points:
        for s in (1.0, -1.0):
            f = s * p
            out.append(f)
            up = dn = f
            for _ in range(count):
                up = math.nextafter(up, math.inf)
                dn = math.nextafter(dn, -math.inf)
                out += [up, dn]
    return out


def log_uniform(rng, lo, hi, n):
    return np.exp(rng.uniform(math.log(lo), math.log(hi), n))


def scalar_inputs(name, n):
    rng = np.random.default_rng(sum(map(ord, name)))
    q = n // 10
    breaks = [0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 0.7071068, 28.0, 40.0, 26.7, 5e-324, 1e-300, 1.0e299]
    if name == 'erf':
        parts = [rng.uniform(-7, 7, 5 * q), rng.uniform(-1, 1, 2 * q),
                 log_uniform(rng, 5e-324, 7, 3 * q) * rng.choice([-1, 1], 3 * q)]
    elif name == 'erfc':
        parts = [rng.uniform(-7, 28, 5 * q), rng.uniform(-1, 1, 2 * q), rng.uniform(26.3, 27.5, 2 * q),
                 log_uniform(rng, 1e-30, 0.5, q) * rng.choice([-1, 1], q)]
    elif name == 'erfcx':
        parts = [rng.uniform(-26.6, 6, 4 * q), rng.uniform(0, 40, 3 * q), log_uniform(rng, 30, 1e300, 2 * q),
                 log_uniform(rng, 1e-30, 0.5, q) * rng.choice([-1, 1], q)]
    elif name == 'normalCdf':
        parts = [rng.uniform(-39, 9, 5 * q), rng.uniform(-2, 2, 2 * q), rng.uniform(-38.6, -37.3, 2 * q),
                 log_uniform(rng, 1e-30, 0.8, q) * rng.choice([-1, 1], q)]
    else:  # normalPdf
        parts = [rng.uniform(-39, 39, 5 * q), rng.uniform(-2, 2, 2 * q), rng.uniform(37.3, 38.7, 2 * q) *
                 rng.choice([-1, 1], 2 * q), log_uniform(rng, 1e-30, 1, q) * rng.choice([-1, 1], q)]
    pts = np.concatenate(parts + [np.array(ulps_around(breaks, 16))])
    if name == 'erfcx':
        pts = pts[pts > -26.62]
    return pts.astype(np.float64)


def critical_inputs(name, x0_exact, radius, n):
    x0 = float(x0_exact)
    rng = np.random.default_rng(sum(map(ord, name)))
    q = n // 5
    ulp0 = math.ulp(x0)
    hi = [x0 + rng.uniform(-radius, radius, 2 * q)]
    lo = [np.zeros(2 * q)]
    # the floats nearest the root, and log-spaced distances out to the radius
    m = q - q // 2
    spread = np.round(log_uniform(rng, 1, radius / ulp0, m)) * rng.choice([-1, 1], m)
    k = np.concatenate([np.arange(-q // 4, q // 4), spread])
    hi.append(x0 + k * ulp0)
    lo.append(np.zeros(len(k)))
    h = x0 + rng.uniform(-radius, radius, q)
    hi.append(h)
    lo.append(rng.uniform(-0.5, 0.5, q) * np.array([math.ulp(v) for v in h]))
    h = x0 + np.round(rng.uniform(-1000, 1000, q)) * ulp0
    hi.append(h)
    lo.append(rng.uniform(-0.5, 0.5, q) * ulp0)
    # double-doubles within 2^-60 .. 2^-160 of the root (x0_exact is an mpf)
    m = min(q, 2000)
    hi.append(np.full(m, x0))
    with mp.workprec(400):
        lo.append(np.array([float(x0_exact - x0 + (-1) ** i * mp.mpf(2) ** float(e))
                            for i, e in enumerate(rng.uniform(-160, -60, m))]))
    hi = np.concatenate(hi)
    lo = np.concatenate(lo)
    keep = np.abs(hi - x0) <= radius
    return hi[keep], lo[keep]


def critical_reference(g, h, l):
    """g(h + l) near its root, where g is tiny and its terms cancel: raise the precision until two
    evaluations agree to 2^-90."""
    prec = 2 * PREC
    with mp.workprec(prec):
        v = g(mp.mpf(h) + mp.mpf(l))
    while True:
        prec *= 2
        with mp.workprec(prec):
            w = g(mp.mpf(h) + mp.mpf(l))
            if abs(w - v) <= abs(w) * mp.mpf(2) ** -90:
                return +w
            v = w


def reference_chunk(args):
    kind, name, xs = args
    init_mp()
    if kind == 'scalar':
        f = SCALAR[name][2]
        vals = [f(mp.mpf(float(x))) for x in xs]
    else:
        g = CRITICAL[name][1]
        vals = [critical_reference(g, float(h), float(l)) for h, l in xs]
    # each reference is stored in units of its own ULP, (v / ulp) = hi + lo, so that the low word keeps
    # its precision even where v itself is subnormal
    out = np.empty((len(vals), 3))
    for i, v in enumerate(vals):
        v = mp.mpf(v)
        e = mp.frexp(v)[1] - 1 if v != 0 else -2000  # floor(log2 |v|)
        u = max(e, -1022) - 52
        scaled = mp.ldexp(v, -u)
        hi = float(scaled) if abs(scaled) < 2 ** 1000 else math.copysign(math.inf, scaled)
        lo = float(scaled - hi) if math.isfinite(hi) else 0.0
        out[i] = (hi, lo, math.ldexp(1.0, u))
    return out


def references(kind, name, xs, cache, pool):
    key = hashlib.sha1(np.ascontiguousarray(xs).tobytes() + f'{kind}{name}{PREC}'.encode()).hexdigest()[:16]
    path = os.path.join(cache, f'{name}-{key}.npy')
    if os.path.exists(path):
        return np.load(path)
    chunks = np.array_split(xs, max(1, len(xs) // 5000))
    ref = np.concatenate(pool.map(reference_chunk, [(kind, name, c) for c in chunks]))
    np.save(path, ref)
    return ref


def ulp_errors(out, ref):
    with np.errstate(invalid='ignore', over='ignore'):
        err = np.abs((out / ref[:, 2] - ref[:, 0]) - ref[:, 1])  # out / ulp is exact (a power of two)
    err[np.isnan(out)] = np.inf
    return err


JS_DRIVER = r"""
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const [bundle, name, inPath, outPath, pairs] = process.argv.slice(2);
const m = await import(pathToFileURL(bundle).href);
const b = readFileSync(inPath);
const xin = new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
let out;
if (pairs === '1') {
  const cp = m[name];
  out = new Float64Array(xin.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = m.criticalExpansion(cp, xin[2 * i], xin[2 * i + 1]);
} else {
  const f = m[name];
  out = new Float64Array(xin.length);
  for (let i = 0; i < xin.length; i++) out[i] = f(xin[i]);
}
writeFileSync(outPath, Buffer.from(out.buffer));
"""


def build(work):
    entry = os.path.join(work, 'entry.ts')
    with open(entry, 'w') as f:
        for mod in ('erfc', 'critical-points', 'dd'):
            f.write(f"export * from '{ROOT}/src/backend/js/math/{mod}.ts';\n")
    bundle = os.path.join(work, 'bundle.mjs')
    esbuild = os.path.join(ROOT, 'node_modules/.bin/esbuild')
    subprocess.run([esbuild, entry, '--bundle', '--format=esm', '--platform=node', f'--outfile={bundle}',
                    '--log-level=warning'], check=True)
    driver = os.path.join(work, 'driver.mjs')
    with open(driver, 'w') as f:
        f.write(JS_DRIVER)
    runners = {'ts': lambda name, pairs, i, o: ['node', driver, bundle, name, i, o, '1' if pairs else '0']}
    src = os.path.join(ROOT, 'tools/check-math.cc')
    # as CMakeLists.txt builds the kernels (no contraction), then for this CPU's ISA, then with the
    # compiler free to contract a*b+c into fma (results may move by an ULP, accuracy must not)
    flavours = [('c++', ['-O2', '-ffp-contract=off']), ('c++ native', ['-O3', '-march=native', '-ffp-contract=off']),
                ('c++ fma', ['-O3', '-march=native', '-ffp-contract=fast'])]
    for label, flags in flavours:
        exe = os.path.join(work, 'check-math-' + label.replace(' ', '-').replace('+', 'p'))
        subprocess.run(['g++', '-std=c++17', '-Wall', '-Wextra', *flags, '-o', exe, src], check=True)
        runners[label] = (lambda exe: lambda name, pairs, i, o: [exe, name, i, o])(exe)
    return runners


def run(runners, label, name, pairs, data, work):
    i = os.path.join(work, 'in.bin')
    o = os.path.join(work, 'out.bin')
    data.astype('<f8').tofile(i)
    subprocess.run(runners[label](name, pairs, i, o), check=True)
    return np.fromfile(o, dtype='<f8')


def same(a, b):
    return (a == b) | (np.isnan(a) & np.isnan(b))


def describe(label, err, xs):
    i = int(np.argmax(err))
    where = f'x = {float(xs[i])!r}' if xs.ndim == 1 else f'u = {float(xs[i][0])!r} + {float(xs[i][1])!r}'
    return f'{label:>11}: max {err[i]:.3f} ULP at {where}'


SPECIALS = [
    ('erf', math.nan, math.nan), ('erf', math.inf, 1.0), ('erf', -math.inf, -1.0), ('erf', 0.0, 0.0),
    ('erf', -0.0, -0.0), ('erfc', math.nan, math.nan), ('erfc', math.inf, 0.0), ('erfc', -math.inf, 2.0),
    ('erfc', 0.0, 1.0), ('erfc', 30.0, 0.0), ('erfcx', math.nan, math.nan), ('erfcx', math.inf, 0.0),
    ('erfcx', -math.inf, math.inf), ('erfcx', -27.0, math.inf), ('erfcx', 0.0, 1.0),
    ('normalCdf', math.nan, math.nan), ('normalCdf', -math.inf, 0.0), ('normalCdf', math.inf, 1.0),
    ('normalCdf', 0.0, 0.5), ('normalCdf', -50.0, 0.0), ('normalPdf', math.nan, math.nan),
    ('normalPdf', math.inf, 0.0), ('normalPdf', -math.inf, 0.0), ('normalPdf', 50.0, 0.0),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--points', type=int, default=1_000_000, help='random points per scalar function')
    ap.add_argument('--critical-points', type=int, default=200_000, help='points per critical expansion')
    ap.add_argument('--only', nargs='*', help='function names to check')
    ap.add_argument('--cache', default=os.path.join(tempfile.gettempdir(), 'actfn-check-math'))
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    work = tempfile.mkdtemp(prefix='actfn-check-math-')
    ok = True
    try:
        runners = build(work)
        labels = list(runners)
        with multiprocessing.Pool() as pool:
            for name in SCALAR:
                if args.only and name not in args.only:
                    continue
                ts, cc, _, budget = SCALAR[name]
                xs = scalar_inputs(name, args.points)
                ref = references('scalar', name, xs, args.cache, pool)
                outs = {lab: run(runners, lab, ts if lab == 'ts' else cc, False, xs, work) for lab in labels}
                print(f'{name}: {len(xs)} points')
                for lab in labels:
                    err = ulp_errors(outs[lab], ref)
                    print('  ' + describe(lab, err, xs))
                    ok &= bool(err.max() <= budget)
                for lab in labels[1:]:
                    diff = np.abs(outs['ts'] - outs[lab]) / ref[:, 2]
                    n_same = int(same(outs['ts'], outs[lab]).sum())
                    print(f'  ts vs {lab}: {len(xs) - n_same} differ, max difference {np.nanmax(diff):.3f} ULP')
            for name, (cc, g, start) in CRITICAL.items():
                if args.only and name not in args.only:
                    continue
                init_mp()
                with mp.workprec(400):
                    x0 = mp.findroot(g, mp.mpf(start), tol=mp.mpf(2) ** -380)
                radius = radius_of(name)
                hi, lo = critical_inputs(name, x0, radius, args.critical_points)
                pairs = np.stack([hi, lo], axis=1)
                ref = references_pairs(name, pairs, args.cache, pool)
                outs = {lab: run(runners, lab, name if lab == 'ts' else cc, True, pairs.reshape(-1), work)
                        for lab in labels}
                print(f'{name}: {len(hi)} points, |u - x0| <= {radius}')
                for lab in labels:
                    err = ulp_errors(outs[lab], ref)
                    print('  ' + describe(lab, err, pairs))
                    ok &= bool(err.max() <= CRITICAL_BUDGET)
                for lab in labels[1:]:
                    diff = np.abs(outs['ts'] - outs[lab]) / ref[:, 2]
                    n_same = int(same(outs['ts'], outs[lab]).sum())
                    print(f'  ts vs {lab}: {len(hi) - n_same} differ, max difference {np.nanmax(diff):.3f} ULP')
        bad = []
        for lab in labels:
            for fname, x, want in SPECIALS:
                ts, cc, _, _ = SCALAR[fname]
                got = run(runners, lab, ts if lab == 'ts' else cc, False, np.array([x]), work)[0]
                good = (math.isnan(want) and math.isnan(got)) or \
                    (got == want and math.copysign(1, got) == math.copysign(1, want))
                if not good:
                    bad.append(f'{lab} {fname}({x}) = {got}, want {want}')
        print(f'special values: {len(SPECIALS) * len(labels) - len(bad)} passed, {len(bad)} failed')
        for b in bad:
            print('  ' + b)
        ok &= not bad
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print('OK' if ok else 'FAILED')
    return 0 if ok else 1


def radius_of(name):
    path = os.path.join(ROOT, 'src/backend/js/math/coefficients.generated.ts')
    with open(path) as f:
        for line in f:
            if line.startswith(f'export const {name}_RADIUS = '):
                return float(line.split('=')[1].strip().rstrip(';'))
    raise SystemExit(f'{name}_RADIUS not found in {path}')


def references_pairs(name, pairs, cache, pool):
    key = hashlib.sha1(np.ascontiguousarray(pairs).tobytes() + f'critical{name}{PREC}v3'.encode()).hexdigest()[:16]
    path = os.path.join(cache, f'{name}-{key}.npy')
    if os.path.exists(path):
        return np.load(path)
    chunks = np.array_split(pairs, max(1, len(pairs) // 5000))
    ref = np.concatenate(pool.map(reference_chunk, [('critical', name, [tuple(p) for p in c]) for c in chunks]))
    np.save(path, ref)
    return ref


if __name__ == '__main__':
    sys.exit(main())
