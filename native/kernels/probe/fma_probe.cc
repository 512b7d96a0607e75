// FMA-peak probe for one target (compiled once per instruction set, see fma_probe.h). Independent
// chains: an FMA has a latency of about 4 cycles and up to 2 issue per cycle on current x86 cores
// (Zen 4, Ice Lake, Sapphire Rapids), so at least 8 chains must be in flight; we run 16 with
// AVX-512 (32 registers) and 12 with AVX2 (16 registers, 2 hold the constants).
#include "fma_probe.h"

#include "../simd/vec.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace {

#if defined(ACTFN_TARGET_AVX512)
constexpr std::size_t kAccumulators = 16;
#elif defined(ACTFN_TARGET_AVX2)
constexpr std::size_t kAccumulators = 12;
#else
constexpr std::size_t kAccumulators = 16;
#endif

template <class T>
double chains(std::size_t iterations) {
  // a -> a * m + c converges to c / (1 - m), about 1e4: no overflow, no subnormals
  const Vec<T> m = set<T>(static_cast<T>(0.9999999));
  const Vec<T> c = set<T>(static_cast<T>(1e-3));
  Vec<T> acc[kAccumulators];
#pragma GCC unroll 16
  for (std::size_t j = 0; j < kAccumulators; ++j) acc[j] = set<T>(static_cast<T>(j));
  for (std::size_t i = 0; i < iterations; ++i) {
#pragma GCC unroll 16
    for (std::size_t j = 0; j < kAccumulators; ++j) {
      if constexpr (Vec<T>::N > 1) {
        acc[j] = fma(acc[j], m, c);
      } else {
        acc[j] = acc[j] * m + c;  // -ffp-contract=off: a multiply and an add
      }
    }
  }
  Vec<T> sum = acc[0];
  for (std::size_t j = 1; j < kAccumulators; ++j) sum = sum + acc[j];
  T lanes[Vec<T>::N];
  store(lanes, sum);
  double total = 0;
  for (int k = 0; k < Vec<T>::N; ++k) total += static_cast<double>(lanes[k]);
  return total;
}

}  // namespace

double fma_chains_f32(std::size_t iterations) { return chains<float>(iterations); }
double fma_chains_f64(std::size_t iterations) { return chains<double>(iterations); }

probe::FmaShape fma_shape(bool f64) {
  const std::size_t lanes = f64 ? Vec<double>::N : Vec<float>::N;
  return {lanes, kAccumulators, 2 * lanes * kAccumulators};
}

}  // namespace ACTFN_TARGET
}  // namespace actfn
