// The vector loop every elementwise kernel shares: whole vectors of a chunk, streaming stores for
// large outputs, and the remainder from the full vector that ends the chunk.
#pragma once

#include <cstddef>
#include <cstdint>

#include "../parallel.h"
#include "../simd/vec.h"

namespace actfn {
namespace ACTFN_TARGET {

// Whether a memory-bound pass writes with streaming stores: a large output that is not an input.
template <class T>
bool streams(const T* x, const T* dy, const T* out, std::size_t n) {
  return n * sizeof(T) >= kStreamBytes && out != x && out != dy;
}

// Writes at(j) (the Vec<T> of results for elements j..j+N) over [i, end) of one chunk and returns
// where it stopped: whole vectors, with streaming stores when asked, then the remainder from the
// full vector ending at `end` if the chunk holds one.
template <class T, class At>
std::size_t vector_loop(const At& at, T* out, std::size_t i, const std::size_t begin, const std::size_t end, bool stream_out) {
  constexpr std::size_t N = Vec<T>::N;
  if (stream_out && end - i >= 2 * N) {
    // Head up to vector alignment from a full vector (same values as the aligned loop), then
    // non-temporal stores: the output goes to memory without first being read into cache.
    const std::size_t misaligned = reinterpret_cast<std::uintptr_t>(out + i) % sizeof(Vec<T>) / sizeof(T);
    if (misaligned != 0) {
      T head[N];
      store(head, at(i));
      const std::size_t peel = N - misaligned;
      for (std::size_t l = 0; l < peel; ++l) out[i + l] = head[l];
      i += peel;
    }
    for (; i + N <= end; i += N) stream(out + i, at(i));
    stream_fence();
  }
  for (; i + N <= end; i += N) store(out + i, at(i));
  if (i < end && end - begin >= N) {
    // Every element of a chunk gets the vector form's value wherever the vectors happen to start.
    // In place, the earlier lanes of that vector were already overwritten; only the remainder is kept.
    T last[N];
    store(last, at(end - N));
    for (; i < end; ++i) out[i] = last[i - (end - N)];
  }
  return i;
}

}  // namespace ACTFN_TARGET
}  // namespace actfn
