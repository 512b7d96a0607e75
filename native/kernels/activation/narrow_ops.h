// Float32 activations computed in float32 lanes (simd/vmath_f32.h): twice the lanes of the
// double-lane forms in wide_ops.h. Only formulas without cancellation live here, and each op names
// its domain: a vector with any lane outside it (NaN, infinities, far tails where results leave
// the normal float range) is computed by the double-lane form instead (elementwise.cc).
//
// Accuracy, max ULP against the js backend's compensated float64 (tools/audit-float32.mjs: every
// 128th float32 with |x| <= 90 plus a 2^-12 grid, 18 million inputs, the tests' parameter sets;
// AVX-512 and AVX2 give the same figures). The tests hold every path to 4 ULP forward, 8 derivative:
//   forward:    sigmoid 1.06, tanh 2.32, elu 0.81 (1.70 at alpha = 1000: alpha carried as hi + lo),
//               selu 1.53, silu/swish 1.49 (beta 0.05 to 20), geluTanh 1.49,
//               celu 0.81 (1.66 at alpha = 0.05, 2.38 at 1000: x / alpha rounded, then expm1),
//               softplus 1.08 (1.78 to 2.34 at beta = 0.05, 20, 0.3: the division by beta),
//               logSigmoid 1.08
//   derivative: sigmoid', tanh', elu' 0.62 (1.46 at alpha = 1000), selu' 1.37, softplus',
//               logSigmoid' 1.06
//   backward (dy f'(x), one more rounding): at most 2.35.
// Products of a parameter with x (swish and softplus's beta x) are carried as hi + lo, because a
// sigmoid's tail magnifies a relative error in its argument by |argument|.
// silu' and swish' factor their interior root out (silu_slope); geluTanh' and mish' stay in double
// lanes: near their roots plain float32 arithmetic leaves no correct digits. celu' = e^(x/alpha) stays there too: the rounding of
// x / alpha is magnified by |x / alpha| in the tail.
#pragma once

#include <cfloat>

#include "../simd/vmath_f32.h"
#include "../simd/vnormal_f32.h"
#include "scalar_ops.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace nops {

using F = Vec<float>;

// A row's parameter a as float hi + lo, with what the kernels derive from it.
struct NarrowParams {
  F a, a_lo, a_lo_over_a;
  F tail_of_a_x;      // 80 / |a|: where |a x| passes 80 (results near float32's normal limit)
  F tail_of_x_over_a;  // 80 |a|: where |x / a| passes 80
  explicit NarrowParams(ActivationParams p)
      : a(set<float>(static_cast<float>(p.a))),
        a_lo(set<float>(static_cast<float>(p.a - static_cast<double>(static_cast<float>(p.a))))),
        a_lo_over_a(set<float>(static_cast<float>((p.a - static_cast<double>(static_cast<float>(p.a))) / p.a))),
        tail_of_a_x(set<float>(finite_bound(80 / (p.a < 0 ? -p.a : p.a)))),
        tail_of_x_over_a(set<float>(finite_bound(80 * (p.a < 0 ? -p.a : p.a)))) {}

 private:
  // An infinite bound would let x = +-inf into the float32 lanes.
  static float finite_bound(double bound) { return bound < FLT_MAX ? static_cast<float>(bound) : FLT_MAX; }
};

constexpr float kTail = 80;  // e^-80 = 1.8e-35: every exp in the domain is a normal float

ACTFN_INLINE Mask<float> within(F x, F bound) { return le(abs(x), bound); }
ACTFN_INLINE F one() { return set<float>(1); }
ACTFN_INLINE F zero() { return set<float>(0); }

// c * x for c = c_hi + c_lo (a constant split in two floats), rounded once in effect.
ACTFN_INLINE F times(F c_hi, F c_lo, F x) { return fma(c_hi, x, c_lo * x); }

// u = a x as hi + lo (lo: the product's rounding error plus what a lost in float).
ACTFN_INLINE FloatPair scaled(F x, const NarrowParams& p) {
  const F hi = p.a * x;
  return {hi, fma(p.a, x, zero() - hi) + p.a_lo * x};
}

ACTFN_INLINE FloatPair times_pair(F a, F b) {
  const F hi = a * b;
  return {hi, fma(a, b, zero() - hi)};
}
// a + b as a pair for floats of any sizes (Knuth's TwoSum).
ACTFN_INLINE FloatPair two_sum(F a, F b) {
  const F s = a + b;
  const F b_part = s - a;
  return {s, (a - (s - b_part)) + (b - b_part)};
}
// A float constant c as hi + lo.
ACTFN_INLINE FloatPair constant(double c) {
  const float hi = static_cast<float>(c);
  return {set<float>(hi), set<float>(static_cast<float>(c - static_cast<double>(hi)))};
}

// e^-|u| for u = u.hi + u.lo.
ACTFN_INLINE FloatPair exp_neg_abs(FloatPair u) {
  const Mask<float> nonneg = ge(u.hi, zero());
  return vexp_pair_f32(zero() - abs(u.hi), select(nonneg, zero() - u.lo, u.lo));
}

// 1 / (d + d_err) for d in [1, 2] and |d_err| <= ulp(d): rcp_approx and Newton steps on the
// exact residual (one from 14 bits, two from 11): relative error 2^-28 plus the last rounding.
ACTFN_INLINE F reciprocal(F d, F d_err) {
  F r = rcp_approx(d);
  for (int bits = kRcpApproxBits; bits < 24; bits *= 2) r = fma(r, fnma(d_err, r, fnma(d, r, one())), r);
  return r;
}

// The logistic function's parts for u = hi + lo: E = e^-|u| (0 past |u| = 112, where every result
// below is 0 or 1 in float32), kept unscaled as 2^floor(m) e_unscaled for callers that multiply
// before scaling, and r = 1 / (1 + E) = sigmoid(|u|) with the rounding of 1 + E recovered.
// sigmoid(u) = r (u >= 0) or E r (u < 0). NaN propagates: max keeps a NaN z.
struct LogisticParts {
  F z;           // -min(|u|, 112)
  F m;           // E = 2^floor(m) e_unscaled
  F e_unscaled;  // in [1, 2)
  F e;           // rounded once
  F r;
};
ACTFN_INLINE LogisticParts logistic_parts(F u_hi, F z_lo) {
  const F z = max(set<float>(-112), negative_abs(u_hi));
  const ScaledExp ex = exp_scaled_f32(z, z_lo);
  const F e_unscaled = ex.hi + ex.lo;
  const F e = scale_pow2(e_unscaled, ex.m);
  const F d = one() + e;
  return {z, ex.m, e_unscaled, e, reciprocal(d, (one() - d) + e)};
}
ACTFN_INLINE LogisticParts logistic_parts(F u) { return logistic_parts(u, zero()); }
// For u = hi + lo, the low part of -|u|.
ACTFN_INLINE F negative_abs_lo(FloatPair u) { return select(ge(u.hi, zero()), zero() - u.lo, u.lo); }
ACTFN_INLINE LogisticParts logistic_parts(FloatPair u) { return logistic_parts(u.hi, negative_abs_lo(u)); }

ACTFN_INLINE F sigmoid_value(F u_hi, const LogisticParts& l) { return select(ge(u_hi, zero()), l.r, l.e * l.r); }
// x sigmoid(u) for u of x's sign, x given for each sign of u: below 0, x E r scaled once, so results
// in the subnormal range round once (silu passes z for x there, so x = -inf gives -0).
ACTFN_INLINE F times_sigmoid(F x_nonneg, F x_neg, F u_hi, const LogisticParts& l) {
  return select(ge(u_hi, zero()), x_nonneg * l.r, scale_pow2(x_neg * l.e_unscaled * l.r, l.m));
}
// sigmoid'(u) = E / (1 + E)^2
ACTFN_INLINE F logistic_slope(const LogisticParts& l) { return l.e * l.r * l.r; }

struct Sigmoid {
  static constexpr bool kHasDerivative = true;
  static constexpr bool kWholeDomain = true;
  ACTFN_INLINE static F forward(F x, const NarrowParams&) { return sigmoid_value(x, logistic_parts(x)); }
  ACTFN_INLINE static F derivative(F x, const NarrowParams&) { return logistic_slope(logistic_parts(x)); }
};
// tanh|x| = m / (m + 2), m = expm1(2|x|): no cancellation, and the quotient's relative condition
// in m is 2 / (m + 2) <= 1, so expm1's error is never magnified.
struct Tanh {
  static constexpr bool kHasDerivative = true;
  ACTFN_INLINE static Mask<float> domain(F x, const NarrowParams&) { return within(x, set<float>(kTail / 2)); }
  ACTFN_INLINE static F forward(F x, const NarrowParams&) {
    const F m = vexpm1_f32(set<float>(2) * abs(x));
    return copy_sign(m / (m + set<float>(2)), x);
  }
  ACTFN_INLINE static F derivative(F x, const NarrowParams&) { return set<float>(4) * logistic_slope(logistic_parts(x + x)); }
};
struct Elu {
  static constexpr bool kHasDerivative = true;
  ACTFN_INLINE static Mask<float> domain(F x, const NarrowParams&) { return within(x, set<float>(kTail)); }
  ACTFN_INLINE static F forward(F x, const NarrowParams& p) { return select(gt(x, zero()), x, times(p.a, p.a_lo, vexpm1_f32(x))); }
  ACTFN_INLINE static F derivative(F x, const NarrowParams& p) { return select(gt(x, zero()), one(), times(p.a, p.a_lo, vexp_f32(x))); }
};
struct Selu {
  static constexpr bool kHasDerivative = true;
  ACTFN_INLINE static F scale_hi() { return set<float>(static_cast<float>(ops::kSeluScale)); }
  ACTFN_INLINE static F scale_lo() { return set<float>(static_cast<float>(ops::kSeluScale - static_cast<double>(static_cast<float>(ops::kSeluScale)))); }
  ACTFN_INLINE static F scale_alpha_hi() { return set<float>(static_cast<float>(ops::kSeluScaleAlpha)); }
  ACTFN_INLINE static F scale_alpha_lo() {
    return set<float>(static_cast<float>(ops::kSeluScaleAlpha - static_cast<double>(static_cast<float>(ops::kSeluScaleAlpha))));
  }
  ACTFN_INLINE static Mask<float> domain(F x, const NarrowParams&) { return within(x, set<float>(kTail)); }
  ACTFN_INLINE static F forward(F x, const NarrowParams&) {
    return select(gt(x, zero()), times(scale_hi(), scale_lo(), x), times(scale_alpha_hi(), scale_alpha_lo(), vexpm1_f32(x)));
  }
  ACTFN_INLINE static F derivative(F x, const NarrowParams&) {
    return select(gt(x, zero()), scale_hi(), times(scale_alpha_hi(), scale_alpha_lo(), vexp_f32(x)));
  }
};
// celu(x; alpha) = alpha expm1(x / alpha) below 0: expm1's relative condition there is below 1,
// so the rounding of x / alpha costs at most half an ULP more. For |x / alpha| < 2^-13, x (1 + t/2)
// instead (to 2^-28 relative), as in scalar_ops.h: x / alpha may underflow.
struct Celu {
  static constexpr bool kHasDerivative = false;  // no float32-lane derivative: see the top
  ACTFN_INLINE static Mask<float> domain(F x, const NarrowParams& p) { return within(x, p.tail_of_x_over_a); }
  ACTFN_INLINE static F forward(F x, const NarrowParams& p) {
    const F t = x / p.a;
    const F small_t = copy_sign(fma(x, set<float>(0.5f) * t, x), x);
    return select(gt(x, zero()), x, select(lt(abs(t), set<float>(0x1p-13f)), small_t, times(p.a, p.a_lo, vexpm1_f32(t))));
  }
};
// silu'(u) = sigmoid(u) (1 + u (1 - sigmoid(u))); with t = |u|, E = e^-t, r = 1 / (1 + E):
//   u >= 0: r + t E r^2, every term positive;
//   u < 0:  E r^2 g with g = 1 + E - t, which vanishes at t0 = 1 + e^-t0 (u = -1.2785). Since
//   e^-t = (t0 - 1) e^d for d = t0 - t, g = d + (t0 - 1) expm1(d) exactly, two terms of d's sign:
//   d from t0 as hi + lo and expm1(d) from a polynomial for |d| < 1/2; beyond, g = (1 - t) + E
//   directly (|g| >= 1/2 there, so E's rounding is not magnified). Scaled once below 0 (subnormal tails).
// t = t_hi + t_lo; swish' = silu'(beta x).
ACTFN_INLINE F silu_slope(F u_hi, F t_lo, const LogisticParts& l) {
  namespace ft = float_tables;
  const F t = zero() - l.z;
  const F d = (set<float>(ft::kSiluRootHi) - t) + (set<float>(ft::kSiluRootLo) - t_lo);
  F q = set<float>(ft::kExpm1Small[ft::kExpm1SmallDegree]);
  for (int i = ft::kExpm1SmallDegree - 1; i >= 0; --i) q = fma(q, d, set<float>(ft::kExpm1Small[i]));
  const F g_near = fma(set<float>(ft::kSiluRootMinusOne), fma(d * d, q, d), d);
  const F g_far = ((one() - t) - t_lo) + l.e;
  const F g = select(lt(abs(d), set<float>(0.5f)), g_near, g_far);
  const F r2 = l.r * l.r;
  return select(ge(u_hi, zero()), fma(t * l.e, r2, l.r), scale_pow2(l.e_unscaled * r2 * g, l.m));
}

struct Silu {
  static constexpr bool kHasDerivative = true;
  static constexpr bool kWholeDomain = true;
  ACTFN_INLINE static F forward(F x, const NarrowParams&) {
    const LogisticParts l = logistic_parts(x);
    return times_sigmoid(x, l.z, x, l);
  }
  ACTFN_INLINE static F derivative(F x, const NarrowParams&) { return silu_slope(x, zero(), logistic_parts(x)); }
};
struct Swish {
  static constexpr bool kHasDerivative = true;
  ACTFN_INLINE static Mask<float> domain(F x, const NarrowParams& p) { return within(x, p.tail_of_a_x); }
  ACTFN_INLINE static F forward(F x, const NarrowParams& p) {
    const FloatPair u = scaled(x, p);
    return times_sigmoid(x, x, u.hi, logistic_parts(u));
  }
  ACTFN_INLINE static F derivative(F x, const NarrowParams& p) {
    const FloatPair u = scaled(x, p);
    return silu_slope(u.hi, zero() - negative_abs_lo(u), logistic_parts(u));
  }
};
// geluTanh(x) = x sigmoid(v), v = c x (1 + k x^2), c = 2 sqrt(2/pi), k = 0.044715: v is carried
// as a pair because the sigmoid's tail magnifies its relative error by |v|. Beyond |x| = 9.5
// (|v| near 80) the double-lane form takes over.
struct GeluTanh {
  static constexpr bool kHasDerivative = false;  // geluTanh' has a root: see the top
  ACTFN_INLINE static Mask<float> domain(F x, const NarrowParams&) { return within(x, set<float>(9.5f)); }
  ACTFN_INLINE static FloatPair v_of(F x) {
    const FloatPair c = constant(ops::kGeluTanhC), k = constant(ops::kGeluTanhK);
    const FloatPair x2 = times_pair(x, x);
    const FloatPair kx2 = times_pair(k.hi, x2.hi);
    FloatPair w = two_sum(one(), kx2.hi);  // 1 + k x^2
    w.lo = w.lo + (kx2.lo + fma(k.hi, x2.lo, k.lo * x2.hi));
    FloatPair cx = times_pair(c.hi, x);
    cx.lo = fma(c.lo, x, cx.lo);
    FloatPair v = times_pair(cx.hi, w.hi);
    v.lo = v.lo + fma(cx.hi, w.lo, cx.lo * w.hi);
    return v;
  }
  ACTFN_INLINE static F forward(F x, const NarrowParams&) {
    const FloatPair v = v_of(x);
    return times_sigmoid(x, x, v.hi, logistic_parts(v));
  }
};
// softplus(x; beta) = (max(u, 0) + log1p(e^-|u|)) / beta, u = beta x; softplus' = sigmoid(u).
struct Softplus {
  static constexpr bool kHasDerivative = true;
  ACTFN_INLINE static Mask<float> domain(F x, const NarrowParams& p) { return within(x, p.tail_of_a_x); }
  ACTFN_INLINE static F forward(F x, const NarrowParams& p) {
    const FloatPair u = scaled(x, p);
    const Mask<float> nonneg = ge(u.hi, zero());
    const F log_part = vlog1p_unit_f32(exp_neg_abs(u));
    const F sp = select(nonneg, u.hi + (u.lo + log_part), log_part);
    const F q = sp / p.a;
    return fma(zero() - q, p.a_lo_over_a, q);  // / (a + a_lo)
  }
  ACTFN_INLINE static F derivative(F x, const NarrowParams& p) {
    const FloatPair u = scaled(x, p);
    return sigmoid_value(u.hi, logistic_parts(u));
  }
};
// logSigmoid(x) = min(x, 0) - log1p(e^-|x|); logSigmoid' = sigmoid(-x).
struct LogSigmoid {
  static constexpr bool kHasDerivative = true;
  ACTFN_INLINE static Mask<float> domain(F x, const NarrowParams&) { return within(x, set<float>(kTail)); }
  ACTFN_INLINE static F forward(F x, const NarrowParams&) {
    return select(lt(x, zero()), x, zero()) - vlog1p_unit_f32(exp_neg_abs(FloatPair{x, zero()}));
  }
  ACTFN_INLINE static F derivative(F x, const NarrowParams&) {  // sigmoid(-x)
    const LogisticParts l = logistic_parts(x);
    return select(ge(x, zero()), l.e * l.r, l.r);
  }
};

// gelu(x) = x Phi(x). For x >= 0: x - t Q(t) in one fma (Q <= 1/2, so no cancellation); for x < 0:
// -t Q(t), with -t multiplied in before the scaling, so results in the subnormal range round once.
// gelu' = Phi(x) + x phi(x) = 1 - D (x >= 0) or D (x < 0), D = Q(t) - t phi(t) with its root
// factored out (simd/vnormal_f32.h). Every input runs here: beyond |x| = 15 the clamped t gives
// x (or 1) above and -0 below, and NaN propagates through the arithmetic.
struct Gelu {
  static constexpr bool kHasDerivative = true;
  static constexpr bool kWholeDomain = true;
  ACTFN_INLINE static F forward(F x, const NarrowParams&) {
    const F nt = negative_tail_arg(x);
    const NormalTail n = normal_tail(nt);
    const F q = normal_q_unscaled(n);
    return select(ge(x, zero()), fma(nt, scale_pow2(q, n.gauss.m), x), scale_pow2(nt * q, n.gauss.m));
  }
  ACTFN_INLINE static F derivative(F x, const NarrowParams&) {
    const F nt = negative_tail_arg(x);
    const NormalTail n = normal_tail(nt);
    const F d = scale_pow2(normal_q_minus_t_pdf_unscaled(nt, n), n.gauss.m);
    return select(ge(x, zero()), one() - d, d);
  }
};

}  // namespace nops

// Which scalar op has a float32-lane form: NarrowOf<ops::X>::type, or void.
template <class Op> struct NarrowOf { using type = void; };
template <> struct NarrowOf<ops::Sigmoid> { using type = nops::Sigmoid; };
template <> struct NarrowOf<ops::Tanh> { using type = nops::Tanh; };
template <> struct NarrowOf<ops::Elu> { using type = nops::Elu; };
template <> struct NarrowOf<ops::Selu> { using type = nops::Selu; };
template <> struct NarrowOf<ops::Celu> { using type = nops::Celu; };
template <> struct NarrowOf<ops::Silu> { using type = nops::Silu; };
template <> struct NarrowOf<ops::Swish> { using type = nops::Swish; };
template <> struct NarrowOf<ops::Softplus> { using type = nops::Softplus; };
template <> struct NarrowOf<ops::GeluTanh> { using type = nops::GeluTanh; };
template <> struct NarrowOf<ops::LogSigmoid> { using type = nops::LogSigmoid; };
template <> struct NarrowOf<ops::Gelu> { using type = nops::Gelu; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
