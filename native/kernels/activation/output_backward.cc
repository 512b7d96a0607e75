// backward_from_output kernels for one target: out = dy * f'(y) over the activations that list a
// derivative of their output (ACTFN_OUTPUT_DERIVATIVES, generated from the manifest). Memory-bound,
// so threads get the cheap grain and large outputs are written with streaming stores.
#include "../parallel.h"
#include "../targets.h"
#include "output_derivatives.h"
#include "vector_loop.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace {

template <class Op, class T>
void backward_from_output(const T* y, const T* dy, T* out, std::size_t n) {
  constexpr std::size_t N = Vec<T>::N;
  const bool stream_out = streams(y, dy, out, n);
  parallel_for(n, kGrainCheap, kChunkAlign, [=](std::size_t begin, std::size_t end) {
    const auto at = [&](std::size_t j) ACTFN_INLINE_LAMBDA { return Op::template backward<T>(load(y + j), load(dy + j)); };
    std::size_t i = vector_loop(at, out, begin, begin, end, stream_out);
    if (i < end) {  // a chunk shorter than one vector: the same expression on a padded copy
      T ys[N] = {}, dys[N] = {}, r[N];
      for (std::size_t l = 0; l < end - i; ++l) ys[l] = y[i + l], dys[l] = dy[i + l];
      store(r, Op::template backward<T>(load(ys), load(dys)));
      for (std::size_t l = 0; i < end; ++l, ++i) out[i] = r[l];
    }
  });
}

template <class T>
void fill(TypedKernels<T>& k) {
#define ACTFN_REGISTER(name, type) \
  k.backward_from_output[static_cast<int>(Activation::name)] = backward_from_output<output_derivatives::type, T>;
  ACTFN_OUTPUT_DERIVATIVES(ACTFN_REGISTER)
#undef ACTFN_REGISTER
}

}  // namespace

void register_output_backward_kernels(KernelTable& table) {
  fill(table.f32);
  fill(table.f64);
}

}  // namespace ACTFN_TARGET
}  // namespace actfn
