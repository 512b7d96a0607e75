// Chooses the kernel table once: the best target that was compiled in and that this CPU and OS
// support, or a lower one when ACTFN_SIMD asks for it (for tests and comparisons).
#include <cstdlib>
#include <cstring>
#include <initializer_list>

#include "cpu_features.h"

#include "targets.h"

namespace actfn {

namespace {

// Targets compiled into this build, lowest first (CMake compiles the x86 ones on x86-64 only).
constexpr Isa kCompiledTargets[] = {
    Isa::scalar,
#ifdef ACTFN_HAVE_AVX2
    Isa::avx2,
#endif
#ifdef ACTFN_HAVE_AVX512
    Isa::avx512,
#endif
};

using Register = void (*)(KernelTable&);

// One target's registrations, in the order they fill the table.
void fill(KernelTable& table, std::initializer_list<Register> registrations) {
  for (Register r : registrations) r(table);
}

void register_target(Isa isa, KernelTable& table) {
  switch (isa) {
#ifdef ACTFN_HAVE_AVX512
    case Isa::avx512:
      fill(table, {avx512::register_activation_kernels, avx512::register_softmax_kernels, avx512::register_gemm_kernels,
                    avx512::register_training_kernels});
      break;
#endif
#ifdef ACTFN_HAVE_AVX2
    case Isa::avx2:
      fill(table, {avx2::register_activation_kernels, avx2::register_softmax_kernels, avx2::register_gemm_kernels,
                    avx2::register_training_kernels});
      break;
#endif
    default:
      fill(table, {scalar::register_activation_kernels, scalar::register_softmax_kernels, scalar::register_gemm_kernels,
                    scalar::register_training_kernels});
      break;
  }
  table.isa = isa_name(isa);
}

Isa requested_ceiling() {
  const char* env = std::getenv("ACTFN_SIMD");
  if (env == nullptr || *env == '\0') return Isa::avx512;
  if (std::strcmp(env, "scalar") == 0) return Isa::scalar;
  if (std::strcmp(env, "avx2") == 0) return Isa::avx2;
  return Isa::avx512;
}

KernelTable build_table() {
  const Isa best = detect_best_isa();
  const Isa ceiling = requested_ceiling();
  Isa chosen = Isa::scalar;
  for (Isa t : kCompiledTargets) {
    if (static_cast<int>(t) <= static_cast<int>(best) && static_cast<int>(t) <= static_cast<int>(ceiling)) chosen = t;
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
