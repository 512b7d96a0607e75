// Float32 activations evaluated in double lanes: load float32, widen, compute with vexp (simd/vexp.h),
// round once on the narrowing store. Double carries ~29 spare bits, so the textbook formulas stay
// far inside the float32 bounds (forward within 0.5 ULP + 2^-40 relative; derivatives likewise
// outside the |f'| < 2^-20 absolute zone, where the error is ~2^-55 absolute). They serve the
// passes that have no float32-lane form (narrow_ops.h: gelu, mish, and derivatives with a root),
// and the vectors a float32-lane form hands back (far tails). Infinite and NaN inputs are patched
// lane by lane with the scalar twins (elementwise.cc), so these formulas need not handle them.
// Float64 arrays use the scalar float64 twins (scalar_ops.h) for these activations.
#pragma once

#include "../simd/vexp.h"
#include "../simd/vnormal.h"
#include "scalar_ops.h"
#include "vector_ops.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace wops {

using D = Vec<double>;
using P = vops::VecParams<double>;

ACTFN_INLINE D one() { return set<double>(1); }

// sigmoid(u) and sigmoid(-u) from one exp.
struct SigmoidPair {
  D pos, neg;
};
ACTFN_INLINE SigmoidPair sigmoid_pair(D u) {
  const D t = vexp(set<double>(0) - abs(u));
  const D big = one() / (one() + t);  // sigmoid(|u|)
  const D small = t * big;            // sigmoid(-|u|)
  const Mask<double> nonneg = ge(u, set<double>(0));
  return {select(nonneg, big, small), select(nonneg, small, big)};
}

ACTFN_INLINE D square_ratio(D t) {  // t / (1 + t)^2
  const D d = one() + t;
  return t / (d * d);
}

struct Sigmoid {
  ACTFN_INLINE static D forward(D x, const P&) { return sigmoid_pair(x).pos; }
  ACTFN_INLINE static D derivative(D x, const P&) { return square_ratio(vexp(set<double>(0) - abs(x))); }
};
struct Tanh {
  ACTFN_INLINE static D forward(D x, const P&) {
    const D a = abs(x);
    const D t = vexp(set<double>(-2) * a);
    const D big = (one() - t) / (one() + t);
    const D a2 = a * a;  // below 2^-8: a - a^3/3 + 2a^5/15 - 17a^7/315, no cancellation
    const D small = a * fma(a2, fma(a2, fma(a2, set<double>(-17.0 / 315), set<double>(2.0 / 15)), set<double>(-1.0 / 3)), one());
    return copy_sign(select(lt(a, set<double>(1.0 / 256)), small, big), x);
  }
  ACTFN_INLINE static D derivative(D x, const P&) { return set<double>(4) * square_ratio(vexp(set<double>(-2) * abs(x))); }
};
struct Elu {
  ACTFN_INLINE static D forward(D x, const P& p) { return select(gt(x, set<double>(0)), x, p.a * vexpm1(x)); }
  ACTFN_INLINE static D derivative(D x, const P& p) { return select(gt(x, set<double>(0)), one(), p.a * vexp(x)); }
};
struct Selu {
  ACTFN_INLINE static D forward(D x, const P&) {
    return select(gt(x, set<double>(0)), set<double>(ops::kSeluScale) * x, set<double>(ops::kSeluScaleAlpha) * vexpm1(x));
  }
  ACTFN_INLINE static D derivative(D x, const P&) {
    return select(gt(x, set<double>(0)), set<double>(ops::kSeluScale), set<double>(ops::kSeluScaleAlpha) * vexp(x));
  }
};
struct Celu {  // the small-t form: see scalar_ops.h
  ACTFN_INLINE static D forward(D x, const P& p) {
    const D t = x / p.a;
    const D small_t = copy_sign(fma(x, set<double>(0.5) * t, x), x);
    return select(gt(x, set<double>(0)), x, select(lt(abs(t), set<double>(0x1p-27)), small_t, p.a * vexpm1(t)));
  }
  ACTFN_INLINE static D derivative(D x, const P& p) {  // carries x / alpha's rounding: see scalar_ops.h
    const D t = x / p.a;
    const D e = vexp(t);
    const D t_lo = fma(set<double>(0) - t, p.a, x) / p.a;
    const D carried = select(lt(abs(t_lo), set<double>(HUGE_VAL)), fma(e, t_lo, e), e);
    return select(gt(x, set<double>(0)), one(), carried);
  }
};
// swish(x; beta) = x sigmoid(beta x); silu' = sigmoid(u) (1 + u sigmoid(-u)), u = beta x.
ACTFN_INLINE D swish_forward(D x, D beta) { return x * sigmoid_pair(beta * x).pos; }
ACTFN_INLINE D swish_derivative(D x, D beta) {
  const D u = beta * x;
  const SigmoidPair s = sigmoid_pair(u);
  return s.pos * fma(u, s.neg, one());
}
struct Silu {
  ACTFN_INLINE static D forward(D x, const P&) { return swish_forward(x, one()); }
  ACTFN_INLINE static D derivative(D x, const P&) { return swish_derivative(x, one()); }
};
struct Swish {
  ACTFN_INLINE static D forward(D x, const P& p) { return swish_forward(x, p.a); }
  ACTFN_INLINE static D derivative(D x, const P& p) { return swish_derivative(x, p.a); }
};
// geluTanh(x) = x sigmoid(v), v = c (x + k x^3), c = 2 sqrt(2/pi), k = 0.044715.
struct GeluTanh {
  ACTFN_INLINE static D v_of(D x) { return set<double>(ops::kGeluTanhC) * x * fma(set<double>(ops::kGeluTanhK) * x, x, one()); }
  ACTFN_INLINE static D forward(D x, const P&) { return x * sigmoid_pair(v_of(x)).pos; }
  ACTFN_INLINE static D derivative(D x, const P&) {
    const SigmoidPair s = sigmoid_pair(v_of(x));
    const D dv = set<double>(ops::kGeluTanhC) * fma(set<double>(3 * ops::kGeluTanhK) * x, x, one());
    return s.pos * fma(x * s.neg, dv, one());
  }
};
// tanh(softplus(x)) from a = e^-|x|: n / (n + 2), n = e (e + 2) for x <= 0; (1 + 2a) / (1 + 2a (1 + a)) above.
struct Mish {
  struct Parts {
    D r, sech2, a;
  };
  ACTFN_INLINE static Parts parts(D x) {
    const D a = vexp(set<double>(0) - abs(x));
    const D n = a * (a + set<double>(2));
    const D dn = n + set<double>(2);
    const D dp = fma(set<double>(2) * a, one() + a, one());
    const D q = (one() + a) * a / dp;
    const Mask<double> pos = gt(x, set<double>(0));
    return {select(pos, fma(set<double>(2), a, one()) / dp, n / dn), select(pos, set<double>(4) * q * q, fma(set<double>(4), n, set<double>(4)) / (dn * dn)), a};
  }
  ACTFN_INLINE static D forward(D x, const P&) { return x * parts(x).r; }
  ACTFN_INLINE static D derivative(D x, const P&) {
    const Parts m = parts(x);
    const D big = one() / (one() + m.a);  // sigmoid(|x|)
    const D sig = select(gt(x, set<double>(0)), big, m.a * big);
    return fma(x * m.sech2, sig, m.r);
  }
};

// softplus(x; beta) = (max(u, 0) + log1p(e^-|u|)) / beta, u = beta x; softplus' = sigmoid(u).
struct Softplus {
  ACTFN_INLINE static D forward(D x, const P& p) {
    const D u = p.a * x;
    const D sp = select(gt(u, set<double>(0)), u, set<double>(0)) + vlog1p_unit(vexp(set<double>(0) - abs(u)));
    return sp / p.a;
  }
  ACTFN_INLINE static D derivative(D x, const P& p) { return sigmoid_pair(p.a * x).pos; }
};
// logSigmoid(x) = min(x, 0) - log1p(e^-|x|); logSigmoid' = sigmoid(-x).
struct LogSigmoid {
  ACTFN_INLINE static D forward(D x, const P&) {
    return select(lt(x, set<double>(0)), x, set<double>(0)) - vlog1p_unit(vexp(set<double>(0) - abs(x)));
  }
  ACTFN_INLINE static D derivative(D x, const P&) { return sigmoid_pair(x).neg; }
};

// gelu(x) = x Phi(x); gelu' = Phi(x) + x phi(x).
struct Gelu {
  ACTFN_INLINE static D forward(D x, const P&) { return x * vnormal(x).cdf; }
  ACTFN_INLINE static D derivative(D x, const P&) {
    const NormalParts n = vnormal(x);
    return fma(x, n.pdf, n.cdf);
  }
};

}  // namespace wops

// Which scalar op has a double-lane form for float32 arrays: WideOf<ops::X>::type, or void.
template <class Op> struct WideOf { using type = void; };
template <> struct WideOf<ops::Sigmoid> { using type = wops::Sigmoid; };
template <> struct WideOf<ops::Tanh> { using type = wops::Tanh; };
template <> struct WideOf<ops::Elu> { using type = wops::Elu; };
template <> struct WideOf<ops::Selu> { using type = wops::Selu; };
template <> struct WideOf<ops::Celu> { using type = wops::Celu; };
template <> struct WideOf<ops::Silu> { using type = wops::Silu; };
template <> struct WideOf<ops::Swish> { using type = wops::Swish; };
template <> struct WideOf<ops::GeluTanh> { using type = wops::GeluTanh; };
template <> struct WideOf<ops::Mish> { using type = wops::Mish; };
template <> struct WideOf<ops::Softplus> { using type = wops::Softplus; };
template <> struct WideOf<ops::Gelu> { using type = wops::Gelu; };
template <> struct WideOf<ops::LogSigmoid> { using type = wops::LogSigmoid; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
