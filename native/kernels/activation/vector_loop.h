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
// where it stopped: a head up to the output's vector alignment, whole aligned vectors (streaming
// stores when asked), then the remainder from the full vector ending at `end` if the chunk holds one.
template <class T, class At>
std::size_t vector_loop(const At& at, T* out, std::size_t i, const std::size_t begin, const std::size_t end, bool stream_out) {
  constexpr std::size_t N = Vec<T>::N;
  // Typed arrays from large allocations start 16 bytes into a page, so a vector store would split
  // two cache lines every time (bench/: relu at 1e6 from 10.5 to ~12 el/ns on one thread, 64-byte
  // vectors). The head comes from a full vector (the same values the loop would give) and only
  // its first lanes are written, which keeps in-place calls right.
  const std::size_t misaligned = reinterpret_cast<std::uintptr_t>(out + i) % sizeof(Vec<T>) / sizeof(T);
  if (misaligned != 0 && end - i >= 2 * N) {
    T head[N];
    store(head, at(i));
    const std::size_t peel = N - misaligned;
    for (std::size_t l = 0; l < peel; ++l) out[i + l] = head[l];
    i += peel;
  }
  if (stream_out) {
    // Non-temporal stores: the output goes to memory without first being read into cache.
    for (; i + N <= end; i += N) stream(out + i, at(i));
    stream_fence();
  }
  // Four independent vectors per iteration, so their latency chains and loads overlap.
  for (; i + 4 * N <= end; i += 4 * N) {
    const Vec<T> a = at(i), b = at(i + N), c = at(i + 2 * N), d = at(i + 3 * N);
    store(out + i, a);
    store(out + i + N, b);
    store(out + i + 2 * N, c);
    store(out + i + 3 * N, d);
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
