// Float32 softmax rows in float32 lanes: three passes over a row that stays in L1 (max; exp, store
// and sum; scale), the sum carried in double lanes.
//
// x - max is formed as an exact pair (TwoSum), because exp magnifies the rounding of its argument
// by |x - max|, and the pair goes through the exp's reduction (simd/vmath_f32.h, exp_scaled_f32).
// Entries equal to the max contribute exactly 1. logSoftmax sums the others (T) apart and counts
// the max entries (c), so log(c + T) = log1p(T) for c = 1 keeps a dominant entry's value exact,
// and x - max - log(c + T) is formed from pairs. A row with a NaN, or whose max is infinite,
// returns false and takes the scalar path, which owns those conventions (as does a backward row
// whose sum is not finite).
//
// Accuracy (test/accuracy/softmax, outputs >= 1e-30): each exp is within 2^-27 before its store
// rounds it (2^-24 in logSoftmax's sum); softmax multiplies by 1/total as a float pair (1.25 ULP
// measured); logSoftmax is within about 1 ULP (1.02). softmaxBackward: y (dy - sum(y dy)) with
// the products summed exactly in double lanes, then dy - dot from a float pair (exact where they
// cancel) and one product.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>

#include "../simd/vmath_f32.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace srows {

using F = Vec<float>;
using D = Vec<double>;
constexpr std::size_t N = F::N;

// A double as the float pair hi + lo.
struct FloatSplit {
  F hi, lo;
};
inline FloatSplit split(double v) {
  const float hi = static_cast<float>(v);
  return {set<float>(hi), set<float>(static_cast<float>(v - static_cast<double>(hi)))};
}

inline double sum_lanes(D v) {
  double lanes[D::N];
  store(lanes, v);
  double s = 0;
  for (int l = 0; l < D::N; ++l) s += lanes[l];
  return s;
}

// Max of a float32 row, or NaN when the row holds a NaN.
inline float row_max(const float* x, std::size_t cols) {
  F a = set<float>(-std::numeric_limits<float>::infinity()), b = a;
  Mask<float> nan = is_nan(a);
  std::size_t j = 0;
  for (; j + 2 * N <= cols; j += 2 * N) {
    const F u = load(x + j), v = load(x + j + N);
    nan = mask_or(nan, mask_or(is_nan(u), is_nan(v)));
    a = max(a, u);
    b = max(b, v);
  }
  float lanes[N];
  store(lanes, max(a, b));
  float m = lanes[0];
  for (std::size_t l = 1; l < N; ++l) m = lanes[l] > m ? lanes[l] : m;
  bool has_nan = lane_bits(nan) != 0;
  for (; j < cols; ++j) {
    has_nan = has_nan || x[j] != x[j];
    m = x[j] > m ? x[j] : m;
  }
  return has_nan ? std::numeric_limits<float>::quiet_NaN() : m;
}

// x - m as an exact pair, clamped where e^(x - m) is 0 in float32 anyway (so -inf and overflowing
// differences stay finite: min keeps 1 where TwoSum's correction is NaN).
struct Difference {
  F hi, lo;
};
ACTFN_INLINE Difference minus_max(F x, F neg_m) {
  const F s = x + neg_m;
  const F x_part = s - neg_m;
  const F lo = (x - x_part) + (neg_m - (s - x_part));
  return {max(s, set<float>(-160)), min(lo, set<float>(1))};
}

// Stores e^(x - m) (softmax) or nothing (logSoftmax) and returns the row's sum: of all entries
// (softmax), or of the entries below the max, with the count of those at it (logSoftmax).
struct RowSums {
  double sum, at_max;
};

template <bool Log>
RowSums exp_pass(const float* x, float* out, std::size_t cols, float m) {
  const F neg_m = set<float>(-m);
  D acc_lo = set<double>(0), acc_hi = acc_lo;
  std::size_t at_max = 0;
  std::size_t j = 0;
  for (; j + N <= cols; j += N) {
    // The next row's line of x, fetched while the exps run: its max pass then reads from cache.
    ACTFN_PREFETCH(x + j + cols);
    const Difference d = minus_max(load(x + j), neg_m);
    // logSoftmax needs T to ~2^-24 only (T's error reaches an output as an absolute error of
    // log(c + T), at most T's relative one): the short exp, 5% faster. Softmax keeps the 2^-27 one
    // (its 1.25 ULP would be 2.0).
    F ev;
    if constexpr (Log) {
      const ScaledExpShort e = exp_scaled_short_f32(d.hi, d.lo);
      ev = scale_pow2(e.u, e.m);
    } else {
      const ScaledExp e = exp_scaled_f32(d.hi, d.lo);
      ev = scale_pow2(e.hi + e.lo, e.m);
    }
    if constexpr (Log) {
      const Mask<float> top = ge(d.hi, set<float>(0));
      at_max += static_cast<std::size_t>(popcount(lane_bits(top)));
      ev = select(top, set<float>(0), ev);
      // out's line fetched for writing while the exps hide it (a prefetch, not a store: out may be x).
      ACTFN_PREFETCH_WRITE(out + j);
    } else {
      store(out + j, ev);
    }
    // on the FMA pipes: this loop's additions, comparisons and roundings outnumber its multiplies
    acc_lo = add_via_fma(acc_lo, widen_lo(ev));
    acc_hi = add_via_fma(acc_hi, widen_hi(ev));
  }
  double sum = sum_lanes(acc_lo + acc_hi);
  for (; j < cols; ++j) {
    const double s = static_cast<double>(x[j]) - static_cast<double>(m);  // exact for float32 x, m
    const double e = std::exp(s);
    if (!Log) out[j] = static_cast<float>(e);
    if (Log && s == 0) {
      ++at_max;
    } else {
      sum += e;
    }
  }
  return {sum, static_cast<double>(at_max)};
}

inline bool softmax_row(const float* x, float* out, std::size_t cols) {
  const float m = row_max(x, cols);
  if (!std::isfinite(m)) return false;
  const RowSums sums = exp_pass<false>(x, out, cols, m);
  const FloatSplit r = split(1 / sums.sum);
  std::size_t j = 0;
  for (; j + N <= cols; j += N) {
    const F e = load(out + j);
    store(out + j, fma(e, r.hi, e * r.lo));
  }
  const double inverse = 1 / sums.sum;
  for (; j < cols; ++j) out[j] = static_cast<float>(static_cast<double>(out[j]) * inverse);
  return true;
}

inline bool log_softmax_row(const float* x, float* out, std::size_t cols) {
  const float m = row_max(x, cols);
  if (!std::isfinite(m)) return false;
  const RowSums sums = exp_pass<true>(x, out, cols, m);
  const double log_total = sums.at_max == 1 ? std::log1p(sums.sum) : std::log(sums.at_max + sums.sum);
  const FloatSplit l = split(log_total);
  const F neg_m = set<float>(-m), neg_l_hi = set<float>(0) - l.hi, minus_one = set<float>(-1);
  std::size_t j = 0;
  for (; j + N <= cols; j += N) {
    const F x_j = load(x + j);
    // x - m as an exact pair (TwoSum), then minus log_total; half the additions on the FMA pipes,
    // which this loop leaves idle
    const F s = add_via_fma(x_j, neg_m);
    const F x_part = s - neg_m;
    const F s_lo = min(add_via_fma(x_j - x_part, neg_m - fma(x_part, minus_one, s)), set<float>(1));  // NaN at -inf: 1
    store(out + j, add_via_fma(add_via_fma(s, neg_l_hi), s_lo - l.lo));
  }
  for (; j < cols; ++j) out[j] = static_cast<float>((static_cast<double>(x[j]) - static_cast<double>(m)) - log_total);
  return true;
}

inline bool softmax_backward_row(const float* y, const float* dy, float* out, std::size_t cols) {
  D acc_lo = set<double>(0), acc_hi = acc_lo;  // products of floats are exact in double
  std::size_t j = 0;
  // Each half widened as it is loaded: four conversions and two FMAs per vector of floats (loads,
  // conversions, two extracts and two FMAs when whole vectors are loaded, then split).
  constexpr std::size_t H = D::N;
  if constexpr (2 * H == N) {  // every vector target (the scalar one has no float32 rows)
    for (; j + N <= cols; j += N) {
      acc_lo = fma(widen_load(y + j), widen_load(dy + j), acc_lo);
      acc_hi = fma(widen_load(y + j + H), widen_load(dy + j + H), acc_hi);
    }
  }
  double dot = sum_lanes(acc_lo + acc_hi);
  for (; j < cols; ++j) dot += static_cast<double>(y[j]) * dy[j];
  if (!std::isfinite(dot)) return false;  // infinities or NaN: the scalar path's conventions
  const FloatSplit d = split(dot);
  j = 0;
  for (; j + N <= cols; j += N) store(out + j, load(y + j) * ((load(dy + j) - d.hi) - d.lo));
  for (; j < cols; ++j) out[j] = static_cast<float>(static_cast<double>(y[j]) * (dy[j] - dot));
  return true;
}

}  // namespace srows
}  // namespace ACTFN_TARGET
}  // namespace actfn
