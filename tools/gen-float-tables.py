#!/usr/bin/env python3
"""Tables for the float32-lane kernels that look their coefficients up by lane (permutes).

Writes native/kernels/simd/float_tables.generated.h:
- exp: 2^(k/16) for k = 0..15 as float hi + lo, and e^r - 1 = r + r^2 (c2 + c3 r) on
  |r| <= ln2/32 (+ slack for the rounding of x log2e), so e^x = 2^floor(m) 2^(k/16) e^r with
  m = round(16 x log2e) / 16; ln 2 split so that m ln2_hi is exact for |m| < 256.
- gelu: Q(t) = Phi(-t) = e^(-t^2/2) R(t) for t >= 0, with R fitted piecewise, and
  R(t) - t / sqrt(2 pi) = (t - t0) S(t) (t0 the root, where gelu' = 0 at x = -t0) for the
  derivative: gelu'(x) = e^(-t^2/2) (t - t0) S(t) for x < 0 and 1 minus that for x >= 0.
  The pieces split [0, 15) by the bits of t + 1: each binade [2^e, 2^(e+1)) of t + 1 (e = 0..3) in
  8 equal parts, so a lane's piece is the low 5 bits of bits(t + 1) >> 20 (exponent mod 4, top three
  mantissa bits): slot = ((127 + e) mod 4) * 8 + part. Each piece's polynomial is in w = c - t,
  c the piece's centre (the kernels hold -t, so w = c + (-t) is one addition).

Every coefficient is a Chebyshev interpolant rounded to float32; the header records each table's
max relative error (the rounded polynomial evaluated exactly, mpmath, against the function).

Run from the repository root: python3 tools/gen-float-tables.py  (needs mpmath and numpy)
"""
import mpmath as mp
import numpy as np

mp.mp.dps = 40
OUT = 'native/kernels/simd/float_tables.generated.h'
C_PDF = 1 / mp.sqrt(2 * mp.pi)
LN2 = mp.log(2)


def f32(v):
    return float(np.float32(float(v)))


def cheb_fit(f, a, b, degree, nodes=48):
    """Monomial coefficients in u = x - (a + b)/2 of the Chebyshev interpolant of f on [a, b]."""
    k = np.arange(nodes)
    t = np.cos(np.pi * (k + 0.5) / nodes)
    half = (b - a) / 2
    values = np.array([float(f(mp.mpf((a + b) / 2) + mp.mpf(half) * mp.mpf(float(x)))) for x in t])
    in_t = np.polynomial.chebyshev.cheb2poly(np.polynomial.chebyshev.chebfit(t, values, degree))
    return [c / half**i for i, c in enumerate(in_t)]  # t = u / half


def horner(cs, u):
    p = mp.mpf(0)
    for c in cs[::-1]:
        p = p * u + mp.mpf(c)
    return p


def rel_error(f, cs, a, b, centre, samples=400):
    worst = mp.mpf(0)
    for x in np.linspace(a, b, samples):
        x = mp.mpf(f32(x))
        worst = max(worst, abs(horner(cs, x - centre) / f(x) - 1))
    return float(worst)


# ---- exp ------------------------------------------------------------------------------------
R_MAX = float(LN2 / 32) + 2e-5
exp_cs = cheb_fit(lambda r: (mp.expm1(r) - r) / r**2 if r != 0 else mp.mpf(0.5), -R_MAX, R_MAX, 1)
exp_cs = [f32(c) for c in exp_cs]
exp_err = 0
for r in np.linspace(-R_MAX, R_MAX, 4001):
    r = mp.mpf(f32(r))
    if r != 0:
        exp_err = max(exp_err, float(abs((r + r * r * horner(exp_cs, r) + 1) / mp.exp(r) - 1)))
pow2_hi = [f32(mp.mpf(2) ** (mp.mpf(k) / 16)) for k in range(16)]
pow2_lo = [f32(mp.mpf(2) ** (mp.mpf(k) / 16) - mp.mpf(pow2_hi[k])) for k in range(16)]
ln2_hi = float(mp.floor(LN2 * 2**12) / 2**12)  # 12 bits: m (12 bits) * ln2_hi is exact
ln2_lo = f32(LN2 - ln2_hi)


# ---- gelu -----------------------------------------------------------------------------------
def R(t):
    return mp.erfc(t / mp.sqrt(2)) / 2 * mp.exp(t * t / 2)


T0 = mp.findroot(lambda t: R(t) - C_PDF * t, 0.75)
root_hi = f32(T0)
root_lo = f32(T0 - mp.mpf(root_hi))


def S(t):
    if abs(t - T0) < mp.mpf('1e-12'):
        return mp.diff(lambda s: R(s) - C_PDF * s, T0)
    return (R(t) - C_PDF * t) / (t - T0)


def pieces():
    """(slot, a, b, centre) of each piece of [0, 15)."""
    out = []
    for e in range(4):
        lo = 2**e
        w = lo / 8
        for part in range(8):
            a = lo + part * w - 1
            out.append((((127 + e) % 4) * 8 + part, a, a + w, a + w / 2))
    return out


def piecewise(f, degree):
    table = [[0.0] * 32 for _ in range(degree + 1)]
    worst = 0
    for slot, a, b, centre in pieces():
        cs = [f32(c) for c in cheb_fit(f, a, b, degree)]
        worst = max(worst, rel_error(f, cs, a, b, mp.mpf(centre)))
        for i, c in enumerate(cs):
            table[i][slot] = -c if i % 2 else c  # in w = -u
    return table, worst


R_DEGREE, S_DEGREE = 5, 4

# ---- silu' ----------------------------------------------------------------------------------
# For x < 0 (t = -x): silu'(x) = E (1 + E - t) / (1 + E)^2, E = e^-t, with a root at t0 = 1 + e^-t0.
# 1 + E - t = d + (t0 - 1) expm1(d), d = t0 - t (an identity: e^-t = (t0 - 1) e^d), whose two
# terms share a sign: near the root expm1(d) comes from a polynomial on |d| <= 1/2.
SILU_T0 = mp.findroot(lambda t: 1 + mp.exp(-t) - t, 1.28)
silu_root_hi = f32(SILU_T0)
silu_root_lo = f32(SILU_T0 - mp.mpf(silu_root_hi))
D_MAX = 0.5 + 2e-3
EXPM1_DEGREE = 5
expm1_cs = [f32(c) for c in cheb_fit(lambda d: (mp.expm1(d) - d) / d**2 if d != 0 else mp.mpf(0.5), -D_MAX, D_MAX, EXPM1_DEGREE)]
expm1_err = 0
for d in np.linspace(-D_MAX, D_MAX, 2001):
    d = mp.mpf(f32(d))
    if d != 0:
        expm1_err = max(expm1_err, float(abs((d + d * d * horner(expm1_cs, d)) / mp.expm1(d) - 1)))
r_table, r_err = piecewise(R, R_DEGREE)
s_table, s_err = piecewise(S, S_DEGREE)


def hexf(v):
    text = float(np.float32(v)).hex()  # e.g. 0x1.62e0000000000p-1
    mantissa, exponent = text.split('p')
    mantissa = mantissa.rstrip('0').rstrip('.')
    return f'{mantissa}p{exponent}f'


def rows(table):
    return ',\n'.join('    {' + ', '.join(hexf(v) for v in row) + '}' for row in table)


def log2(e):
    return f'2^{np.log2(e):.1f}'


header = f"""// Generated by tools/gen-float-tables.py; do not edit.
// exp: e^r = 1 + r + r^2 (c2 + c3 r) on |r| <= ln2/32: max relative error {exp_err:.2e} ({log2(exp_err)}).
// gelu: R(t) = Phi(-t) e^(t^2/2), degree {R_DEGREE} per piece: max relative error {r_err:.2e} ({log2(r_err)});
//       S(t) = (R(t) - t/sqrt(2 pi)) / (t - t0), degree {S_DEGREE}: {s_err:.2e} ({log2(s_err)}).
// silu': expm1(d) near d = 0 (|d| <= 1/2): max relative error {expm1_err:.2e} ({log2(expm1_err)}).
// (rounded float32 coefficients evaluated exactly, mpmath, 400 points per piece)
#pragma once

namespace actfn {{
namespace float_tables {{

// 2^(k/16) = kPow2Sixteenths[k] + kPow2SixteenthsLo[k]
alignas(64) constexpr float kPow2Sixteenths[16] = {{{', '.join(hexf(v) for v in pow2_hi)}}};
alignas(64) constexpr float kPow2SixteenthsLo[16] = {{{', '.join(hexf(v) for v in pow2_lo)}}};
constexpr float kExpC2 = {hexf(exp_cs[0])};
constexpr float kExpC3 = {hexf(exp_cs[1])};
constexpr float kLn2Hi = {hexf(ln2_hi)};  // 12 significant bits
constexpr float kLn2Lo = {hexf(ln2_lo)};

// silu'(x) = 0 at x = -(kSiluRootHi + kSiluRootLo), t0 = 1 + e^-t0; e^-t0 = t0 - 1 = kSiluRootMinusOne.
constexpr float kSiluRootHi = {hexf(silu_root_hi)};
constexpr float kSiluRootLo = {hexf(silu_root_lo)};
constexpr float kSiluRootMinusOne = {hexf(SILU_T0 - 1)};
// expm1(d) = d + d^2 (c0 + c1 d + ...) on |d| <= 1/2
constexpr int kExpm1SmallDegree = {EXPM1_DEGREE};
constexpr float kExpm1Small[kExpm1SmallDegree + 1] = {{{', '.join(hexf(c) for c in expm1_cs)}}};

// gelu'(x) = 0 at x = -(kGeluRootHi + kGeluRootLo)
constexpr float kGeluRootHi = {hexf(root_hi)};
constexpr float kGeluRootLo = {hexf(root_lo)};
constexpr int kGeluRDegree = {R_DEGREE};
constexpr int kGeluSDegree = {S_DEGREE};
// [coefficient of u^i][slot]
alignas(64) constexpr float kGeluR[kGeluRDegree + 1][32] = {{
{rows(r_table)}}};
alignas(64) constexpr float kGeluS[kGeluSDegree + 1][32] = {{
{rows(s_table)}}};

}}  // namespace float_tables
}}  // namespace actfn
"""
with open(OUT, 'w') as fh:
    fh.write(header)
print(f'wrote {OUT}: exp {log2(exp_err)}, R {log2(r_err)}, S {log2(s_err)}, root {T0}, silu expm1 {log2(expm1_err)}, root {SILU_T0}')
