// Per-ISA compilation: each kernel source is compiled once per target with that target's flags
// (see CMakeLists.txt), and everything it defines lives in namespace actfn::<target>, so no two
// targets share a symbol. CMake defines ACTFN_TARGET to the target's name for each copy.
#pragma once

#include "kernels.h"

namespace actfn {

// Each kernel family's registration, in the order they fill the table: one line per family here,
// and dispatch.cc calls them all for the chosen target.
#define ACTFN_KERNEL_FAMILIES(X) X(activation) X(output_backward) X(softmax) X(gemm) X(dense) X(loss) X(optimizer)

#define ACTFN_DECLARE_REGISTRATION(family) void register_##family##_kernels(KernelTable& table);
#define ACTFN_DECLARE_TARGET(target)                                                               \
  namespace target {                                                                               \
  ACTFN_KERNEL_FAMILIES(ACTFN_DECLARE_REGISTRATION)                                                \
  }

ACTFN_DECLARE_TARGET(scalar)
ACTFN_DECLARE_TARGET(avx2)
ACTFN_DECLARE_TARGET(avx512)
ACTFN_DECLARE_TARGET(neon)
#undef ACTFN_DECLARE_TARGET
#undef ACTFN_DECLARE_REGISTRATION

}  // namespace actfn
