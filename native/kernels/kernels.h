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

// C (m x n) = alpha op(A) op(B) + beta C, row-major, op(A) m x k, op(B) k x n; A is stored k x m
// when trans_a, B n x k when trans_b. beta = 0 never reads C (it may hold anything).
struct GemmShape {
  std::size_t m, n, k;
  bool trans_a, trans_b;
  float alpha, beta;
};

// What the GEMM does to each finished row of C: Z = C + bias; pre_activation (if not null, m x n)
// receives Z; then C = activation(Z) (if not null: a forward kernel of the same table).
struct GemmEpilogue {
  const float* bias;
  float* pre_activation;
  ElementwiseKernel<float> activation;
  ActivationParams params;
};

using GemmKernel = void (*)(const GemmShape& shape, const float* a, const float* b, float* c, const GemmEpilogue& epilogue);

// Losses over a rows x cols batch: the mean loss, and d loss / d prediction into grad (if not null).
// The order is the TypeScript LossKind order (src/backend/contract.ts).
#define ACTFN_LOSSES(X)                                                                            \
  X(meanSquaredError)                                                                              \
  X(meanAbsoluteError)                                                                             \
  X(huber)                                                                                         \
  X(binaryCrossentropy)                                                                            \
  X(binaryCrossentropyFromLogits)                                                                  \
  X(categoricalCrossentropy)                                                                       \
  X(categoricalCrossentropyFromLogits)                                                             \
  X(sparseCategoricalCrossentropyFromLogits)

enum class Loss : int {
#define ACTFN_LOSS_ENUM(name) name,
  ACTFN_LOSSES(ACTFN_LOSS_ENUM)
#undef ACTFN_LOSS_ENUM
      count
};
constexpr int kLossCount = static_cast<int>(Loss::count);

struct LossOptions {
  double epsilon;  // probability clamp (cross-entropies on probabilities)
  double delta;    // Huber's threshold
};
using LossKernel = double (*)(const float* prediction, const float* target, std::size_t rows, std::size_t cols, float* grad,
                              const LossOptions& options);

// Optimizer updates of one parameter array; slots are the optimizer's state arrays.
#define ACTFN_OPTIMIZERS(X) X(sgd) X(adam) X(adamw) X(rmsprop)
enum class Optimizer : int {
#define ACTFN_OPTIMIZER_ENUM(name) name,
  ACTFN_OPTIMIZERS(ACTFN_OPTIMIZER_ENUM)
#undef ACTFN_OPTIMIZER_ENUM
      count
};
constexpr int kOptimizerCount = static_cast<int>(Optimizer::count);

struct OptimizerHyper {
  double learning_rate, beta1, beta2, epsilon, weight_decay;
  bool nesterov;
};
using OptimizerKernel = void (*)(float* params, const float* grads, float* const* slots, std::size_t n, const OptimizerHyper& h,
                                 double step);

struct KernelTable {
  const char* isa;
  TypedKernels<float> f32;
  TypedKernels<double> f64;
  GemmKernel gemm_f32;
  LossKernel loss[kLossCount];
  OptimizerKernel optimizer[kOptimizerCount];
};

// The table for the best instruction set this CPU and OS support (or the lower one ACTFN_SIMD
// asks for), chosen on first use and fixed afterwards.
const KernelTable& kernel_table();

const char* activation_name(int index);

}  // namespace actfn
