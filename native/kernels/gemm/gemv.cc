// C (m x 1) = alpha op(A) b + beta C for one target: the one-column products of a network's output
// layer (Z = X w + b forward, dw = X^T dZ backward). The GEMM's tiles are NR columns wide, so on
// one column they computed 31 or 63 padded lanes for each useful one; here the lanes run along
// the rows (A stored k x m) or along k (A stored m x k), and each sum is rounded once into C.
#include <algorithm>

#include "../simd/vec.h"
#include "../targets.h"
#include "gemm.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace {

using V = Vec<float>;
constexpr std::size_t kRows = 256;  // rows summed at a time into a stack buffer

float joined(float sum, float old, const GemmShape& s) { return s.beta == 0 ? s.alpha * sum : s.beta * old + s.alpha * sum; }

// A stored k x m: sums[i] = sum_p A[p][i] b[p], vectors along i.
void rows_of_transposed(const GemmShape& s, const float* a, const float* b, float* c) {
  float sums[kRows];
  for (std::size_t i0 = 0; i0 < s.m; i0 += kRows) {
    const std::size_t rows = std::min(kRows, s.m - i0);
    std::fill(sums, sums + rows, 0.0f);
    for (std::size_t p = 0; p < s.k; ++p) {
      const float* row = a + p * s.m + i0;
      const V bp = set<float>(b[p]);
      std::size_t i = 0;
      for (; i + V::N <= rows; i += V::N) store(sums + i, fma(load(row + i), bp, load(sums + i)));
      for (; i < rows; ++i) sums[i] += row[i] * b[p];
    }
    for (std::size_t i = 0; i < rows; ++i) c[i0 + i] = joined(sums[i], c[i0 + i], s);
  }
}

// A stored m x k: each row's dot product with b, vectors along k.
void rows_of_stored(const GemmShape& s, const float* a, const float* b, float* c) {
  for (std::size_t i = 0; i < s.m; ++i) {
    const float* row = a + i * s.k;
    V acc = set<float>(0);
    std::size_t p = 0;
    for (; p + V::N <= s.k; p += V::N) acc = fma(load(row + p), load(b + p), acc);
    float lanes[V::N];
    store(lanes, acc);
    float sum = 0;
    for (float lane : lanes) sum += lane;
    for (; p < s.k; ++p) sum += row[p] * b[p];
    c[i] = joined(sum, c[i], s);
  }
}

}  // namespace

void gemv(const GemmShape& s, const float* a, const float* b, float* c) {
  // b is op(B)'s one column: B's k values in order, stored k x 1 or (transposed) 1 x k
  if (s.trans_a) {
    rows_of_transposed(s, a, b, c);
  } else {
    rows_of_stored(s, a, b, c);
  }
}

}  // namespace ACTFN_TARGET
}  // namespace actfn
