// The GEMM of one target, for the other kernel families of the same target that compose it (the
// dense layer's backward pass); everyone else calls it through the kernel table. And its
// one-column case.
#pragma once

#include "../kernels.h"

namespace actfn {
namespace ACTFN_TARGET {

void gemm(const GemmShape& s, const float* a, const float* b, float* c, const GemmEpilogue& e);

// The product of a one-column op(B) (s.n == 1), without the epilogue (gemv.cc).
void gemv(const GemmShape& s, const float* a, const float* b, float* c);

}  // namespace ACTFN_TARGET
}  // namespace actfn
