// Fused optimizer updates of one parameter array, for one target: the native twins of
// src/backend/js/optimizers.ts (read it for the formulas; the two must agree). The list of
// optimizers is generated from src/backend/optimizer-kinds.ts (optimizers.generated.h); each is
// registered here by its name.
#include <cmath>

#include "../simd/vec.h"
#include "../targets.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace {

void sgd(float* p, const float* g, float* const* slots, std::size_t n, const OptimizerHyper& h, double) {
  if (h.beta1 == 0) {
    for (std::size_t i = 0; i < n; ++i) p[i] = static_cast<float>(p[i] - h.learning_rate * g[i]);
    return;
  }
  float* v = slots[0];
  for (std::size_t i = 0; i < n; ++i) {
    v[i] = static_cast<float>(h.beta1 * v[i] - h.learning_rate * g[i]);
    p[i] = static_cast<float>(p[i] + (h.nesterov ? h.beta1 * v[i] - h.learning_rate * g[i] : static_cast<double>(v[i])));
  }
}

template <bool DecoupledDecay>
void adam(float* p, const float* g, float* const* slots, std::size_t n, const OptimizerHyper& h, double step) {
  float* m = slots[0];
  float* s = slots[1];
  // the bias corrections folded into two per-step scalars: one square root and one division per
  // element (three divisions before: a 1920-element Adam step took 4.9 us, now 3.7)
  const double step_size = h.learning_rate / (1 - std::pow(h.beta1, step));
  const double inv_root_c2 = 1 / std::sqrt(1 - std::pow(h.beta2, step));
  const double decay = DecoupledDecay ? 1 - h.learning_rate * h.weight_decay : 1;
  // V::N elements at a time in double lanes: the scalar loop's operations in its order, each
  // correctly rounded (no contraction: the build passes -ffp-contract=off), with m and s rounded to
  // float32 before the update reads them, so the lanes give the scalar loop's bits. A 4,097-element
  // step (the reference network's whole parameter arena) took 8.9 us in scalar code, 5.9 in AVX-512
  // lanes: the double divisions and square roots bound it.
  using V = Vec<double>;
  const V b1 = set(h.beta1), c1 = set(1 - h.beta1), b2 = set(h.beta2), c2 = set(1 - h.beta2);
  const V step_v = set(step_size), inv_root_c2_v = set(inv_root_c2), epsilon = set(h.epsilon), decay_v = set(decay);
  std::size_t i = 0;
  for (; i + V::N <= n; i += V::N) {
    const V gi = load_widen(g + i);
    store_narrow(m + i, b1 * load_widen(m + i) + c1 * gi);
    store_narrow(s + i, b2 * load_widen(s + i) + c2 * gi * gi);
    store_narrow(p + i, load_widen(p + i) * decay_v - step_v * load_widen(m + i) / (sqrt(load_widen(s + i)) * inv_root_c2_v + epsilon));
  }
  for (; i < n; ++i) {
    m[i] = static_cast<float>(h.beta1 * m[i] + (1 - h.beta1) * g[i]);
    s[i] = static_cast<float>(h.beta2 * s[i] + (1 - h.beta2) * static_cast<double>(g[i]) * g[i]);
    p[i] = static_cast<float>(p[i] * decay - step_size * m[i] / (std::sqrt(static_cast<double>(s[i])) * inv_root_c2 + h.epsilon));
  }
}

void rmsprop(float* p, const float* g, float* const* slots, std::size_t n, const OptimizerHyper& h, double) {
  float* s = slots[0];
  for (std::size_t i = 0; i < n; ++i) {
    s[i] = static_cast<float>(h.beta1 * s[i] + (1 - h.beta1) * static_cast<double>(g[i]) * g[i]);
    p[i] = static_cast<float>(p[i] - h.learning_rate * g[i] / (std::sqrt(static_cast<double>(s[i])) + h.epsilon));
  }
}

}  // namespace

void register_optimizer_kernels(KernelTable& table) {
  table.optimizer[static_cast<int>(Optimizer::sgd)] = sgd;
  table.optimizer[static_cast<int>(Optimizer::adam)] = adam<false>;
  table.optimizer[static_cast<int>(Optimizer::adamw)] = adam<true>;
  table.optimizer[static_cast<int>(Optimizer::rmsprop)] = rmsprop;
}

}  // namespace ACTFN_TARGET
}  // namespace actfn
