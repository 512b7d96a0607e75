// Elementwise activation kernels for one target (compiled once per ISA; see targets.h).
// This target evaluates every element through the scalar float64 ops; wider targets replace
// these loops with vector code and fall back to the same ops for their tails.
#include "../parallel.h"
#include "../targets.h"
#include "scalar_ops.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace {

template <class Op, class T, std::size_t Grain>
void forward(const T* x, T* out, std::size_t n, ActivationParams p) {
  parallel_for(n, Grain, kChunkAlign, [=](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) out[i] = static_cast<T>(Op::forward(static_cast<double>(x[i]), p));
  });
}

template <class Op, class T, std::size_t Grain>
void derivative(const T* x, T* out, std::size_t n, ActivationParams p) {
  parallel_for(n, Grain, kChunkAlign, [=](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) out[i] = static_cast<T>(Op::derivative(static_cast<double>(x[i]), p));
  });
}

template <class Op, class T, std::size_t Grain>
void backward(const T* x, const T* dy, T* out, std::size_t n, ActivationParams p) {
  parallel_for(n, Grain, kChunkAlign, [=](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      out[i] = static_cast<T>(static_cast<double>(dy[i]) * Op::derivative(static_cast<double>(x[i]), p));
    }
  });
}

template <class T>
void fill(TypedKernels<T>& k) {
#define ACTFN_REGISTER(name, type, cost)                                                           \
  k.forward[static_cast<int>(Activation::name)] = forward<ops::type, T, kGrain##cost>;            \
  k.derivative[static_cast<int>(Activation::name)] = derivative<ops::type, T, kGrain##cost>;      \
  k.backward[static_cast<int>(Activation::name)] = backward<ops::type, T, kGrain##cost>;
  ACTFN_ACTIVATIONS(ACTFN_REGISTER)
#undef ACTFN_REGISTER
}

}  // namespace

void register_activation_kernels(KernelTable& table) {
  fill(table.f32);
  fill(table.f64);
}

}  // namespace ACTFN_TARGET
}  // namespace actfn
