// Row-wise softmax, logSoftmax and softmax backward for one target: the native twin of
// src/backend/js/softmax.ts (read its header for why x - max is a double-double and why the sum
// leaves out the arg-max entry). Arithmetic is float64 for both element types; float32 rows run in
// float32 lanes on vector targets (narrow_rows.h).
//
// Accuracy (test/accuracy/softmax): <= 4 ULP for outputs >= 1e-30 in both dtypes.
#include <cmath>

#include <type_traits>

#include "../math/dd.h"
#include "../parallel.h"
#include "../targets.h"
#include "double_rows.h"
#include "narrow_rows.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace {

inline double low_part(double a, double m, double s) { return std::isfinite(s) ? math::sum_error(a, -m, s) : 0.0; }

// Neumaier sum step: adds v to (sum, comp).
inline void compensated_add(double& sum, double& comp, double v) {
  const double t = sum + v;
  comp += std::fabs(sum) >= std::fabs(v) ? (sum - t) + v : (v - t) + sum;
  sum = t;
}

template <class T>
std::size_t arg_max(const T* x, std::size_t cols) {
  std::size_t k = 0;
  for (std::size_t j = 1; j < cols; ++j) {
    if (x[j] > x[k] || x[j] != x[j]) k = j;  // a NaN wins, so the row becomes NaN
  }
  return k;
}

// Sum of exp(x[j] - m) over j != skip; stores every exp into `exps` when given.
template <class T>
double sum_of_others(const T* x, std::size_t cols, double m, std::size_t skip, T* exps) {
  double sum = 0, comp = 0;
  for (std::size_t j = 0; j < cols; ++j) {
    const double xj = x[j];
    const double s = xj - m;
    const double e = std::exp(s) * (1 + low_part(xj, m, s));
    if (exps) exps[j] = static_cast<T>(e);
    if (j != skip) compensated_add(sum, comp, e);
  }
  return sum + comp;
}

// Rows go to threads whole; a row is worth about cols exps.
template <class RowFn>
void for_each_row(std::size_t rows, std::size_t cols, RowFn&& row) {
  const std::size_t grain = kGrainTranscendental / cols + 1;
  parallel_for(rows, grain, 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t r = begin; r < end; ++r) row(r * cols);
  });
}

template <class T>
void softmax_row(const T* x, T* out, std::size_t cols) {
  const std::size_t k = arg_max(x, cols);
  const double total = 1 + sum_of_others(x, cols, static_cast<double>(x[k]), k, out);
  for (std::size_t j = 0; j < cols; ++j) out[j] = static_cast<T>(static_cast<double>(out[j]) / total);
}

template <class T>
void log_softmax_row(const T* x, T* out, std::size_t cols) {
  const std::size_t k = arg_max(x, cols);
  const double m = x[k];
  const double log_total = std::log1p(sum_of_others<T>(x, cols, m, k, nullptr));
  for (std::size_t j = 0; j < cols; ++j) {
    const double xj = x[j];
    const double s = xj - m;
    out[j] = static_cast<T>(s - log_total + low_part(xj, m, s));
  }
}

template <class T>
void softmax_backward_row(const T* y, const T* dy, T* out, std::size_t cols) {
  double dot = 0, comp = 0;
  for (std::size_t j = 0; j < cols; ++j) compensated_add(dot, comp, static_cast<double>(y[j]) * dy[j]);
  dot += comp;
  for (std::size_t j = 0; j < cols; ++j) out[j] = static_cast<T>(static_cast<double>(y[j]) * (dy[j] - dot));
}

// Float32 rows in float32 lanes where the target has them (narrow_rows.h), else the rows above.
template <class T>
constexpr bool kNarrowRows = std::is_same_v<T, float> && (Vec<float>::N > 1);

// Float64 rows in double lanes where the target has them (double_rows.h).
template <class T>
constexpr bool kDoubleRows = std::is_same_v<T, double> && (Vec<double>::N > 1);

template <class T>
void softmax(const T* x, T* out, std::size_t rows, std::size_t cols) {
  for_each_row(rows, cols, [=](std::size_t offset) {
    if constexpr (kNarrowRows<T>) {
      if (srows::softmax_row(x + offset, out + offset, cols)) return;
    }
    if constexpr (kDoubleRows<T>) {
      if (drows::double_softmax_row<false>(x + offset, out + offset, cols)) return;
    }
    softmax_row(x + offset, out + offset, cols);
  });
}

template <class T>
void log_softmax(const T* x, T* out, std::size_t rows, std::size_t cols) {
  for_each_row(rows, cols, [=](std::size_t offset) {
    if constexpr (kNarrowRows<T>) {
      if (srows::log_softmax_row(x + offset, out + offset, cols)) return;
    }
    if constexpr (kDoubleRows<T>) {
      if (drows::double_softmax_row<true>(x + offset, out + offset, cols)) return;
    }
    log_softmax_row(x + offset, out + offset, cols);
  });
}

template <class T>
void softmax_backward(const T* y, const T* dy, T* out, std::size_t rows, std::size_t cols) {
  for_each_row(rows, cols, [=](std::size_t offset) {
    if constexpr (kNarrowRows<T>) {
      if (srows::softmax_backward_row(y + offset, dy + offset, out + offset, cols)) return;
    }
    if constexpr (kDoubleRows<T>) {
      if (drows::double_softmax_backward_row(y + offset, dy + offset, out + offset, cols)) return;
    }
    softmax_backward_row(y + offset, dy + offset, out + offset, cols);
  });
}

template <class T>
void fill(TypedKernels<T>& k) {
  k.softmax = softmax<T>;
  k.log_softmax = log_softmax<T>;
  k.softmax_backward = softmax_backward<T>;
}

}  // namespace

void register_softmax_kernels(KernelTable& table) {
  fill(table.f32);
  fill(table.f64);
}

}  // namespace ACTFN_TARGET
}  // namespace actfn
