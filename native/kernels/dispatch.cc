// Chooses the kernel table once: the best target that was compiled in and that this CPU and OS
// support, or a lower one when ACTFN_SIMD asks for it (for tests and comparisons).
#include <cstdlib>
#include <cstring>

#include "cpu_features.h"

#include "targets.h"

namespace actfn {

namespace {

// Targets compiled into this build, lowest first (CMake compiles the x86 ones on x86-64 only, neon
// on AArch64 only).
constexpr Isa kCompiledTargets[] = {
    Isa::scalar,
#ifdef ACTFN_HAVE_AVX2
    Isa::avx2,
#endif
#ifdef ACTFN_HAVE_AVX512
    Isa::avx512,
#endif
#ifdef ACTFN_HAVE_NEON
    Isa::neon,
#endif
};

#define ACTFN_REGISTER_FAMILY(target, family) target::register_##family##_kernels(table);
#define ACTFN_REGISTER_SCALAR(family) ACTFN_REGISTER_FAMILY(scalar, family)
#define ACTFN_REGISTER_AVX2(family) ACTFN_REGISTER_FAMILY(avx2, family)
#define ACTFN_REGISTER_AVX512(family) ACTFN_REGISTER_FAMILY(avx512, family)
#define ACTFN_REGISTER_NEON(family) ACTFN_REGISTER_FAMILY(neon, family)

// Fills the table with every kernel family (targets.h) of one target.
void register_target(Isa isa, KernelTable& table) {
  switch (isa) {
#ifdef ACTFN_HAVE_AVX512
    case Isa::avx512:
      ACTFN_KERNEL_FAMILIES(ACTFN_REGISTER_AVX512)
      break;
#endif
#ifdef ACTFN_HAVE_AVX2
    case Isa::avx2:
      ACTFN_KERNEL_FAMILIES(ACTFN_REGISTER_AVX2)
      break;
#endif
#ifdef ACTFN_HAVE_NEON
    case Isa::neon:
      ACTFN_KERNEL_FAMILIES(ACTFN_REGISTER_NEON)
      break;
#endif
    default:
      ACTFN_KERNEL_FAMILIES(ACTFN_REGISTER_SCALAR)
      break;
  }
  table.isa = isa_name(isa);
}

// The highest rank (isa_rank) ACTFN_SIMD allows: scalar 0, avx2 or neon 1, anything else no limit.
int requested_ceiling() {
  const char* env = std::getenv("ACTFN_SIMD");
  if (env == nullptr || *env == '\0') return 2;
  if (std::strcmp(env, "scalar") == 0) return 0;
  if (std::strcmp(env, "avx2") == 0 || std::strcmp(env, "neon") == 0) return 1;
  return 2;
}

KernelTable build_table() {
  const Isa best = detect_best_isa();
  const int ceiling = requested_ceiling();
  Isa chosen = Isa::scalar;
  for (Isa t : kCompiledTargets) {
    if (isa_rank(t) <= isa_rank(best) && isa_rank(t) <= ceiling) chosen = t;
  }
  KernelTable table{};
  register_target(chosen, table);
  return table;
}

}  // namespace

const KernelTable& kernel_table() {
  static const KernelTable table = build_table();  // thread-safe, built on first use
  return table;
}

const char* activation_name(int index) {
  static const char* const names[] = {
#define ACTFN_NAME(name, type, cost) #name,
      ACTFN_ACTIVATIONS(ACTFN_NAME)
#undef ACTFN_NAME
  };
  return index >= 0 && index < kActivationCount ? names[index] : nullptr;
}

}  // namespace actfn
