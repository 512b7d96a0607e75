#!/usr/bin/env python3
"""Generate exact-math reference fixtures for the actfn accuracy tests.

Writes, under test/accuracy/fixtures/:
  <activation>.json  one file per activation (sigmoid.json, leakyRelu.json, ...)
                     with one case per (parameter set, dtype), holding the inputs
                     x and the reference forward value f(x) and derivative f'(x);
  softmax.json       row-wise softmax / logSoftmax and the softmax backward pass.

Every reference number is the exact real-number value of the definition (see
ACTIVATIONS below; parameters are the float64 values of the literals, formula
constants such as SELU's or 0.044715 are exact reals), stored as a pair
  hi = exact rounded to nearest float64,  lo = (exact - hi) rounded to float64.
Values are computed with mpmath using formulas that are free of cancellation
except where the true value itself is tiny (derivative roots).  Each value is
evaluated at two precisions (p and p+40 bits, p = 256 first); their difference
bounds the error, and if that bound does not pin down the rounding of hi and lo
the precision is raised (640 bits, then ~1200 and ~3600 bits plus the binary
magnitude of the value; see resolve()).

Softmax: softmax / logSoftmax are exact over each row of `cols` entries; the
backward reference dx_i = y_i (dy_i - sum_j y_j dy_j) uses y = the exact
softmax rounded to the case's dtype and is evaluated in exact rational
arithmetic.

Encoding: numbers are JSON numbers in shortest round-trip form (Python repr);
+-infinity is written as the strings "Infinity" / "-Infinity", negative zero as
the string "-0".  Inputs never contain -0.  Exact zero results are +0; an exact
value that is negative but below the subnormal range gives hi = lo = "-0".
An exact value beyond the float64 range gives hi = "Infinity" and lo = 0.

Usage:  python3 tools/gen-reference.py            (writes all fixtures)
        python3 tools/gen-reference.py celu elu   (rewrites just those activations' files)
        python3 tools/gen-reference.py --check    (independent self-checks)
"""

import functools
import json
import math
import multiprocessing
import os
import struct
import sys
import time
import zlib
from collections import namedtuple
from fractions import Fraction

import numpy as np
from mpmath import mp, mpf

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, 'test', 'accuracy', 'fixtures')
GENERATOR = 'tools/gen-reference.py'
NINF = mpf('-inf')

# --------------------------------------------------------------------------
# Floating-point formats and exact rounding
# --------------------------------------------------------------------------

Fmt = namedtuple('Fmt', 'name prec qmin emax kmin kmax fchar ichar')
FMTS = {
    # prec: significand bits; qmin: exponent of the smallest subnormal;
    # results rounding to 2^emax overflow; kmin..kmax: binary exponents.
    'float32': Fmt('float32', 24, -149, 128, -149, 127, '<f', '<i'),
    'float64': Fmt('float64', 53, -1074, 1024, -1074, 1023, '<d', '<q'),
}
F64 = FMTS['float64']
DTYPES = ('float32', 'float64')


def round_to(v, fmt=F64):
    """Round an mpf to nearest (ties to even) in `fmt`; returns a Python float.

    Handles subnormals, underflow to signed zero and overflow to infinity."""
    if mp.isinf(v):
        return math.inf if v > 0 else -math.inf
    if mp.isnan(v):
        raise ValueError('NaN reference value')
    sign, man, exp, bc = v._mpf_
    if not man:
        return 0.0
    q = max(exp + bc - fmt.prec, fmt.qmin)       # exponent of the last kept bit
    if exp < q:
        shift = q - exp
        if shift > bc + 1:
            man = 0                               # far below half an ulp
        else:
            kept = man >> shift
            rem = man - (kept << shift)
            half = 1 << (shift - 1)
            man = kept + (rem > half or (rem == half and kept & 1))
        exp = q
    r = math.inf if man.bit_length() + exp > fmt.emax else math.ldexp(man, exp)
    return -r if sign else r


def to_fmt(x, fmt):
    """Round a Python float to the dtype (float32 rounding done by numpy)."""
    return float(np.float32(x)) if fmt.name == 'float32' else float(x)


def ulp_step(x, k, fmt):
    """The value k representable steps away from x in fmt (crossing 0 is fine)."""
    (i,) = struct.unpack(fmt.ichar, struct.pack(fmt.fchar, x))
    bits = 8 * struct.calcsize(fmt.ichar)
    if i < 0:                                     # sign-magnitude -> ordered
        i = -(i & ((1 << (bits - 1)) - 1))
    i += k
    if i < 0:
        i = (-i) - (1 << bits) + (1 << (bits - 1))  # set sign bit, as signed int
    (y,) = struct.unpack(fmt.fchar, struct.pack(fmt.ichar, i))
    return y + 0.0                                # -0 -> +0


def max_finite(fmt):
    return float(np.finfo(np.float32).max) if fmt.name == 'float32' else sys.float_info.max


# --------------------------------------------------------------------------
# Verified double-double evaluation
# --------------------------------------------------------------------------

GUARD = 40


def _split(a, b, p, final):
    """(hi, lo) of a value computed as a (p bits) and b (p+GUARD bits).

    Returns None if the error bound does not determine both roundings.  Runs at
    p + 2*GUARD bits; err is generous enough to absorb rounding of b +- err."""
    if mp.isinf(b) or mp.isinf(a):
        return (round_to(b), 0.0) if a == b else None
    err = 2 * (abs(b - a) + abs(b) * mpf(2) ** (8 - p))
    # Sign undetermined?  (a and b agreeing in sign is accepted: when |b| <= err
    # this can only affect the sign of a hi that underflows to zero, e.g. for
    # exp(-v) with astronomically large, inexactly computed v.)
    if b != 0 and abs(b) <= err and not (a * b > 0):
        return None
    hi = round_to(b)
    exact_tie = final and a == b                  # exactly computed value
    if (round_to(b - err) != hi or round_to(b + err) != hi) and not exact_tie:
        return None
    if math.isinf(hi):
        return hi, 0.0
    r = mp.fsub(b, mpf(hi), exact=True)
    lo = round_to(r)
    if (round_to(r - err) != lo or round_to(r + err) != lo) and not exact_tie:
        return None
    return hi, lo


def resolve(compute):
    """Evaluate compute() (-> list of mpf at the current mp.prec) exactly enough
    to give correctly rounded (hi, lo) pairs for every entry.

    Precision levels: 256, 640, then 1200 and 3600 bits plus the magnitude of the
    largest value.  1200+mag bits separate any residual from the float64
    subnormal range; 3600+mag bits also separate values whose expansion is an
    exact dyadic plus a term of order x^3 with tiny x (e.g. sigmoid(x) =
    1/2 + x/4 - x^3/48 ...) from a rounding tie.  At the last level an error
    bound that straddles a rounding boundary is accepted only if both
    precisions gave the identical value (an exactly computed tie, e.g. a
    leakyRelu product that is exactly half-way between two subnormals)."""
    prev = None
    for level, base in enumerate((256, 640, 1200, 3600)):
        final = level == 3
        p = base
        if level >= 2:
            p += max([0] + [mp.mag(v) for v in prev if mp.isfinite(v) and v != 0])
        with mp.workprec(p):
            a = compute()
        with mp.workprec(p + GUARD):
            b = compute()
        with mp.workprec(p + 2 * GUARD):
            out = [_split(ai, bi, p, final) for ai, bi in zip(a, b)]
        if all(o is not None for o in out):
            return out
        prev = b
    raise RuntimeError('could not resolve reference value')


# --------------------------------------------------------------------------
# Stable building blocks (all evaluated at the current mp precision)
# --------------------------------------------------------------------------

@functools.lru_cache(maxsize=16)
def _exp_neg(t, prec):
    return mp.exp(-t)


def exp_neg_abs(t):
    """exp(-|t|), memoized per precision (f and f' share it; costly for huge t)."""
    return _exp_neg(abs(t), mp.prec)


def sigm(t):
    """Logistic sigma(t), without overflow or cancellation."""
    e = exp_neg_abs(t)
    return 1 / (1 + e) if t >= 0 else e / (1 + e)


def dsigm(t):
    """sigma(t) * (1 - sigma(t)) = e / (1 + e)^2 with e = exp(-|t|)."""
    e = exp_neg_abs(t)
    return e / (1 + e) ** 2


def splus(t):
    """log(1 + exp(t)) = max(t, 0) + log1p(exp(-|t|))."""
    return (t if t > 0 else 0) + mp.log1p(exp_neg_abs(t))


def sech2(t):
    """1 - tanh(t)^2 = 4e / (1 + e)^2 with e = exp(-2|t|)."""
    e = exp_neg_abs(2 * t)
    return 4 * e / (1 + e) ** 2


def npdf(x):
    return mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi)


def ntail(z):
    """Phi(-z) = erfc(z/sqrt 2)/2 for z >= 0."""
    if z < 1e100:
        return mp.erfc(z / mp.sqrt(2)) / 2
    # mpmath's erfc overflows internally for astronomically large z; use the
    # asymptotic series (alternating: error below the first omitted term).
    s = term = mpf(1)
    k, z2, eps = 1, z * z, mpf(2) ** -(mp.prec + 10)
    while abs(term) > eps:
        term *= -(2 * k - 1) / z2
        s += term
        k += 1
    return npdf(z) / z * s


def ncdf(x):
    t = ntail(abs(x))
    return t if x < 0 else 1 - t


def selu_alpha():
    return mpf('1.6732632423543772848170429916717')


def selu_scale():
    return mpf('1.0507009873554804934193349852946')


def gelu_tanh_parts(x):
    """v = 2 sqrt(2/pi) (x + k x^3) and dv/dx, k = 0.044715."""
    c, k = 2 * mp.sqrt(2 / mp.pi), mpf('0.044715')
    return c * (x + k * x ** 3), c * (1 + 3 * k * x * x)


def gelu_tanh_df(x):
    v, dv = gelu_tanh_parts(x)
    return sigm(v) + x * dsigm(v) * dv


ONE, ZERO = mpf(1), mpf(0)


# --------------------------------------------------------------------------
# The activation table, read from the manifest (src/activations/table.ts) through
# tools/reference-cases.generated.json (npm run generate writes it):
#   name, parameter sets, kinks(params) -> list of special inputs (kinks, branch points),
#   root(params) -> start guess for the negative root of f' (or None),
#   f(x, params), df(x, params): the row's `reference` mpmath expressions in x and p, evaluated
#   with this module's helpers (sigm, dsigm, splus, ncdf, npdf, sech2, ...); x, p values are mpf.
# --------------------------------------------------------------------------

Act = namedtuple('Act', 'name param_sets kinks root f df')
CASES_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'reference-cases.generated.json')


def params_key(params):
    return json.dumps({k: float(v) for k, v in params.items()}, sort_keys=True)


def expression(text):
    code = compile(text, '<manifest reference>', 'eval')
    return lambda x, p: eval(code, globals(), {'x': x, 'p': p})


def load_activations():
    with open(CASES_FILE) as f:
        manifest = json.load(f)
    acts = []
    for row in manifest['activations']:
        # float values, as the literals were: json.dumps(params) keys the fixtures and REGRESSION
        param_sets = [{k: float(v) for k, v in case['params'].items()} for case in row['cases']]
        points = {params_key(ps): [float(v) for v in case['points']] for ps, case in zip(param_sets, row['cases'])}
        roots = {params_key(ps): case['root'] for ps, case in zip(param_sets, row['cases'])}
        acts.append(Act(row['name'], param_sets,
                        lambda p, points=points: points[params_key(p)],
                        lambda p, roots=roots: roots[params_key(p)],
                        expression(row['f']), expression(row['df'])))
    return acts


ACTIVATIONS = load_activations()
ACT_BY_NAME = {a.name: a for a in ACTIVATIONS}


def mp_params(params):
    return {k: mpf(v) for k, v in params.items()}     # exact float64 values


def deriv_root(act, params):
    """The root of f' near the table's guess, to 300 bits (None if none)."""
    guess = act.root(params)
    if guess is None:
        return None
    P = mp_params(params)
    with mp.workprec(300):
        return mp.findroot(lambda t: act.df(t, P), mpf(guess), tol=mpf(2) ** -280)


# --------------------------------------------------------------------------
# Input points
# --------------------------------------------------------------------------

SPECIAL = [0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0, 6.0, -6.0]
TAILS = [-9.0, -10.0, -30.0, -100.0, -700.0, -1000.0, 1e4, 100.0, 30.0, 20.0, 15.0]
ROOT_ULPS = {'float64': [1, 2, 3, 5, 10, 100, 1000, 10**4, 10**6],
             'float32': list(range(1, 11)) + [100]}


def seed_for(*key):
    return zlib.crc32('/'.join(map(str, key)).encode())


# 7. Regression points: where a dense audit (2.7M points per function against mpmath) found the
#    float64 forward of these activations at 4.0-4.6 ULP before their sigmoid/tanh(softplus)
#    evaluations were compensated. Keyed by (activation, params as JSON).
REGRESSION = {
    ('geluTanh', '{}'): [-3.7301044111490045, -3.7273752855675872, -3.730960698760618, -3.5664349823562684, -3.727424439707785, -3.569311146636502],
    ('mish', '{}'): [-3.312949213335051, -3.3082355502078196, -3.361226593180951, -3.2479746639873515, -3.269103895190201, -3.2467465381616587],
    ('swish', '{"beta":1.702}'): [-2.6186577730911846, -3.6273428321318226, -2.6279240593732, -2.635690879789776, -2.6163800708074394, -3.6327007215163145],
}


def input_points(act, set_index, params, dtype):
    fmt = FMTS[dtype]
    rng = np.random.default_rng(seed_for(act.name, set_index, dtype))
    r = lambda v: to_fmt(float(v), fmt)
    pts = [r(v) for v in np.linspace(-8.0, 8.0, 501)]                   # 1. grid
    pts += [r(v) for v in rng.uniform(-20.0, 20.0, 150)]                # 2. random
    pts += [r(v) for v in rng.uniform(-4.0, 4.0, 100)]
    ks = np.unique(np.round(np.linspace(fmt.kmin, fmt.kmax, 120)).astype(int))
    big = max_finite(fmt)
    for sgn in (1.0, -1.0):                                              # 3. sweep
        for k, u in zip(ks, rng.uniform(0.0, 1.0, len(ks))):
            v = r(math.ldexp(1.0 + float(u), int(k)))
            pts.append(sgn * min(v, big))
        tiny = math.ldexp(1.0, fmt.qmin)
        pts += [sgn * big, sgn * tiny]
    pts += SPECIAL + TAILS                                               # 4., 6.
    for kink in act.kinks(params):
        pts += [ulp_step(kink, k, fmt) for k in (-2, -1, 0, 1, 2)]
    root = deriv_root(act, params)                                       # 5.
    if root is not None:
        x0 = round_to(root, fmt)
        pts.append(x0)
        for k in ROOT_ULPS[dtype]:
            pts += [ulp_step(x0, k, fmt), ulp_step(x0, -k, fmt)]
        pts += [r(v) for v in rng.uniform(float(root) - 0.6, float(root) + 0.6, 40)]
    pts += [r(v) for v in REGRESSION.get((act.name, json.dumps(params, separators=(',', ':'))), [])]  # 7.
    pts = [v + 0.0 for v in pts if math.isfinite(v)]                    # no -0
    assert all(to_fmt(v, fmt) == v for v in pts)
    return sorted(set(pts))


# --------------------------------------------------------------------------
# JSON output helpers
# --------------------------------------------------------------------------

def enc(v):
    if math.isinf(v):
        return 'Infinity' if v > 0 else '-Infinity'
    if math.isnan(v):
        raise ValueError('NaN in output')
    if v == 0 and math.copysign(1.0, v) < 0:
        return '-0'
    return v


def jarr(values):
    return json.dumps([enc(float(v)) for v in values], separators=(',', ':'))


def jpair(pairs):
    return '{"hi":%s,\n  "lo":%s}' % (jarr(h for h, _ in pairs), jarr(l for _, l in pairs))


def write_text(path, text):
    with open(path, 'w') as fh:
        fh.write(text)
    return os.path.getsize(path)


# --------------------------------------------------------------------------
# Activation fixtures
# --------------------------------------------------------------------------

def activation_case(task):
    name, set_index, dtype = task
    act = ACT_BY_NAME[name]
    params = act.param_sets[set_index]
    P = mp_params(params)
    xs = input_points(act, set_index, params, dtype)
    fwd, der = [], []
    for x in xs:
        X = mpf(x)
        f, d = resolve(lambda: [act.f(X, P), act.df(X, P)])
        fwd.append(f)
        der.append(d)
    text = ('{"params":%s,"dtype":"%s",\n "x":%s,\n "forward":%s,\n "derivative":%s}'
            % (json.dumps(params, separators=(',', ':')), dtype, jarr(xs), jpair(fwd),
               jpair(der)))
    return name, set_index, dtype, text, len(xs)


# --------------------------------------------------------------------------
# Softmax fixtures
# --------------------------------------------------------------------------

def softmax_exact(row):
    """Compute function for resolve(): softmax followed by logSoftmax of row."""
    X = [mpf(v) for v in row]
    m = max(v for v in X if mp.isfinite(v))
    k = X.index(m)
    d = [mp.fsub(v, m, exact=True) if mp.isfinite(v) else None for v in X]

    def compute():
        e = [mp.exp(t) if t is not None else ZERO for t in d]
        rest = mp.fsum(e[:k] + e[k + 1:])          # sum of exp(x_j - max), j != k
        s, log_s = 1 + rest, mp.log1p(rest)
        return [t / s for t in e] + [t - log_s if t is not None else NINF for t in d]
    return compute


def softmax_case(dtype, cols, rows, note, rng):
    fmt = FMTS[dtype]
    x = [to_fmt(v, fmt) + 0.0 for r in rows for v in r]
    assert all(len(r) == cols for r in rows)
    dy = [to_fmt(v, fmt) + 0.0 for v in rng.uniform(-1.0, 1.0, len(x))]
    sm, lsm, back = [], [], []
    for i in range(len(rows)):
        row = x[i * cols:(i + 1) * cols]
        res = resolve(softmax_exact(row))
        sm += res[:cols]
        lsm += res[cols:]
    # backward from the dtype-rounded softmax output, in exact rational arithmetic
    y = [round_to(mp.fadd(mpf(h), mpf(l), exact=True), fmt) for h, l in sm]
    for i in range(len(rows)):
        ys = [Fraction(v) for v in y[i * cols:(i + 1) * cols]]
        gs = [Fraction(v) for v in dy[i * cols:(i + 1) * cols]]
        dot = sum(a * b for a, b in zip(ys, gs))
        for a, b in zip(ys, gs):
            dx = a * (b - dot)
            hi = float(dx)                          # correctly rounded
            back.append((hi, float(dx - Fraction(hi))))
    return ('{"dtype":"%s","cols":%d,"note":%s,\n "x":%s,\n "softmax":%s,\n "logSoftmax":%s,'
            '\n "dy":%s,\n "backward":%s}'
            % (dtype, cols, json.dumps(note), jarr(x), jpair(sm), jpair(lsm), jarr(dy),
               jpair(back)))


def softmax_rows(dtype, rng):
    """(cols, rows, note) triples for one dtype."""
    inf = math.inf
    out = []
    for cols in (1, 2, 3, 7, 10, 100, 1000):
        nrows = 8 if cols <= 10 else 3 if cols == 100 else 1
        for scale in (1, 10, 100):
            rows = (rng.standard_normal((nrows, cols)) * scale).tolist()
            out.append((cols, rows, 'random normal, scale %d' % scale))
    out.append((4, [[-inf, 0.5, -inf, 2.0], [1.0, -inf, -inf, -inf],
                    [-inf, -inf, -inf, -3.5], [-inf, 100.0, 99.0, -inf],
                    [0.0, 0.0, -inf, 0.0], [-inf, -1e4, -inf, -1e4 - 30]],
                '-Infinity entries (at least one finite per row)'))
    masked = []
    for _ in range(5):
        row = (rng.standard_normal(10) * 5).tolist()
        keep = int(rng.integers(10))
        masked.append([v if j == keep or rng.uniform() < 0.5 else -inf for j, v in enumerate(row)])
    out.append((10, masked, 'random normal*5 with random -Infinity entries'))
    # huge offsets: at 1e30 (float32) / 1e300 (float64) neighbouring values are
    # ~1e23 / ~1e284 apart, so rows there differ by a few ulps (one-hot / ties);
    # rows at 1e6 (float32) / 1e12 (float64) have differences of order 1..50.
    fmt = FMTS[dtype]
    base = to_fmt(1e30 if dtype == 'float32' else 1e300, fmt)
    huge = []
    for sgn in (1.0, -1.0):
        b = sgn * base
        huge.append([ulp_step(b, k, fmt) for k in (0, 1, -1, 2, -3)])
        huge.append([ulp_step(b, k, fmt) for k in (0, 0, -1, 0, -5)])
        huge.append([b] * 5)
    out.append((5, huge, 'huge offsets (~1e30 float32 / ~1e300 float64), entries a few ulps apart'))
    off = 1e6 if dtype == 'float32' else 1e12
    big = []
    for sgn in (1.0, -1.0):
        big.append([sgn * off + d for d in (0.0, -1.0, -2.5, -10.0, -50.0)])
        big.append([sgn * off + d for d in (rng.uniform(-50.0, 50.0, 5)).round(3).tolist()])
        big.append([sgn * off * 10 + d for d in (3.0, 0.0, -7.0, -20.0, -45.0)])
    out.append((5, big, 'large offsets (1e6/1e7 float32, 1e12/1e13 float64), differences 1..50'))
    out.append((4, [[0.0, -40.0, -50.0, -60.0], [-60.0, -50.0, 0.0, -40.0],
                    [10.0, -30.0, -40.0, -50.0], [0.0, -80.0, -90.0, -100.0]],
                'dominant entry (logSoftmax of it ~ -e^-40)'))
    out.append((3, [[0.0, -20.0, -25.0], [-25.0, 0.0, -20.0], [3.5, -16.5, -21.5]],
                'dominant entry (logSoftmax of it ~ -2e-9)'))
    out.append((7, [[0.0] * 7, [5.0] * 7, [-3.25] * 7, [88.5] * 7, [base] * 7, [-base] * 7],
                'uniform rows (all entries equal)'))
    out.append((3, [[1.0] * 3, [-700.0] * 3], 'uniform rows (all entries equal)'))
    out.append((1000, [[0.0] * 1000, [1.5] * 1000], 'uniform rows (all entries equal)'))
    spread = [[0.0, -90.0, -92.0, -100.0, -103.0, -104.0, -105.0, -110.0],
              [0.0, -700.0, -740.0, -745.0, -746.0, -750.0, -800.0, -1000.0],
              [50.0, -40.0, -45.0, -50.0, -53.0, -54.5, 49.0, -60.0]]
    spread += rng.uniform(-100.0, 0.0, (3, 8)).tolist()
    out.append((8, spread, 'entries differing by up to 100 (float32 subnormal outputs) '
                           'and up to 1000 (float64 subnormal/underflow)'))
    return out


def build_softmax():
    cases = []
    for dtype in DTYPES:
        rng = np.random.default_rng(seed_for('softmax', dtype))
        for cols, rows, note in softmax_rows(dtype, rng):
            cases.append(softmax_case(dtype, cols, rows, note, rng))
    text = '{"generator":"%s",\n"cases":[\n%s\n]}\n' % (GENERATOR, ',\n'.join(cases))
    return write_text(os.path.join(OUT_DIR, 'softmax.json'), text), len(cases)


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

def main(only=()):
    t0 = time.time()
    os.makedirs(OUT_DIR, exist_ok=True)
    unknown = [name for name in only if name not in ACT_BY_NAME]
    if unknown:
        sys.exit('unknown activation(s): %s' % ', '.join(unknown))
    chosen = [a for a in ACTIVATIONS if not only or a.name in only]
    tasks = [(a.name, i, dt) for a in chosen for i in range(len(a.param_sets))
             for dt in DTYPES]
    done = {}
    total = 0
    with multiprocessing.get_context('fork').Pool(os.cpu_count() or 1) as pool:
        for name, i, dt, text, n in pool.imap_unordered(activation_case, tasks):
            done[(name, i, dt)] = (text, n)
            act = ACT_BY_NAME[name]
            keys = [(name, j, d) for j in range(len(act.param_sets)) for d in DTYPES]
            if all(k in done for k in keys):
                cases = [done.pop(k) for k in keys]
                body = ',\n'.join(c[0] for c in cases)
                text = ('{"activation":"%s",\n"generator":"%s",\n"cases":[\n%s\n]}\n'
                        % (name, GENERATOR, body))
                size = write_text(os.path.join(OUT_DIR, name + '.json'), text)
                total += size
                print('%-18s %d cases, %5d points, %8d bytes  (%.0fs)'
                      % (name + '.json', len(cases), sum(c[1] for c in cases), size,
                         time.time() - t0), flush=True)
    if not only:
        size, ncases = build_softmax()
        total += size
        print('%-18s %d cases, %8d bytes  (%.0fs)' % ('softmax.json', ncases, size, time.time() - t0))
    print('total %d bytes in %d files, %.1fs' % (total, len(chosen) + (0 if only else 1), time.time() - t0))


# --------------------------------------------------------------------------
# Self-checks (independent of the resolve() machinery where possible)
# --------------------------------------------------------------------------

def self_check():
    bad = 0
    rng = np.random.default_rng(1)
    # 1. f' formulas agree with numerical differentiation of f (300 bits).
    for act in ACTIVATIONS:
        for params in act.param_sets:
            P = mp_params(params)
            kinks = act.kinks(params)
            xs = [v for v in rng.uniform(-12, 12, 30) if all(abs(v - k) > 1e-2 for k in kinks)]
            worst = 0
            with mp.workprec(300):
                for x in xs:
                    X = mpf(float(x))
                    num = mp.diff(lambda t: act.f(t, P), X)
                    ana = act.df(X, P)
                    worst = max(worst, abs(num - ana) / max(abs(ana), mpf(2) ** -100))
            ok = worst < 1e-60
            bad += not ok
            print('%-12s %-26s d/dx f vs df: max rel diff %s %s'
                  % (act.name, json.dumps(params), mp.nstr(worst, 3), 'ok' if ok else 'FAIL'))
    # 2. near derivative roots: fixture values equal a direct 3000-bit evaluation.
    for act in ACTIVATIONS:
        for params in act.param_sets:
            root = deriv_root(act, params)
            if root is None:
                continue
            P = mp_params(params)
            for dtype in DTYPES:
                x0 = round_to(root, FMTS[dtype])
                xs = [ulp_step(x0, k, FMTS[dtype]) for k in (-3, -2, -1, 0, 1, 2, 3)]
                for x in xs:
                    with mp.workprec(3000):
                        v = act.df(mpf(x), P)
                        hi = round_to(v)
                        lo = round_to(v - mpf(hi))
                    got = resolve(lambda: [act.df(mpf(x), P)])[0]
                    ok = got == (hi, lo)
                    bad += not ok
                    if not ok or x == x0:
                        print("%-9s %-16s %s x=%r f'=%r (+%r) %s"
                              % (act.name, json.dumps(params), dtype, x, hi, lo,
                                 'ok' if ok else 'FAIL %r' % (got,)))
    print('self-check:', 'all ok' if not bad else '%d FAILURES' % bad)
    return bad


if __name__ == '__main__':
    if '--check' in sys.argv[1:]:
        sys.exit(1 if self_check() else 0)
    main(tuple(arg for arg in sys.argv[1:] if not arg.startswith('-')))
