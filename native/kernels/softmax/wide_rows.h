// Float32 softmax rows in double lanes. x - max in double is exact or off by 2^-53 relative, which
// exp turns into at most ~2^-46 where a float32 result is not 0, so exp needs no correction; entries equal to the max contribute exactly 1 and are counted rather than summed,
// so the sum of the others (T) never cancels and logSoftmax = (x - max) - log1p(T) stays exact for a
// dominant entry. A row with a NaN, or whose max is infinite, returns false and takes the scalar
// path, which owns those conventions. Softmax stores each exp (rounded to float32) and divides it
// in place afterwards, as the scalar path does.
#pragma once

#include <cmath>
#include <cstddef>

#include "../simd/vexp.h"

namespace actfn {
namespace ACTFN_TARGET {

// Max of a float32 row, or NaN when the row holds a NaN.
inline double row_max(const float* x, std::size_t cols) {
  constexpr std::size_t N = Vec<double>::N;
  Vec<double> best = set<double>(-__builtin_inf());
  unsigned nan_lanes = 0;
  std::size_t j = 0;
  for (; j + N <= cols; j += N) {
    const Vec<double> v = load_widen(x + j);
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
  return nan_lanes ? __builtin_nan("") : m;
}

template <bool Log>
bool wide_softmax_row(const float* x, float* out, std::size_t cols) {
  constexpr std::size_t N = Vec<double>::N;
  const double m = row_max(x, cols);
  if (!std::isfinite(m)) return false;
  const Vec<double> vm = set<double>(m);
  Vec<double> others = set<double>(0);
  double tail = 0;
  std::size_t at_max = 0;
  std::size_t j = 0;
  for (; j + N <= cols; j += N) {
    const Vec<double> d = load_widen(x + j) - vm;
    const Mask<double> is_max = eq(d, set<double>(0));
    const Vec<double> e = vexp(d);
    others = others + select(is_max, set<double>(0), e);
    for (unsigned bits = lane_bits(is_max); bits != 0; bits &= bits - 1) ++at_max;
    if (!Log) store_narrow(out + j, select(is_max, set<double>(1), e));
  }
  for (; j < cols; ++j) {
    const double d = static_cast<double>(x[j]) - m;
    const double e = d == 0 ? 1.0 : std::exp(d);
    if (d == 0) ++at_max; else tail += e;
    if (!Log) out[j] = static_cast<float>(e);
  }
  double lanes[N];
  store(lanes, others);
  double t = tail + static_cast<double>(at_max - 1);
  for (std::size_t l = 0; l < N; ++l) t += lanes[l];
  if (Log) {
    const double log_total = std::log1p(t);
    j = 0;
    for (; j + N <= cols; j += N) store_narrow(out + j, load_widen(x + j) - vm - set<double>(log_total));
    for (; j < cols; ++j) out[j] = static_cast<float>((static_cast<double>(x[j]) - m) - log_total);
  } else {
    const double inverse_total = 1 / (1 + t);
    const Vec<double> scale = set<double>(inverse_total);
    j = 0;
    for (; j + N <= cols; j += N) store_narrow(out + j, load_widen(out + j) * scale);
    for (; j < cols; ++j) out[j] = static_cast<float>(static_cast<double>(out[j]) * inverse_total);
  }
  return true;
}

inline bool wide_softmax_backward_row(const float* y, const float* dy, float* out, std::size_t cols) {
  constexpr std::size_t N = Vec<double>::N;
  Vec<double> acc = set<double>(0);
  std::size_t j = 0;
  for (; j + N <= cols; j += N) acc = fma(load_widen(y + j), load_widen(dy + j), acc);
  double lanes[N];
  store(lanes, acc);
  double dot = 0;
  for (std::size_t l = 0; l < N; ++l) dot += lanes[l];
  for (; j < cols; ++j) dot += static_cast<double>(y[j]) * dy[j];
  const Vec<double> vdot = set<double>(dot);
  j = 0;
  for (; j + N <= cols; j += N) store_narrow(out + j, load_widen(y + j) * (load_widen(dy + j) - vdot));
  for (; j < cols; ++j) out[j] = static_cast<float>(static_cast<double>(y[j]) * (dy[j] - dot));
  return true;
}

}  // namespace ACTFN_TARGET
}  // namespace actfn
