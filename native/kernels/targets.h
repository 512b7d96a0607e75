// Per-ISA compilation: each kernel source is compiled once per target with that target's flags
// (see CMakeLists.txt), and everything it defines lives in namespace actfn::<target>, so no two
// targets share a symbol. CMake defines ACTFN_TARGET to the target's name for each copy.
#pragma once

#include "kernels.h"

namespace actfn {

#define ACTFN_DECLARE_TARGET(target)                                                               \
  namespace target {                                                                               \
  void register_activation_kernels(KernelTable& table);                                            \
  void register_softmax_kernels(KernelTable& table);                                               \
  void register_gemm_kernels(KernelTable& table);                                                  \
  void register_training_kernels(KernelTable& table);                                              \
  }

ACTFN_DECLARE_TARGET(scalar)
ACTFN_DECLARE_TARGET(avx2)
ACTFN_DECLARE_TARGET(avx512)
#undef ACTFN_DECLARE_TARGET

}  // namespace actfn
