// Elementwise activation kernels for one target (compiled once per ISA; see targets.h). Ops with a
// vector form (vector_ops.h) run it over whole vectors and their scalar float64 twin on the tail;
// the rest run the scalar twin throughout. Chunks handed to threads start on multiples of
// kChunkAlign, so which elements fall in the tail does not depend on the thread count.
#include <type_traits>

#include "../parallel.h"
#include "../targets.h"
#include "scalar_ops.h"
#include "vector_ops.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace {

// Whether Op runs vectorized for T on this target (never on the one-lane scalar target).
template <class Op, class T>
constexpr bool kVectorized = !std::is_void_v<typename VectorOf<Op>::type> && (Vec<T>::N > 1);

template <class Op, bool Derivative, class T, std::size_t Grain>
void unary(const T* x, T* out, std::size_t n, ActivationParams p) {
  parallel_for(n, Grain, kChunkAlign, [=](std::size_t begin, std::size_t end) {
    std::size_t i = begin;
    if constexpr (kVectorized<Op, T>) {
      using V = typename VectorOf<Op>::type;
      const vops::VecParams<T> vp(p);
      constexpr std::size_t N = Vec<T>::N;
      for (; i + N <= end; i += N) {
        store(out + i, Derivative ? V::derivative(load(x + i), vp) : V::forward(load(x + i), vp));
      }
    }
    for (; i < end; ++i) {
      const double v = static_cast<double>(x[i]);
      out[i] = static_cast<T>(Derivative ? Op::derivative(v, p) : Op::forward(v, p));
    }
  });
}

template <class Op, class T, std::size_t Grain>
void backward(const T* x, const T* dy, T* out, std::size_t n, ActivationParams p) {
  parallel_for(n, Grain, kChunkAlign, [=](std::size_t begin, std::size_t end) {
    std::size_t i = begin;
    if constexpr (kVectorized<Op, T>) {
      using V = typename VectorOf<Op>::type;
      const vops::VecParams<T> vp(p);
      constexpr std::size_t N = Vec<T>::N;
      for (; i + N <= end; i += N) store(out + i, load(dy + i) * V::derivative(load(x + i), vp));
    }
    for (; i < end; ++i) {
      out[i] = static_cast<T>(static_cast<double>(dy[i]) * Op::derivative(static_cast<double>(x[i]), p));
    }
  });
}

template <class T>
void fill(TypedKernels<T>& k) {
#define ACTFN_REGISTER(name, type, cost)                                                           \
  k.forward[static_cast<int>(Activation::name)] = unary<ops::type, false, T, kGrain##cost>;       \
  k.derivative[static_cast<int>(Activation::name)] = unary<ops::type, true, T, kGrain##cost>;     \
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
