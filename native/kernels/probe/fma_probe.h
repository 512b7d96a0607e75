// The compute limit the benchmarks compare against: fused multiply-adds per second on independent
// chains, per instruction-set target. Bench-only (the actfn_bench addon), never in the shipped one.
#pragma once

#include <cstddef>

namespace actfn {
namespace probe {

// What one call of a target's fma_chains does per iteration: floating-point operations (an FMA
// counts two), so GFLOP/s = iterations * flops_per_iteration / seconds.
struct FmaShape {
  std::size_t lanes;         // elements per vector register
  std::size_t accumulators;  // independent chains (enough to cover FMA latency x FMA ports)
  std::size_t flops_per_iteration;
};

}  // namespace probe

// Each target (compiled with its own flags, like the kernels) runs `iterations` rounds of
// `accumulators` independent a = a * m + c chains in T and returns a value that depends on all of
// them, so nothing is optimized away. The scalar target has no FMA in its baseline (x86-64 v1):
// it runs a multiply and an add, as the compiler emits them, and counts two operations as well.
#define ACTFN_DECLARE_FMA_PROBE(target)                                    \
  namespace target {                                                       \
  double fma_chains_f32(std::size_t iterations);                           \
  double fma_chains_f64(std::size_t iterations);                           \
  probe::FmaShape fma_shape(bool f64);                                     \
  }

ACTFN_DECLARE_FMA_PROBE(scalar)
ACTFN_DECLARE_FMA_PROBE(avx2)
ACTFN_DECLARE_FMA_PROBE(avx512)
ACTFN_DECLARE_FMA_PROBE(neon)
#undef ACTFN_DECLARE_FMA_PROBE

}  // namespace actfn
