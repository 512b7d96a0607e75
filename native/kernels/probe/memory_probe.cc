#include "memory_probe.h"

#include <cstring>

#include "../parallel.h"

namespace actfn {
namespace probe {

template <class T>
void copy(const T* x, T* out, std::size_t n) {
  parallel_for(n, kGrainCheap, kChunkAlign, [=](std::size_t begin, std::size_t end) {
    std::memcpy(out + begin, x + begin, (end - begin) * sizeof(T));
  });
}

template <class T>
void add(const T* x, const T* y, T* out, std::size_t n) {
  parallel_for(n, kGrainCheap, kChunkAlign, [=](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) out[i] = x[i] + y[i];
  });
}

template void copy<float>(const float*, float*, std::size_t);
template void copy<double>(const double*, double*, std::size_t);
template void add<float>(const float*, const float*, float*, std::size_t);
template void add<double>(const double*, const double*, double*, std::size_t);

}  // namespace probe
}  // namespace actfn
