#include "cpu_features.h"

#if defined(__x86_64__) || defined(_M_X64)
#if defined(_MSC_VER)
#include <intrin.h>
#else
#include <cpuid.h>
#endif
#include <cstdint>
#endif

namespace actfn {

const char* isa_name(Isa isa) {
  switch (isa) {
    case Isa::avx512: return "avx512";
    case Isa::avx2: return "avx2";
    case Isa::neon: return "neon";
    default: return "scalar";
  }
}

int isa_rank(Isa isa) {
  switch (isa) {
    case Isa::avx512: return 2;
    case Isa::avx2:
    case Isa::neon: return 1;
    default: return 0;
  }
}

#if defined(__x86_64__) || defined(_M_X64)
namespace {

void cpuid(unsigned leaf, unsigned subleaf, unsigned regs[4]) {
#if defined(_MSC_VER)
  int r[4];
  __cpuidex(r, static_cast<int>(leaf), static_cast<int>(subleaf));
  for (int i = 0; i < 4; ++i) regs[i] = static_cast<unsigned>(r[i]);
#else
  __cpuid_count(leaf, subleaf, regs[0], regs[1], regs[2], regs[3]);
#endif
}

std::uint64_t xgetbv0() {
#if defined(_MSC_VER)
  return _xgetbv(0);
#else
  unsigned lo, hi;
  __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
  return (static_cast<std::uint64_t>(hi) << 32) | lo;
#endif
}

bool bit(unsigned reg, int n) { return (reg >> n) & 1u; }

}  // namespace

Isa detect_best_isa() {
  unsigned r[4];
  cpuid(0, 0, r);
  const unsigned max_leaf = r[0];
  if (max_leaf < 7) return Isa::scalar;
  cpuid(1, 0, r);
  const bool osxsave = bit(r[2], 27), avx = bit(r[2], 28), fma = bit(r[2], 12);
  if (!osxsave || !avx) return Isa::scalar;
  const std::uint64_t xcr0 = xgetbv0();
  const bool os_ymm = (xcr0 & 0x6) == 0x6;     // SSE and AVX state
  const bool os_zmm = (xcr0 & 0xE6) == 0xE6;   // plus opmask and both ZMM halves
  cpuid(7, 0, r);
  const unsigned ebx = r[1];
  const bool avx2 = bit(ebx, 5);
  const bool avx512 = bit(ebx, 16) && bit(ebx, 17) && bit(ebx, 30) && bit(ebx, 31);  // F DQ BW VL
  if (os_zmm && avx512 && avx2 && fma) return Isa::avx512;
  if (os_ymm && avx2 && fma) return Isa::avx2;
  return Isa::scalar;
}
#elif defined(__aarch64__) || defined(_M_ARM64)
Isa detect_best_isa() { return Isa::neon; }  // Advanced SIMD is part of the AArch64 base architecture
#else
Isa detect_best_isa() { return Isa::scalar; }
#endif

}  // namespace actfn
