// Losses with their gradients, for one target: the native twins of src/backend/js/losses.ts (read
// it for the formulas and conventions; the two must agree). Sums are in double; element results
// round once to float. The list of losses is generated from src/backend/loss-kinds.ts
// (losses.generated.h); each is registered here by its name.
#include <algorithm>
#include <cmath>

#include "../targets.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace {

double softplus(double x) { return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x)); }
double sigmoid(double x) { return x >= 0 ? 1 / (1 + std::exp(-x)) : std::exp(x) / (1 + std::exp(x)); }
double clamp(double p, double eps) { return std::min(std::max(p, eps), 1 - eps); }
double sign(double v) { return v > 0 ? 1.0 : v < 0 ? -1.0 : v; }  // NaN stays NaN, like Math.sign

// Averaged over every element; Op::loss(y, t, o) and Op::grad(y, t, o).
template <class Op>
double elementwise(const float* y, const float* t, std::size_t rows, std::size_t cols, float* grad, const LossOptions& o) {
  const std::size_t n = rows * cols;
  const double scale = 1.0 / static_cast<double>(n);
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sum += Op::loss(y[i], t[i], o);
    if (grad) grad[i] = static_cast<float>(Op::grad(y[i], t[i], o) * scale);
  }
  return sum * scale;
}

struct MeanSquaredError {
  static double loss(double y, double t, const LossOptions&) { return (y - t) * (y - t); }
  static double grad(double y, double t, const LossOptions&) { return 2 * (y - t); }
};
struct MeanAbsoluteError {
  static double loss(double y, double t, const LossOptions&) { return std::fabs(y - t); }
  static double grad(double y, double t, const LossOptions&) { return sign(y - t); }
};
struct Huber {
  static double loss(double y, double t, const LossOptions& o) {
    const double d = std::fabs(y - t);
    return d <= o.delta ? 0.5 * d * d : o.delta * (d - 0.5 * o.delta);
  }
  static double grad(double y, double t, const LossOptions& o) { return std::max(-o.delta, std::min(o.delta, y - t)); }
};
struct BinaryCrossentropy {
  static double loss(double p, double t, const LossOptions& o) {
    const double q = clamp(p, o.epsilon);
    return -(t * std::log(q) + (1 - t) * std::log(1 - q));
  }
  static double grad(double p, double t, const LossOptions& o) {
    return p < o.epsilon || p > 1 - o.epsilon ? 0 : (p - t) / (p * (1 - p));
  }
};
struct BinaryCrossentropyFromLogits {
  static double loss(double z, double t, const LossOptions&) { return softplus(z) - z * t; }
  static double grad(double z, double t, const LossOptions&) { return sigmoid(z) - t; }
};

double categorical_crossentropy(const float* p, const float* t, std::size_t rows, std::size_t cols, float* grad, const LossOptions& o) {
  double total = 0;
  for (std::size_t i = 0; i < rows * cols; ++i) {
    const double q = clamp(p[i], o.epsilon);
    if (t[i] != 0) total -= t[i] * std::log(q);
    if (grad) grad[i] = static_cast<float>(p[i] < o.epsilon || p[i] > 1 - o.epsilon ? 0 : -t[i] / q / static_cast<double>(rows));
  }
  return total / static_cast<double>(rows);
}

// Cross-entropy of each row's softmax(logits) against a distribution, or a class index (Sparse).
template <bool Sparse>
double softmax_crossentropy(const float* z, const float* t, std::size_t rows, std::size_t cols, float* grad, const LossOptions&) {
  double total = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    const float* row = z + r * cols;
    double max = -INFINITY;
    for (std::size_t c = 0; c < cols; ++c) max = std::max(max, static_cast<double>(row[c]));
    double sum = 0;
    for (std::size_t c = 0; c < cols; ++c) sum += std::exp(row[c] - max);
    const double log_sum = max + std::log(sum);
    for (std::size_t c = 0; c < cols; ++c) {
      const double target = Sparse ? (static_cast<double>(t[r]) == static_cast<double>(c) ? 1.0 : 0.0) : t[r * cols + c];
      if (target != 0) total -= target * (row[c] - log_sum);
      if (grad) grad[r * cols + c] = static_cast<float>((std::exp(row[c] - log_sum) - target) / static_cast<double>(rows));
    }
  }
  return total / static_cast<double>(rows);
}

}  // namespace

void register_loss_kernels(KernelTable& table) {
  table.loss[static_cast<int>(Loss::meanSquaredError)] = elementwise<MeanSquaredError>;
  table.loss[static_cast<int>(Loss::meanAbsoluteError)] = elementwise<MeanAbsoluteError>;
  table.loss[static_cast<int>(Loss::huber)] = elementwise<Huber>;
  table.loss[static_cast<int>(Loss::binaryCrossentropy)] = elementwise<BinaryCrossentropy>;
  table.loss[static_cast<int>(Loss::binaryCrossentropyFromLogits)] = elementwise<BinaryCrossentropyFromLogits>;
  table.loss[static_cast<int>(Loss::categoricalCrossentropy)] = categorical_crossentropy;
  table.loss[static_cast<int>(Loss::categoricalCrossentropyFromLogits)] = softmax_crossentropy<false>;
  table.loss[static_cast<int>(Loss::sparseCategoricalCrossentropyFromLogits)] = softmax_crossentropy<true>;
}

}  // namespace ACTFN_TARGET
}  // namespace actfn
