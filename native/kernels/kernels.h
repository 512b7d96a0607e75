// The kernel interface: plain C++, no Node, no JS types. The addon and the per-ISA kernel sources
// both include this file; nothing here depends on the instruction set.
#pragma once

#include <cstddef>

namespace actfn {

// One entry per activation, in the order the addon reports them to JavaScript: name, kernel type,
// cost class (which sets the grain of parallel_for). The TypeScript table
// (src/activations/table.ts) is the source of truth for everything but this order and the cost.
#define ACTFN_ACTIVATIONS(X)                                                                       \
  X(sigmoid, Sigmoid, Transcendental)                                                              \
  X(tanh, Tanh, Transcendental)                                                                    \
  X(relu, Relu, Cheap)                                                                             \
  X(leakyRelu, LeakyRelu, Cheap)                                                                   \
  X(elu, Elu, Transcendental)                                                                      \
  X(selu, Selu, Transcendental)                                                                    \
  X(celu, Celu, Transcendental)                                                                    \
  X(gelu, Gelu, Transcendental)                                                                    \
  X(geluTanh, GeluTanh, Transcendental)                                                            \
  X(silu, Silu, Transcendental)                                                                    \
  X(swish, Swish, Transcendental)                                                                  \
  X(softplus, Softplus, Transcendental)                                                            \
  X(mish, Mish, Transcendental)                                                                    \
  X(softsign, Softsign, Cheap)                                                                     \
  X(hardSigmoid, HardSigmoid, Cheap)                                                               \
  X(hardSwish, HardSwish, Cheap)                                                                   \
  X(hardTanh, HardTanh, Cheap)                                                                     \
  X(relu6, Relu6, Cheap)                                                                           \
  X(logSigmoid, LogSigmoid, Transcendental)                                                        \
  X(linear, Linear, Cheap)

enum class Activation : int {
#define ACTFN_ENUM(name, type, cost) name,
  ACTFN_ACTIVATIONS(ACTFN_ENUM)
#undef ACTFN_ENUM
      count
};

constexpr int kActivationCount = static_cast<int>(Activation::count);

// The two numbers an activation's parameters map onto (alpha; beta; min and max).
struct ActivationParams {
  double a;
  double b;
};

template <class T>
using ElementwiseKernel = void (*)(const T* x, T* out, std::size_t n, ActivationParams p);
template <class T>
using BackwardKernel = void (*)(const T* x, const T* dy, T* out, std::size_t n, ActivationParams p);
template <class T>
using SoftmaxKernel = void (*)(const T* x, T* out, std::size_t rows, std::size_t cols);
template <class T>
using SoftmaxBackwardKernel = void (*)(const T* y, const T* dy, T* out, std::size_t rows, std::size_t cols);

// Kernels for one element type. `out` may equal `x` (or `dy`); partial overlap is not allowed.
template <class T>
struct TypedKernels {
  ElementwiseKernel<T> forward[kActivationCount];
  ElementwiseKernel<T> derivative[kActivationCount];
  BackwardKernel<T> backward[kActivationCount];
  SoftmaxKernel<T> softmax;
  SoftmaxKernel<T> log_softmax;
  SoftmaxBackwardKernel<T> softmax_backward;
};

struct KernelTable {
  const char* isa;
  TypedKernels<float> f32;
  TypedKernels<double> f64;
};

// The table for the best instruction set this CPU and OS support (or the lower one ACTFN_SIMD
// asks for), chosen on first use and fixed afterwards.
const KernelTable& kernel_table();

const char* activation_name(int index);

}  // namespace actfn
