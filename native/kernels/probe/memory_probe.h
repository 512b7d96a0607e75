// The physical limit the benchmarks compare against: how fast this machine moves memory with the
// same threading as the kernels (parallel_for, same grain and chunking). Not part of the API.
#pragma once

#include <cstddef>

namespace actfn {
namespace probe {

// out = x: one read stream, one write stream, like an out-of-place unary kernel.
template <class T>
void copy(const T* x, T* out, std::size_t n);

// out = x + y: two read streams, one write stream, like a backward kernel.
template <class T>
void add(const T* x, const T* y, T* out, std::size_t n);

}  // namespace probe
}  // namespace actfn
