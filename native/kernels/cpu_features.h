// What the CPU and the operating system together allow: an instruction set counts only when the
// CPU reports it (cpuid) and the OS saves its registers on context switch (xgetbv).
#pragma once

namespace actfn {

enum class Isa : int { scalar = 0, avx2 = 1, avx512 = 2 };

const char* isa_name(Isa isa);

// The best instruction set usable here (AVX2 requires FMA too; AVX-512 requires F, DQ, BW, VL).
Isa detect_best_isa();

}  // namespace actfn
