// The one place that decides how many threads a kernel call uses.
//
// Model: a call splits across OpenMP threads only when it is large enough to pay for waking them
// (its grain, measured per cost class in bench/), never when already inside a parallel region, and
// each concurrent caller (e.g. several worker_threads) gets an equal share of the thread budget,
// so N callers never run more than max(budget, N) threads between them.
#pragma once

#include <atomic>
#include <cstddef>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace actfn {

// Smallest call worth splitting, in elements, by cost per element (bench/ measures these: below
// them a thread wake-up costs more than the work it takes over).
constexpr std::size_t kGrainCheap = std::size_t{1} << 16;          // compares and multiplies
constexpr std::size_t kGrainTranscendental = std::size_t{1} << 12;  // exp, log, erfc per element

// Outputs at least this large are written with non-temporal (streaming) stores by memory-bound
// kernels: measured here (AMD EPYC, 2 threads, relu over float32), streaming wins from 8e6 elements
// (32 MiB: 5.1 vs 3.5 el/ns on 1 thread, 6.7 vs 5.8 on 2) and loses at 4e6 on 2 threads (7.2 vs 10.7),
// where the output still fits the cache.
constexpr std::size_t kStreamBytes = std::size_t{32} << 20;

// Elements per cache line of the smaller element type: chunk boundaries fall on lines.
constexpr std::size_t kChunkAlign = 16;

// How a parallel call is cut (see parallel_for): each claim takes 1/kClaimShare of what is left
// per thread, but no more than 1/kLargestShare and no less than 1/kSmallestShare of a thread's
// share of the call.
constexpr std::size_t kClaimShare = 2;
constexpr std::size_t kLargestShare = 8;
constexpr std::size_t kSmallestShare = 32;

// The thread budget (setNumThreads); 1 until the addon sets it, and always 1 in a build without
// OpenMP (Apple's clang has none, or ACTFN_NO_OPENMP=1): there every call runs on the calling thread.
void set_max_threads(int n);
int max_threads();

// Whether the kernels were compiled with OpenMP (backendInfo().openmp).
bool openmp_enabled();

namespace parallel_detail {
std::atomic<int>& active_callers();
}

// Calls body(begin, end) over contiguous chunks of [0, n), each a multiple of `align` elements
// (so threads do not share cache lines), on up to max_threads() threads, each chunk exactly once.
template <class Body>
void parallel_for(std::size_t n, std::size_t grain, std::size_t align, Body&& body) {
#ifdef _OPENMP
  const int budget = max_threads();
  if (n >= grain && budget > 1 && !omp_in_parallel()) {
    const int callers = ++parallel_detail::active_callers();
    int threads = budget / callers;
    const std::size_t useful = n / grain;  // no thread gets less than one grain
    if (static_cast<std::size_t>(threads) > useful) threads = static_cast<int>(useful);
    if (threads > 1) {
      // Work is claimed from a shared position in pieces of at most 1/8 of a thread's share,
      // rather than one fixed share each: a thread that wakes late or is preempted (another
      // process, a VM's neighbour) then takes less instead of holding everyone at the closing
      // barrier. Near the end the pieces shrink (half of what is left per thread, down to 1/32
      // of a share), so the threads finish close together: with pieces of 1/8 throughout, one
      // thread sat idle for half a piece on average. Outputs are disjoint per piece, so which
      // thread runs which piece never changes a result.
      const std::size_t t = static_cast<std::size_t>(threads);
      const std::size_t smallest = ((n / (t * kSmallestShare)) / align + 1) * align;  // never 0
      const std::size_t largest = ((n / (t * kLargestShare)) / align + 1) * align;
      std::atomic<std::size_t> next{0};
#pragma omp parallel num_threads(threads)
      {
        std::size_t begin = next.load(std::memory_order_relaxed);
        while (begin < n) {
          std::size_t size = (n - begin) / (t * kClaimShare) / align * align;
          if (size > largest) size = largest;
          if (size < smallest) size = smallest;
          const std::size_t end = n - begin > size ? begin + size : n;
          if (next.compare_exchange_weak(begin, end, std::memory_order_relaxed)) {
            body(begin, end);
            begin = next.load(std::memory_order_relaxed);
          }
        }
      }
      --parallel_detail::active_callers();
      return;
    }
    --parallel_detail::active_callers();
  }
#else
  (void)grain;
  (void)align;
#endif
  body(std::size_t{0}, n);
}

}  // namespace actfn
