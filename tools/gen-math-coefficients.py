#!/usr/bin/env python3
"""Generate the coefficient tables of actfn's special-function layer.

Writes
  src/backend/js/math/coefficients.generated.ts
  native/kernels/math/coefficients.generated.h
from first principles with mpmath: every polynomial is a Chebyshev interpolant of the target function
(computed at 200 bits), converted to monomials in the variable the kernels evaluate, with the
coefficients rounded to float64 one at a time from the top degree down and the lower ones refitted
after each rounding, so the float64 coefficients themselves carry almost no approximation error.
The constant term is kept as a double-double (hi + lo): it is the bulk of the value, and its rounding
alone would cost half an ULP (the critical-point expansions, whose linear term is large too, keep
that one as a double-double as well). Nothing is taken from existing libraries: the 2^(j/64) table,
ln2/64 split and all constants are computed here.

After fitting, each approximation is checked densely: the float64 evaluation, done here with Python
floats in exactly the operation order of erfc.ts / erfc.h and critical-points.ts / critical_points.h,
is compared with mpmath. The printed numbers are max errors in ULP of the approximated quantity.
tools/check-math.py measures the finished TypeScript and C++ functions end to end.

Run from the repository root:  python3 tools/gen-math-coefficients.py
The output is deterministic (fixed seeds, fixed precision).
"""

import math
import os
import random
import sys

import mpmath as mp

mp.mp.prec = 200
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TS_OUT = os.path.join(ROOT, 'src/backend/js/math/coefficients.generated.ts')
H_OUT = os.path.join(ROOT, 'native/kernels/math/coefficients.generated.h')

# Target for the pure approximation error (relative). 2^-62 keeps it below 1/100 ULP, so the float64
# rounding of the evaluation is all that is left.
FIT_TARGET = mp.mpf(2) ** -62

# ---------------------------------------------------------------------------------------------
# float64 helpers
# ---------------------------------------------------------------------------------------------


def rd(x):
    """x rounded to the nearest float64 (ties to even), without relying on mpmath's float()."""
    x = mp.mpf(x)
    if x == 0:
        return 0.0
    f = float(x)
    for _ in range(2):
        up = math.nextafter(f, math.inf)
        dn = math.nextafter(f, -math.inf)
        best = min((abs(mp.mpf(c) - x), c) for c in (dn, f, up))[1]
        if best == f:
            break
        f = best
    return f


def dd(x):
    """x as a double-double (hi, lo)."""
    hi = rd(x)
    return hi, rd(mp.mpf(x) - hi)


def ulp(x):
    """ULP of the float64 nearest x (2^-1074 in the subnormal range)."""
    x = abs(mp.mpf(x))
    if x == 0:
        return mp.mpf(2) ** -1074
    e = int(mp.floor(mp.log(x, 2)))
    if mp.mpf(2) ** e > x:  # guard the log's rounding
        e -= 1
    elif mp.mpf(2) ** (e + 1) <= x:
        e += 1
    return mp.mpf(2) ** (max(e, -1022) - 52)


def ulp_err(computed, exact):
    return float(abs(mp.mpf(computed) - exact) / ulp(exact))


SPLITTER = 134217729.0  # 2^27 + 1


def sum_error(a, b, s):
    bb = s - a
    return (a - (s - bb)) + (b - bb)


def product_error(a, b, p):
    t = SPLITTER * a
    ah = t - (t - a)
    al = a - ah
    t = SPLITTER * b
    bh = t - (t - b)
    bl = b - bh
    return ((ah * bh - p) + ah * bl + al * bh) + al * bl


def poly_from(c, start, v):
    """c[start] + c[start+1] v + ... in float64, in the kernels' order (dd.ts polynomialFrom): two
    interleaved Horner chains in v^2, joined at the end."""
    v2 = v * v
    i = len(c) - 1
    top, other = c[i], c[i - 1]
    i -= 2
    while i > start:
        top = top * v2 + c[i]
        other = other * v2 + c[i - 1]
        i -= 2
    if i == start:
        return top * v2 + c[start] + v * other
    return other + v * top


def poly_dd(c, c0lo, v):
    """c0 + c0lo + v*tail as (hi, lo): the last step is compensated (as in the kernels)."""
    p = poly_from(c, 1, v) * v
    s = c[0] + p
    return s, sum_error(c[0], p, s) + c0lo


def horner(c, v):
    """Plain Horner (erfc.ts horner), used for the short series ERF_SMALL and EXPM1_TAIL."""
    r = c[-1]
    for i in range(len(c) - 2, -1, -1):
        r = r * v + c[i]
    return r


# ---------------------------------------------------------------------------------------------
# Fitting
# ---------------------------------------------------------------------------------------------


def cheb_interp_monomial(g, va, vb, deg):
    """Monomial coefficients (in v, lowest first, mpmath) of the Chebyshev interpolant of g on [va, vb]."""
    va, vb = mp.mpf(va), mp.mpf(vb)
    mid, half = (va + vb) / 2, (vb - va) / 2
    n = deg + 1
    ts = [mp.cos(mp.pi * (k + mp.mpf(1) / 2) / n) for k in range(n)]
    vals = [g(mid + half * t) for t in ts]
    cheb = []
    for j in range(n):
        s = mp.fsum(vals[k] * mp.cos(mp.pi * j * (k + mp.mpf(1) / 2) / n) for k in range(n))
        cheb.append(2 * s / n)
    cheb[0] /= 2
    # sum cheb_j T_j(t) as monomials in t
    mono_t = [mp.mpf(0)] * n
    tprev, tcur = [mp.mpf(1)], [mp.mpf(0), mp.mpf(1)]
    for j in range(n):
        tj = tprev if j == 0 else tcur if j == 1 else None
        if j >= 2:
            nxt = [mp.mpf(0)] * (j + 1)
            for i, c in enumerate(tcur):
                nxt[i + 1] += 2 * c
            for i, c in enumerate(tprev):
                nxt[i] -= c
            tprev, tcur = tcur, nxt
            tj = tcur
        for i, c in enumerate(tj):
            mono_t[i] += cheb[j] * c
    # t = (v - mid) / half  ->  monomials in v
    mono_v = [mp.mpf(0)] * n
    for j, c in enumerate(mono_t):
        if c == 0:
            continue
        scale = c / half ** j
        for i in range(j + 1):
            mono_v[i] += scale * mp.binomial(j, i) * (-mid) ** (j - i)
    return mono_v


def dense_points(va, vb, count, seed):
    rng = random.Random(seed)
    va, vb = float(va), float(vb)
    pts = [va + (vb - va) * i / (count - 1) for i in range(count)]
    pts += [rng.uniform(va, vb) for _ in range(count)]
    return pts


def fit_rounded(g, va, vb, deg, dd_terms=1):
    """Float64 coefficients c[0..deg] of an approximation of g on [va, vb], plus the low parts of the
    first dd_terms coefficients (those are kept as double-doubles).

    Rounds the top coefficient, refits everything below it to the remaining residual, and repeats
    down to c[dd_terms]; the rest comes from a final fit of the residual (for dd_terms == 1, the
    midrange of the residual, which centres the error curve).
    """
    fixed = {}

    def residual(v, fixed):
        return g(v) - mp.fsum(c * v ** j for j, c in fixed.items())

    for k in range(deg, dd_terms - 1, -1):
        mono = cheb_interp_monomial(lambda v, f=dict(fixed): residual(v, f), va, vb, k)
        fixed[k] = rd(mono[k])
    if dd_terms == 1:
        res = [residual(mp.mpf(v), fixed) for v in dense_points(va, vb, 400, 1)]
        exact = [(max(res) + min(res)) / 2]
    else:
        exact = cheb_interp_monomial(lambda v: residual(v, fixed), va, vb, dd_terms - 1)
    parts = [dd(c) for c in exact]
    return [h for h, _ in parts] + [fixed[k] for k in range(dd_terms, deg + 1)], [l for _, l in parts]


def fit_error(g, coeffs, los, va, vb, seed):
    """Max relative error of the rounded polynomial (exact arithmetic), on a dense grid."""
    worst = mp.mpf(0)
    for v in dense_points(va, vb, 600, seed):
        v = mp.mpf(v)
        terms = [mp.mpf(lo) * v ** j for j, lo in enumerate(los)] + [mp.mpf(c) * v ** j for j, c in enumerate(coeffs)]
        p = mp.fsum(terms)
        fv = g(v)
        worst = max(worst, abs(p - fv) / abs(fv))
    return worst


def fit_auto(name, g, va, vb, deg_min, deg_max, target=FIT_TARGET, dd_terms=1):
    """Lowest degree whose exact Chebyshev interpolant meets target (relative), then rounded
    top-down by fit_rounded; returns (coeffs, low parts) and prints both errors."""
    for deg in range(deg_min, deg_max + 1):
        mono = cheb_interp_monomial(g, va, vb, deg)
        worst = mp.mpf(0)
        for v in dense_points(va, vb, 300, deg):
            v = mp.mpf(v)
            fv = g(v)
            worst = max(worst, abs(mp.fsum(c * v ** j for j, c in enumerate(mono)) - fv) / abs(fv))
        if worst <= target:
            break
    else:
        raise SystemExit(f'{name}: no degree <= {deg_max} reaches {mp.nstr(target, 3)} (last {mp.nstr(worst, 3)})')
    coeffs, lo = fit_rounded(g, va, vb, deg, dd_terms)
    err = fit_error(g, coeffs, lo, va, vb, deg)
    print(f'  {name}: degree {deg}, relative error {mp.nstr(worst, 3)} (exact coefficients), '
          f'{mp.nstr(err, 3)} (float64 coefficients)')
    return coeffs, lo


# ---------------------------------------------------------------------------------------------
# Target functions
# ---------------------------------------------------------------------------------------------

SQRT_PI = mp.sqrt(mp.pi)


def erfcx_mp(z):
    return mp.exp(z * z) * mp.erfc(z)


def erf_small_ratio(s):
    """erf(z)/z - 1 as a function of s = z^2 (removable singularity at 0 handled by the series)."""
    s = mp.mpf(s)
    if s < mp.mpf(10) ** -30:
        return 2 / SQRT_PI - 1 - 2 / SQRT_PI * s / 3
    z = mp.sqrt(s)
    return mp.erf(z) / z - 1


def erfcx_asymptotic(s):
    """z * erfcx(z) as a function of s = 1/z^2; -> 1/sqrt(pi) as s -> 0."""
    s = mp.mpf(s)
    if s <= 0:
        return 1 / SQRT_PI
    z = 1 / mp.sqrt(s)
    return z * erfcx_mp(z)


def expm1_tail(r):
    """(e^r - 1 - r) / r^2."""
    r = mp.mpf(r)
    if abs(r) < mp.mpf(10) ** -30:
        return mp.mpf(1) / 2 + r / 6
    return (mp.expm1(r) - r) / (r * r)


# ---------------------------------------------------------------------------------------------
# exp core: 2^(j/64) table, ln2/64 split, e^r - 1 - r on |r| <= ln2/128 (with slack)
# ---------------------------------------------------------------------------------------------


def gen_exp():
    print('exp core')
    table = [dd(mp.mpf(2) ** (mp.mpf(j) / 64)) for j in range(64)]
    ln2_64 = mp.log(2) / 64
    # hi part with 36 significant bits so that k * hi is exact for |k| < 2^17 (|y| < 1400)
    e = int(mp.floor(mp.log(ln2_64, 2)))
    q = mp.mpf(2) ** (e - 35)
    ln2_hi = float(mp.nint(ln2_64 / q) * q)
    ln2_lo = rd(ln2_64 - ln2_hi)
    inv = rd(64 / mp.log(2))
    rmax = float(ln2_64 / 2 * (1 + mp.mpf(2) ** -20) + mp.mpf(2) ** -40)
    poly, _ = fit_auto('e^r - 1 - r over r^2', expm1_tail, -rmax, rmax, 3, 8, mp.mpf(2) ** -60)
    # float64 check of p = r + r^2 P(r): relative error of 1 + p against e^r
    worst = 0
    for r in dense_points(-rmax, rmax, 4000, 7):
        p = r + r * r * horner(poly, r)
        worst = max(worst, float(abs(1 + mp.mpf(p) - mp.exp(r)) / mp.exp(r) / mp.mpf(2) ** -53))
    print(f'  e^r as 1 + (r + r^2 P(r)): max error {worst:.4f} x 2^-53 relative (8000 points)')
    return dict(table=table, ln2_hi=ln2_hi, ln2_lo=ln2_lo, inv=inv, poly=poly, rmax=rmax)


def exp_parts(E, yh, yl):
    """Python mirror of the kernels' exp core: e^(yh + yl) = (hi + lo) * 2^m."""
    k = math.floor(yh * E['inv'] + 0.5)
    rh = yh - k * E['ln2_hi']
    rl = yl - k * E['ln2_lo']
    r = rh + rl
    rr = sum_error(rh, rl, r)
    p = r + (r * r * horner(E['poly'], r) + rr)
    j = k & 63
    th, tl = E['table'][j]
    return th, th * p + tl * (1 + p), (k - j) // 64


def check_exp(E):
    rng = random.Random(11)
    worst = 0
    for _ in range(3000):
        y = rng.uniform(-745, 709)
        yl = rng.uniform(-1, 1) * math.ulp(y)
        hi, lo, m = exp_parts(E, y, yl)
        exact = mp.exp(mp.mpf(y) + mp.mpf(yl))
        got = (mp.mpf(hi) + mp.mpf(lo)) * mp.mpf(2) ** m
        worst = max(worst, float(abs(got - exact) / exact / mp.mpf(2) ** -53))
    print(f'  e^(yh + yl) as (hi + lo) 2^m: max error {worst:.4f} x 2^-53 relative (3000 random y in [-745, 709])')


# ---------------------------------------------------------------------------------------------
# erf / erfc / erfcx
# ---------------------------------------------------------------------------------------------

ERF_SMALL_LIMIT = 0.5  # |z| below this: erf = z + z R(z^2)
# erfcx pieces [start, end): t = (z - mid) * scale is exact (power-of-two scale, Sterbenz subtraction)
ERFCX_PIECES = [(0.5, 1.0), (1.0, 1.5), (1.5, 2.0), (2.0, 3.0), (3.0, 4.0)]
ERFCX_ASYMPTOTIC_START = 4.0  # z >= this: erfcx(z) = H(1/z^2) / z


def gen_erf():
    print('erf, erfc, erfcx')
    out = {}
    smax = ERF_SMALL_LIMIT ** 2 * (1 + 2.0 ** -20)
    out['erf_small'], _ = fit_auto('erf(z)/z - 1 in s = z^2, s <= 0.25', erf_small_ratio, 0, smax, 6, 20)
    # float64 check of erf(z) = z + z R(z^2) and erfc(z) = (1 - z) - z R(z^2) for |z| < 0.5
    worst_erf = worst_erfc = 0
    for z in dense_points(-ERF_SMALL_LIMIT, ERF_SMALL_LIMIT, 3000, 3):
        if z == 0 or abs(z) >= ERF_SMALL_LIMIT:
            continue
        r = z * horner(out['erf_small'], z * z)
        worst_erf = max(worst_erf, ulp_err(z + r, mp.erf(z)))
        d = 1 - z
        worst_erfc = max(worst_erfc, ulp_err(d + (sum_error(1, -z, d) - r), mp.erfc(z)))
    print(f'  erf  on |z| < 0.5 (float64 evaluation, 6000 points): {worst_erf:.3f} ULP')
    print(f'  erfc on |z| < 0.5 (float64 evaluation, 6000 points): {worst_erfc:.3f} ULP')

    pieces = []
    for a, b in ERFCX_PIECES:
        mid = (a + b) / 2
        scale = 2 / (b - a)
        assert scale == 2.0 ** round(math.log2(scale)) and a >= mid / 2 and b <= 2 * mid

        def g(t, mid=mid, scale=scale):
            return erfcx_mp(mid + t / scale)

        tmax = 1 + 2.0 ** -20
        c, (lo,) = fit_auto(f'erfcx on [{a}, {b}) in t = (z - {mid}) * {scale}', g, -tmax, tmax, 8, 30)
        worst = 0
        for z in dense_points(a, b, 2500, 5):
            hi, l2 = poly_dd(c, lo, (z - mid) * scale)
            worst = max(worst, ulp_err(mp.mpf(hi) + mp.mpf(l2), erfcx_mp(mp.mpf(z))))
        print(f'    float64 evaluation as hi + lo (5000 points): {worst:.3f} ULP of erfcx')
        pieces.append(dict(end=b, mid=mid, scale=scale, c0lo=lo, coefficients=c))
    out['pieces'] = pieces

    smax = 1 / ERFCX_ASYMPTOTIC_START ** 2 * (1 + 2.0 ** -20)
    c, (lo,) = fit_auto('z erfcx(z) in s = 1/z^2, z >= 4', erfcx_asymptotic, 0, smax, 8, 30)
    out['asymptotic'], out['asymptotic_c0lo'] = c, lo
    worst = 0
    for z in dense_points(ERFCX_ASYMPTOTIC_START, 40, 2500, 9):
        hh, hl = poly_dd(c, lo, 1 / (z * z))
        q = hh / z
        p = q * z
        rem = (hh - p) - product_error(q, z, p)
        ql = (rem + hl) / z
        worst = max(worst, ulp_err(mp.mpf(q) + mp.mpf(ql), erfcx_mp(mp.mpf(z))))
    print(f'    float64 evaluation of H(s)/z as hi + lo on [4, 40] (5000 points): {worst:.3f} ULP of erfcx')
    return out


# ---------------------------------------------------------------------------------------------
# Critical points of activation derivatives
# ---------------------------------------------------------------------------------------------

GT_K = mp.mpf('0.044715')  # exact decimal, as the tanh-GELU formula defines it
GT_C = 2 * mp.sqrt(2 / mp.pi)


def sigma(t):
    return 1 / (1 + mp.exp(-t))


def g_gelu(x):
    return mp.ncdf(x) + x * mp.npdf(x)


def g_silu(u):
    s = sigma(u)
    return s * (1 + u * (1 - s))


def g_mish(x):
    t = mp.tanh(mp.log1p(mp.exp(x)))
    return t + x * (1 - t * t) * sigma(x)


def g_gelu_tanh(x):
    v = GT_C * (x + GT_K * x ** 3)
    s = sigma(v)
    return s + x * s * (1 - s) * GT_C * (1 + 3 * GT_K * x * x)


def terms_gelu(x):
    return mp.ncdf(x), x * mp.npdf(x)


def terms_silu(u):
    s = sigma(u)
    return s, u * s * (1 - s)


def terms_mish(x):
    t = mp.tanh(mp.log1p(mp.exp(x)))
    return t, x * (1 - t * t) * sigma(x)


def terms_gelu_tanh(x):
    v = GT_C * (x + GT_K * x ** 3)
    s = sigma(v)
    return s, x * s * (1 - s) * GT_C * (1 + 3 * GT_K * x * x)


# The straightforward float64 formulas the radius protects, written the way the scalar kernels write
# them, with every elementary function correctly rounded (so what is measured is the cancellation of
# the two terms, not the quality of exp or erfc).
def cr(v):
    return rd(v)


def naive_gelu(x):
    return cr(mp.ncdf(x)) + x * cr(mp.npdf(x))


def naive_silu(u):
    return cr(sigma(u)) * (1 + u * cr(sigma(-u)))


def naive_mish(x):
    X = mp.mpf(x)
    t = mp.tanh(mp.log1p(mp.exp(X)))
    return cr(t) + x * cr(1 - t * t) * cr(sigma(X))


def naive_gelu_tanh(x):
    X = mp.mpf(x)
    v = GT_C * (X + GT_K * X ** 3)
    dv = cr(GT_C) * (1 + 3 * 0.044715 * x * x)
    return cr(sigma(v)) * (1 + x * cr(sigma(-v)) * dv)


# radius: |u - x0| up to which the expansion is used. Chosen from the profile printed by gen_critical
# (the formulas below with correctly rounded components) and confirmed with the scalar kernels of
# src/backend/js/activations.ts: it covers the region where the cancellation of the two terms makes
# the error grow like 1/|d| (past ~2.5 ULP), with margin. Farther out the error is set by the
# components; on the left of silu', mish' and geluTanh' the cancellation factor decays slowly (still
# ~2-3 at d = -1.5), which no affordable radius fixes: that is for the kernels' formulas.
CRITICAL = [
    # name,         g,            start,  radius, terms,            naive
    ('GELU_ROOT', g_gelu, -0.75, 0.625, terms_gelu, naive_gelu),
    ('SILU_ROOT', g_silu, -1.28, 0.75, terms_silu, naive_silu),
    ('MISH_ROOT', g_mish, -1.19, 0.75, terms_mish, naive_mish),
    ('GELU_TANH_ROOT', g_gelu_tanh, -0.75, 0.625, terms_gelu_tanh, naive_gelu_tanh),
]


def critical_eval(cp, u_hi, u_lo):
    """Python mirror of criticalExpansion."""
    d0 = u_hi - cp['x0_hi']
    t = u_lo - cp['x0_lo']
    s = d0 + t
    rest = sum_error(d0, t, s) + (sum_error(u_hi, -cp['x0_hi'], d0) + sum_error(u_lo, -cp['x0_lo'], t) - cp['x0_tail'])
    d = s + rest
    dl = sum_error(s, rest, d)
    c = cp['coefficients']
    # q(d) = c0 + d (c1 + d r(d)); c0 and c1 are double-doubles and both outer steps are compensated
    p1 = poly_from(c, 2, d) * d
    s1 = c[1] + p1
    s1l = sum_error(c[1], p1, s1) + cp['c1lo']
    p0 = s1 * d
    p0l = product_error(s1, d, p0) + s1l * d
    q = c[0] + p0
    ql = sum_error(c[0], p0, q) + (cp['c0lo'] + p0l)
    gv = d * q
    return gv + (product_error(d, q, gv) + (d * ql + dl * q))


def gen_critical():
    print('critical points')
    out = []
    for name, g, start, radius, terms, naive in CRITICAL:
        x0 = mp.findroot(g, mp.mpf(start), tol=mp.mpf(2) ** -190)
        x0_hi, x0_lo = dd(x0)
        x0_tail = rd(x0 - x0_hi - x0_lo)
        slope = mp.diff(g, x0)

        def q(d, g=g, x0=x0, slope=slope):
            d = mp.mpf(d)
            if abs(d) < mp.mpf(2) ** -120:
                return slope
            return g(x0 + d) / d

        dmax = radius * (1 + 2.0 ** -20)
        c, (lo0, lo1) = fit_auto(f'{name}: g(x0 + d)/d on |d| <= {radius}, x0 = {mp.nstr(x0, 17)}', q, -dmax, dmax,
                                 8, 40, dd_terms=2)
        cp = dict(name=name, x0_hi=x0_hi, x0_lo=x0_lo, x0_tail=x0_tail, radius=radius, coefficients=c, c0lo=lo0,
                  c1lo=lo1)
        # float64 check: dense in d, the floats around the root, and double-double inputs
        rng = random.Random(13)
        pts = [x0_hi + d for d in dense_points(-radius, radius, 2000, 17)]
        f = x0_hi
        for _ in range(200):
            pts.append(f)
            f = math.nextafter(f, -math.inf)
        f = x0_hi
        for _ in range(200):
            f = math.nextafter(f, math.inf)
            pts.append(f)
        worst = 0
        for u in pts:
            if abs(u - x0_hi) > radius:
                continue
            ul = 0.0 if rng.random() < 0.7 else rng.uniform(-0.5, 0.5) * math.ulp(u)
            worst = max(worst, ulp_err(critical_eval(cp, u, ul), g(mp.mpf(u) + mp.mpf(ul))))
        # double-double inputs within 2^-60 .. 2^-160 of the root, where x0 needs its third word
        for i in range(200):
            ul = rd(x0 - x0_hi + (-1) ** i * mp.mpf(2) ** rng.uniform(-160, -60))
            with mp.workprec(600):
                exact = g(mp.mpf(x0_hi) + mp.mpf(ul))
            worst = max(worst, ulp_err(critical_eval(cp, x0_hi, ul), exact))
        print(f'    float64 criticalExpansion ({len(pts) + 200} points incl. 400 floats around x0, 30% with a '
              f'low part, 200 within 2^-60 of x0): {worst:.3f} ULP')
        # profile of the straightforward formula, to justify the radius
        rng = random.Random(19)
        bins = {}
        side = {'left': [0, 0], 'right': [0, 0]}
        for _ in range(1500):
            d = rng.uniform(-2, 2)
            x = x0_hi + d
            ex = g(mp.mpf(x))
            a, b = terms(mp.mpf(x))
            kappa = float((abs(a) + abs(b)) / abs(ex))
            err = ulp_err(naive(x), ex)
            key = math.floor(d * 4) / 4
            w = bins.setdefault(key, [0, 0])
            w[0], w[1] = max(w[0], err), max(w[1], kappa)
            if abs(d) > radius:
                w = side['left' if d < 0 else 'right']
                w[0], w[1] = max(w[0], err), max(w[1], kappa)
        prof = ' '.join(f'[{k:+.2f},{k + 0.25:+.2f}):{v[0]:.1f}/{v[1]:.1f}' for k, v in sorted(bins.items()))
        print(f'    straightforward formula (exact components), max ULP / max cancellation factor per bin of d:\n'
              f'      {prof}\n'
              f'    outside the radius (|d| <= 2): left {side["left"][0]:.1f} ULP / {side["left"][1]:.1f}, '
              f'right {side["right"][0]:.1f} ULP / {side["right"][1]:.1f}')
        out.append(cp)
    return out


# ---------------------------------------------------------------------------------------------
# Constants
# ---------------------------------------------------------------------------------------------


def gen_constants():
    return [
        ('TWO_OVER_SQRT_PI', 2 / SQRT_PI, 'erfcx\'(z) = 2 z erfcx(z) - 2/sqrt(pi)'),
        ('INV_SQRT2', 1 / mp.sqrt(2), 'normalCdf: z = -x/sqrt2 as a double-double'),
        ('INV_2SQRT2', 1 / (2 * mp.sqrt(2)), 'normalCdf near 0: Phi = 1/2 + x/(2 sqrt2) (1 + R(x^2/2))'),
        ('INV_SQRT_2PI', 1 / mp.sqrt(2 * mp.pi), 'normalPdf'),
        ('INV_SQRT_PI', 1 / SQRT_PI, 'erfcx(z) ~ 1/(z sqrt(pi)) for huge z'),
    ]


# ---------------------------------------------------------------------------------------------
# Emitters
# ---------------------------------------------------------------------------------------------


def f64(x):
    """Shortest decimal that reads back as the same float64 (valid in both TypeScript and C++)."""
    r = repr(float(x))
    assert float(r) == x
    return r


def wrap(values, indent):
    """Comma-separated float64 literals, wrapped at 100 columns."""
    lines, line = [], indent
    for v in values:
        item = f64(v) + ','
        if len(line) + len(item) + 1 > 100:
            lines.append(line.rstrip())
            line = indent
        line += item + ' '
    lines.append(line.rstrip())
    return '\n'.join(lines)


HEADER = ('Generated by tools/gen-math-coefficients.py (mpmath Chebyshev interpolation, coefficients rounded\n'
          'to float64 top-down with refitting). Do not edit by hand: change the script and run\n'
          '  python3 tools/gen-math-coefficients.py\n'
          'Polynomials list the constant term first (coefficient of v^0, v^1, ...); where a *_C0_LO / c0Lo\n'
          '(*_C1_LO) is given, the constant (linear) coefficient is the double-double c[0] + C0_LO\n'
          '(c[1] + C1_LO).')


class Emitter:
    """Writes the same declarations as TypeScript (lang 'ts') or as C++17 (lang 'h')."""

    def __init__(self, lang):
        self.lang = lang
        self.parts = []

    def raw(self, text):
        self.parts.append(text)

    def doc(self, text):
        self.raw(f'/** {text} */\n' if self.lang == 'ts' else f'// {text}\n')

    def scalar(self, name, value, doc=None):
        if doc:
            self.doc(doc)
        if self.lang == 'ts':
            self.raw(f'export const {name} = {f64(value)};\n')
        else:
            self.raw(f'inline constexpr double {name} = {f64(value)};\n')

    def array(self, name, values, doc=None):
        if doc:
            self.doc(doc)
        if self.lang == 'ts':
            self.raw(f'export const {name}: readonly number[] = [\n{wrap(values, "  ")}\n];\n')
        else:
            self.raw(f'inline constexpr double {name}[{len(values)}] = {{\n{wrap(values, "    ")}\n}};\n')

    def text(self):
        return ''.join(self.parts)


def emit(lang, E, F, CPs, consts):
    o = Emitter(lang)
    if lang == 'ts':
        o.raw('/*\n * ' + HEADER.replace('\n', '\n * ') + '\n */\n')
    else:
        o.raw('// ' + HEADER.replace('\n', '\n// ') + '\n')
        o.raw('#ifndef ACTFN_KERNELS_MATH_COEFFICIENTS_GENERATED_H_\n')
        o.raw('#define ACTFN_KERNELS_MATH_COEFFICIENTS_GENERATED_H_\n\nnamespace actfn::math::generated {\n')

    o.raw('\n// ---- exp core: e^y = 2^m * 2^(j/64) * e^r, y = (64 m + j) ln2/64 + r, |r| <= ln2/128\n')
    o.scalar('INV_LN2_X64', E['inv'], '64/ln2, rounded.')
    o.scalar('LN2_DIV64_HI', E['ln2_hi'], 'ln2/64 = HI + LO; HI has 36 bits, so k * HI is exact for |k| < 2^17.')
    o.scalar('LN2_DIV64_LO', E['ln2_lo'])
    o.array('EXP2_FRACTION_HI', [t[0] for t in E['table']], '2^(j/64) = EXP2_FRACTION_HI[j] + EXP2_FRACTION_LO[j].')
    o.array('EXP2_FRACTION_LO', [t[1] for t in E['table']])
    o.array('EXPM1_TAIL', E['poly'], f'(e^r - 1 - r)/r^2 in r, |r| <= {E["rmax"]:.6g}.')

    o.raw('\n// ---- erf / erfc / erfcx\n')
    o.array('ERF_SMALL', F['erf_small'], f'erf(z)/z - 1 in s = z^2, |z| <= {ERF_SMALL_LIMIT}.')
    piece_doc = 'erfcx(z) on [previous end, end) as a polynomial in t = (z - mid) * scale (exact), t in [-1, 1].'
    if lang == 'ts':
        o.doc(piece_doc)
        o.raw('export interface ErfcxPiece {\n  readonly end: number;\n  readonly mid: number;\n'
              '  readonly scale: number;\n  readonly c0Lo: number;\n  readonly coefficients: readonly number[];\n}\n')
        o.doc(f'Pieces cover [{ERFCX_PIECES[0][0]}, {ERFCX_ASYMPTOTIC_START}).')
        o.raw('export const ERFCX_PIECES: readonly ErfcxPiece[] = [\n')
        for p in F['pieces']:
            o.raw(f'  {{\n    end: {f64(p["end"])},\n    mid: {f64(p["mid"])},\n    scale: {f64(p["scale"])},\n')
            o.raw(f'    c0Lo: {f64(p["c0lo"])},\n    coefficients: [\n{wrap(p["coefficients"], "      ")}\n    ],\n  }},\n')
        o.raw('];\n')
    else:
        o.doc(piece_doc)
        o.raw('struct ErfcxPiece {\n  double end;\n  double mid;\n  double scale;\n  double c0_lo;\n'
              '  const double* coefficients;\n  int count;\n};\n')
        for i, p in enumerate(F['pieces']):
            o.array(f'ERFCX_PIECE{i}', p['coefficients'])
        o.doc(f'Pieces cover [{ERFCX_PIECES[0][0]}, {ERFCX_ASYMPTOTIC_START}).')
        o.raw(f'inline constexpr ErfcxPiece ERFCX_PIECES[{len(F["pieces"])}] = {{\n')
        for i, p in enumerate(F['pieces']):
            fields = [f64(p['end']), f64(p['mid']), f64(p['scale']), f64(p['c0lo']), f'ERFCX_PIECE{i}',
                      str(len(p['coefficients']))]
            o.raw('    {' + ', '.join(fields) + '},\n')
        o.raw('};\n')
    o.scalar('ERFCX_ASYMPTOTIC_START', ERFCX_ASYMPTOTIC_START, 'z * erfcx(z) in s = 1/z^2, for z >= this.')
    o.array('ERFCX_ASYMPTOTIC', F['asymptotic'])
    o.scalar('ERFCX_ASYMPTOTIC_C0_LO', F['asymptotic_c0lo'])

    o.raw('\n// ---- constants as double-doubles (hi + lo)\n')
    for name, v, why in consts:
        hi, lo = dd(v)
        o.scalar(f'{name}_HI', hi, why)
        o.scalar(f'{name}_LO', lo)

    o.raw('\n// ---- critical points: x0 = X0_HI + X0_LO + X0_TAIL; g(x0 + d) = d * q(d), q in monomials of d\n')
    for cp in CPs:
        n = cp['name']
        o.scalar(f'{n}_X0_HI', cp['x0_hi'])
        o.scalar(f'{n}_X0_LO', cp['x0_lo'])
        o.scalar(f'{n}_X0_TAIL', cp['x0_tail'])
        o.scalar(f'{n}_RADIUS', cp['radius'])
        o.scalar(f'{n}_C0_LO', cp['c0lo'])
        o.scalar(f'{n}_C1_LO', cp['c1lo'])
        o.array(f'{n}_COEFFICIENTS', cp['coefficients'])
    if lang == 'h':
        o.raw('\n}  // namespace actfn::math::generated\n\n#endif  // ACTFN_KERNELS_MATH_COEFFICIENTS_GENERATED_H_\n')
    return o.text()


def main():
    E = gen_exp()
    check_exp(E)
    F = gen_erf()
    CPs = gen_critical()
    consts = gen_constants()
    with open(TS_OUT, 'w') as f:
        f.write(emit('ts', E, F, CPs, consts))
    with open(H_OUT, 'w') as f:
        f.write(emit('h', E, F, CPs, consts))
    print(f'wrote {os.path.relpath(TS_OUT, ROOT)} and {os.path.relpath(H_OUT, ROOT)}')


if __name__ == '__main__':
    sys.exit(main())
