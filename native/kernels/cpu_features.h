// What the CPU and the operating system together allow: an instruction set counts only when the
// CPU reports it (cpuid) and the OS saves its registers on context switch (xgetbv).
#pragma once

namespace actfn {

// The instruction sets by family: x86-64 (scalar < avx2 < avx512) and AArch64 (scalar < neon). A
// build compiles one family; isa_rank orders a family's members for ACTFN_SIMD's ceiling.
enum class Isa : int { scalar = 0, avx2 = 1, avx512 = 2, neon = 3 };

int isa_rank(Isa isa);

const char* isa_name(Isa isa);

// The best instruction set usable here (AVX2 requires FMA too; AVX-512 requires F, DQ, BW, VL;
// AArch64 always has NEON).
Isa detect_best_isa();

}  // namespace actfn
