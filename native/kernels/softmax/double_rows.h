// Float64 softmax rows in double lanes (AVX2, AVX-512): the scalar rows of softmax.cc with the
// same arithmetic, vectorised. x - max is kept as a double-double (s + sl), and e^(s + sl) is
// formed as e^s (1 + sl) with the vector exp of simd/vmath_f64.h (0.55 ULP), so each stored exp is
// within about 1 ULP (the double-double exp cost a fifth of the row for a bound we need not meet:
// softmax 0.40 -> 0.52 el/ns, logSoftmax 0.31 -> 0.34 at rows of 1024, one thread). Entries equal
// to the max contribute exactly 1 and are counted rather than summed, so the sum of the others (T) keeps its relative accuracy and logSoftmax = (x - max) - log1p(T) stays exact for
// a dominant entry (see src/backend/js/softmax.ts). Sums are compensated per lane (TwoSum) and the
// lanes joined with TwoSum. Lanes whose x - max is below -708 (exp subnormal or 0, or -inf inputs)
// take the scalar exp for that vector. A row with a NaN or an infinite max returns false and takes
// the scalar row, which owns those conventions; softmaxBackward returns false when a product is
// not finite.
//
// Accuracy (float64 cases of test/accuracy/fixtures/softmax.json, outputs >= 1e-30; bound 4 ULP):
// softmax max 2.05 ULP, logSoftmax 1.40 ULP on AVX2 and AVX-512 (the scalar rows: 2.27, 1.40).
// softmaxBackward passes the suite's 8 eps bound (same arithmetic as the scalar row).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>

#include "../simd/vmath_f64.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace drows {

using f64::D;
using f64::DD;
using f64::k;
using f64::neg;
using f64::one;
using f64::zero;

constexpr double kDblMax = 1.7976931348623157e308;

// Max of a float64 row, or NaN when the row holds a NaN.
inline double row_max(const double* x, std::size_t cols) {
  constexpr std::size_t N = Vec<double>::N;
  D best = set<double>(-std::numeric_limits<double>::infinity());
  unsigned nan_lanes = 0;
  std::size_t j = 0;
  for (; j + N <= cols; j += N) {
    const D v = load(x + j);
    nan_lanes |= lane_bits(is_nan(v));
    best = select(gt(v, best), v, best);
  }
  double lanes[N];
  store(lanes, best);
  double m = lanes[0];
  for (std::size_t l = 1; l < N; ++l) m = lanes[l] > m ? lanes[l] : m;
  for (; j < cols; ++j) {
    if (x[j] != x[j]) nan_lanes = 1;
    m = x[j] > m ? x[j] : m;
  }
  return nan_lanes ? std::numeric_limits<double>::quiet_NaN() : m;
}

// s = x - m and its rounding error (0 where s is not finite), as the scalar low_part.
struct Diff {
  D s, sl;
};
ACTFN_INLINE Diff diff(D v, D m) {
  const D s = v - m;
  const D sl = f64::sum_err(v, neg(m), s);
  return {s, select(le(abs(s), k(kDblMax)), sl, zero())};
}

// e^(s + sl) = e^s (1 + sl) per lane, within about 1 ULP: the vector exp (0.55 ULP) where every
// lane has s >= -708, else the scalar twin's std::exp(s) (1 + sl) lane by lane.
ACTFN_INLINE D row_exp(const Diff& d) {
  constexpr std::size_t N = Vec<double>::N;
  if (lane_bits(ge(d.s, k(-708))) == (1u << N) - 1) {
    const D e = f64::exp(d.s);
    return fma(e, d.sl, e);
  }
  double s[N], sl[N];
  store(s, d.s);
  store(sl, d.sl);
  for (std::size_t l = 0; l < N; ++l) s[l] = std::exp(s[l]) * (1 + sl[l]);
  return load(s);
}

// Joins the lanes of a compensated sum (sum, comp) into one double-double, then adds v.
struct Acc {
  double hi = 0, lo = 0;
  void add(double v) {
    const double t = hi + v;
    const double bb = t - hi;
    lo += (hi - (t - bb)) + (v - bb);
    hi = t;
  }
};
inline Acc join(D sum, D comp) {
  constexpr std::size_t N = Vec<double>::N;
  double s[N], c[N];
  store(s, sum);
  store(c, comp);
  Acc a;
  for (std::size_t l = 0; l < N; ++l) {
    a.add(s[l]);
    a.lo += c[l];
  }
  return a;
}

// Softmax (Log = false: exps stored in out, then divided) or logSoftmax of one row.
template <bool Log>
bool double_softmax_row(const double* x, double* out, std::size_t cols) {
  constexpr std::size_t N = Vec<double>::N;
  const double m = row_max(x, cols);
  if (!(std::fabs(m) <= kDblMax)) return false;
  const D mv = set<double>(m);
  D sum = zero(), comp = zero(), count = zero();
  std::size_t j = 0;
  for (; j + N <= cols; j += N) {
    const Diff d = diff(load(x + j), mv);
    const D e = row_exp(d);
    if constexpr (!Log) store(out + j, e);
    const Mask<double> is_max = eq(d.s, zero());
    count = count + select(is_max, one(), zero());
    const D v = select(is_max, zero(), e);
    const D t = sum + v;
    comp = comp + f64::sum_err(sum, v, t);
    sum = t;
  }
  Acc others = join(sum, comp);
  double counted[N];
  store(counted, count);
  double equal = 0;
  for (std::size_t l = 0; l < N; ++l) equal += counted[l];
  for (; j < cols; ++j) {
    const double xj = x[j];
    const double s = xj - m;
    const double e = std::exp(s) * (1 + (std::isfinite(s) ? math::sum_error(xj, -m, s) : 0.0));
    if constexpr (!Log) out[j] = e;
    if (s == 0) {
      equal += 1;
    } else {
      others.add(e);
    }
  }
  // T = the sum over every entry but one arg-max entry
  Acc total_others;
  total_others.add(equal - 1);
  total_others.add(others.hi);
  const double t_sum = total_others.hi + (total_others.lo + others.lo);
  if constexpr (Log) {
    const double log_total = std::log1p(t_sum);
    const D lt = set<double>(log_total);
    for (j = 0; j + N <= cols; j += N) {
      const Diff d = diff(load(x + j), mv);
      store(out + j, (d.s - lt) + d.sl);
    }
    for (; j < cols; ++j) {
      const double xj = x[j];
      const double s = xj - m;
      out[j] = s - log_total + (std::isfinite(s) ? math::sum_error(xj, -m, s) : 0.0);
    }
  } else {
    const double total = 1 + t_sum;
    // e / total rounded once without vdivpd (slow on 512-bit vectors): q = e RN(1/total), then one
    // correction with the exact remainder e - q total (Markstein; equal to the quotient whenever
    // it is a normal double)
    const D tv = set<double>(total), inverse = set<double>(1 / total);
    for (j = 0; j + N <= cols; j += N) {
      const D e = load(out + j);
      const D q = e * inverse;
      store(out + j, fma(f64::fnma(q, tv, e), inverse, q));
    }
    for (; j < cols; ++j) out[j] = out[j] / total;
  }
  return true;
}

// softmaxBackward of one row: y (dy - sum y dy), the dot product compensated per lane in four
// independent chains (one chain waits on its add's latency every vector: 0.70 el/ns at rows of 1024,
// half the add probe). A non-finite product makes its chain's sum non-finite, so the one check of
// the joined dot below catches it.
inline bool double_softmax_backward_row(const double* y, const double* dy, double* out, std::size_t cols) {
  constexpr std::size_t N = Vec<double>::N;
  constexpr std::size_t kChains = 4;
  D sum[kChains] = {zero(), zero(), zero(), zero()}, comp[kChains] = {zero(), zero(), zero(), zero()};
  const auto add = [&](std::size_t c, D p) ACTFN_INLINE_LAMBDA {
    const D t = sum[c] + p;
    comp[c] = comp[c] + f64::sum_err(sum[c], p, t);
    sum[c] = t;
  };
  std::size_t j = 0;
  for (; j + kChains * N <= cols; j += kChains * N) {
    for (std::size_t c = 0; c < kChains; ++c) {
      // out's lines fetched now, while this pass waits on y and dy: the second pass's stores
      // would otherwise stall on them (41% of the row's samples in perf). Without -mprfchw the
      // write hint compiles to a plain prefetch, which is enough on this machine (11% after).
      ACTFN_PREFETCH_WRITE(out + j + c * N);
      add(c, load(y + j + c * N) * load(dy + j + c * N));
    }
  }
  for (; j + N <= cols; j += N) add(0, load(y + j) * load(dy + j));
  for (std::size_t c = 1; c < kChains; ++c) {
    const D t = sum[0] + sum[c];
    comp[0] = comp[0] + (comp[c] + f64::sum_err(sum[0], sum[c], t));
    sum[0] = t;
  }
  Acc dot = join(sum[0], comp[0]);
  for (; j < cols; ++j) {
    const double p = y[j] * dy[j];
    if (!std::isfinite(p)) return false;
    dot.add(p);
  }
  const double d = dot.hi + dot.lo;
  if (!std::isfinite(d)) return false;
  const D dv = set<double>(d);
  // Whole vectors from where out is vector-aligned, so no store splits two cache lines.
  std::size_t head = (sizeof(D) - reinterpret_cast<std::uintptr_t>(out) % sizeof(D)) % sizeof(D) / sizeof(double);
  if (head > cols || reinterpret_cast<std::uintptr_t>(out) % sizeof(double) != 0) head = 0;
  for (j = 0; j < head; ++j) out[j] = y[j] * (dy[j] - d);
  for (; j + N <= cols; j += N) store(out + j, load(y + j) * (load(dy + j) - dv));
  for (; j < cols; ++j) out[j] = y[j] * (dy[j] - d);
  return true;
}

}  // namespace drows
}  // namespace ACTFN_TARGET
}  // namespace actfn
