// A dense layer's backward pass in one call, for one target (the native twin of
// src/backend/js/dense.ts): dZ = dY f'(Z), dW = X^T dZ, db = the column sums of dZ and dX = dZ W^T.
// One call instead of four from JavaScript (each crossing costs about a microsecond, as much as a
// 32 x 64 x 32 product), and db as a pass over dZ instead of a GEMM with a ones vector.
#include <algorithm>

#include "../gemm/gemm.h"
#include "../targets.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace {

// out[j] = sum over the rows of m[i][j], row by row in float32 (the loop vectorizes over j).
void column_sums(const float* m, std::size_t rows, std::size_t cols, float* out) {
  std::fill(out, out + cols, 0.0f);
  for (std::size_t i = 0; i < rows; ++i) {
    const float* row = m + i * cols;
    for (std::size_t j = 0; j < cols; ++j) out[j] += row[j];
  }
}

void dense_backward(const DenseShape& s, const DenseBackwardArgs& a) {
  const float* dz = a.dy;
  if (a.activation) {
    a.activation(a.z, a.dy, a.dz, s.batch * s.units, a.params);
    dz = a.dz;
  }
  const GemmEpilogue none{};
  gemm(GemmShape{s.inputs, s.units, s.batch, true, false, 1.0f, 0.0f}, a.x, dz, a.dw, none);
  if (a.db) column_sums(dz, s.batch, s.units, a.db);
  if (a.dx) gemm(GemmShape{s.batch, s.inputs, s.units, false, true, 1.0f, 0.0f}, dz, a.w, a.dx, none);
}

}  // namespace

void register_dense_kernels(KernelTable& table) { table.dense_backward_f32 = dense_backward; }

}  // namespace ACTFN_TARGET
}  // namespace actfn
