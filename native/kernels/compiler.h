// Compiler-specific spellings behind macros, each with a fallback for compilers that lack the GNU
// extension (MSVC), so no kernel source uses a GNU-only construct directly: porting to another
// compiler is a matter of flags. GCC and clang (Apple's included) take the first branch.
//
//   ACTFN_INLINE            a function forced inline (`inline` where forcing is not available)
//   ACTFN_INLINE_LAMBDA     the same for a lambda (after its parameter list; empty where unsupported)
//   ACTFN_NOINLINE          a function never inlined
//   ACTFN_PREFETCH(p)       a read prefetch of p's cache line (no-op where unsupported)
//   ACTFN_PREFETCH_WRITE(p) a prefetch for writing (a read prefetch, or a no-op, elsewhere)
//   popcount(u)             set bits of an unsigned (C++17 has no std::popcount)
#pragma once

#if defined(_MSC_VER) && !defined(__clang__)
#include <intrin.h>
#define ACTFN_INLINE __forceinline
#define ACTFN_INLINE_LAMBDA
#define ACTFN_NOINLINE __declspec(noinline)
#if defined(_M_X64) || defined(_M_IX86)
#define ACTFN_PREFETCH(p) _mm_prefetch(reinterpret_cast<const char*>(p), _MM_HINT_T0)
#define ACTFN_PREFETCH_WRITE(p) _mm_prefetch(reinterpret_cast<const char*>(p), _MM_HINT_T0)
#else
#define ACTFN_PREFETCH(p) ((void)(p))
#define ACTFN_PREFETCH_WRITE(p) ((void)(p))
#endif
#elif defined(__GNUC__) || defined(__clang__)
// Kernel building blocks are forced inline: left to its heuristics, GCC outlines the larger ones
// (a sigmoid's exp, reciprocal and pair products) and every vector then pays a call with its
// vectors passed through the stack and a vzeroupper.
#define ACTFN_INLINE inline __attribute__((always_inline))
#define ACTFN_INLINE_LAMBDA __attribute__((always_inline))
#define ACTFN_NOINLINE __attribute__((noinline))
#define ACTFN_PREFETCH(p) __builtin_prefetch(p)
#define ACTFN_PREFETCH_WRITE(p) __builtin_prefetch(p, 1)
#else
#define ACTFN_INLINE inline
#define ACTFN_INLINE_LAMBDA
#define ACTFN_NOINLINE
#define ACTFN_PREFETCH(p) ((void)(p))
#define ACTFN_PREFETCH_WRITE(p) ((void)(p))
#endif

namespace actfn {

inline int popcount(unsigned v) {
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_popcount(v);
#else
  int n = 0;
  for (; v != 0; v &= v - 1) ++n;
  return n;
#endif
}

}  // namespace actfn
