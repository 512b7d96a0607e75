// The kernel interface: plain C++, no Node, no JS types. The addon and the per-ISA kernel sources
// both include this file; nothing here depends on the instruction set.
#pragma once

#include <cstddef>

namespace actfn {

// One entry per activation: name, kernel type (ops::<type> in activation/ops/<name>.h), cost class
// (which sets the grain of parallel_for). Generated from the TypeScript table
// (src/activations/table.ts) by tools/generate.mjs; JavaScript finds each kernel by its name.
#include "activation/activations.generated.h"

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
// dy * f' from the saved output y = f(x), for the activations whose derivative is a function of y.
template <class T>
using OutputBackwardKernel = void (*)(const T* y, const T* dy, T* out, std::size_t n);
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
  OutputBackwardKernel<T> backward_from_output[kActivationCount];  // null where f' is not a function of y
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

// A dense layer's backward pass on a batch, for y = f(x w + b): x is batch x inputs, w inputs x
// units, dy batch x units. With an activation (a backward kernel of the table), dz = dy f'(z) from
// the saved pre-activation z; without one, dy is already dL/dZ and dz is not used. Then
// dw = x^T dZ, db = the column sums of dZ (unless null) and dx = dZ w^T (unless null). dz may be dy.
struct DenseShape {
  std::size_t batch, inputs, units;
};
struct DenseBackwardArgs {
  const float* x;
  const float* w;
  const float* dy;
  BackwardKernel<float> activation;
  ActivationParams params;
  const float* z;
  float* dz;
  float* dw;
  float* db;
  float* dx;
};
using DenseBackwardKernel = void (*)(const DenseShape& shape, const DenseBackwardArgs& args);

// Losses over a rows x cols batch: the mean loss, and d loss / d prediction into grad (if not null).
// X(name, target): target is same_shape (rows x cols) or class_index (one per row). Generated from
// src/backend/loss-kinds.ts; JavaScript finds each loss by its name (lossNames, checked at load).
#include "loss/losses.generated.h"

enum class Loss : int {
#define ACTFN_LOSS_ENUM(name, target) name,
  ACTFN_LOSSES(ACTFN_LOSS_ENUM)
#undef ACTFN_LOSS_ENUM
      count
};
constexpr int kLossCount = static_cast<int>(Loss::count);

enum class LossTarget : int { same_shape, class_index };
constexpr const char* kLossNames[] = {
#define ACTFN_LOSS_NAME(name, target) #name,
    ACTFN_LOSSES(ACTFN_LOSS_NAME)
#undef ACTFN_LOSS_NAME
};
constexpr LossTarget kLossTargets[] = {
#define ACTFN_LOSS_TARGET(name, target) LossTarget::target,
    ACTFN_LOSSES(ACTFN_LOSS_TARGET)
#undef ACTFN_LOSS_TARGET
};

struct LossOptions {
  double epsilon;  // probability clamp (cross-entropies on probabilities)
  double delta;    // Huber's threshold
};
using LossKernel = double (*)(const float* prediction, const float* target, std::size_t rows, std::size_t cols, float* grad,
                              const LossOptions& options);

// Optimizer updates of one parameter array; slots are the optimizer's state arrays. X(name, slots).
// Generated from src/backend/optimizer-kinds.ts; JavaScript finds each by its name (checked at load).
#include "optim/optimizers.generated.h"

enum class Optimizer : int {
#define ACTFN_OPTIMIZER_ENUM(name, slots) name,
  ACTFN_OPTIMIZERS(ACTFN_OPTIMIZER_ENUM)
#undef ACTFN_OPTIMIZER_ENUM
      count
};
constexpr int kOptimizerCount = static_cast<int>(Optimizer::count);

constexpr const char* kOptimizerNames[] = {
#define ACTFN_OPTIMIZER_NAME(name, slots) #name,
    ACTFN_OPTIMIZERS(ACTFN_OPTIMIZER_NAME)
#undef ACTFN_OPTIMIZER_NAME
};
constexpr int kOptimizerSlots[] = {
#define ACTFN_OPTIMIZER_SLOTS(name, slots) slots,
    ACTFN_OPTIMIZERS(ACTFN_OPTIMIZER_SLOTS)
#undef ACTFN_OPTIMIZER_SLOTS
};
constexpr int kMaxOptimizerSlots = [] {
  int most = 0;
  for (int slots : kOptimizerSlots) most = slots > most ? slots : most;
  return most;
}();

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
  DenseBackwardKernel dense_backward_f32;
  LossKernel loss[kLossCount];
  OptimizerKernel optimizer[kOptimizerCount];
};

// The table for the best instruction set this CPU and OS support (or the lower one ACTFN_SIMD
// asks for), chosen on first use and fixed afterwards.
const KernelTable& kernel_table();

const char* activation_name(int index);

}  // namespace actfn
