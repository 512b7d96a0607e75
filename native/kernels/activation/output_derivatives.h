// dy * f' written in the saved output y = f(x), for the activations whose derivative is a function
// of their output (the rows of src/activations/table.ts with a `derivativeFromOutput`). This is
// the form PyTorch's sigmoid_backward and tanh_backward take: two loads, a few flops and a store,
// so it runs at memory speed, where dy * f'(x) must redo the exp.
//
// Each op is one expression over Vec<T>, the same in float32 and float64 lanes. Accuracy (the
// exact value of the formula at the given y and dy): sigmoid rounds 1 - y (exact for y >= 1/2),
// then two products: each of the first two roundings costs at most 1 ULP of the result and the
// last half of one, so at most 2.5 ULP. tanh rounds 1 - y^2 once (fused) and one product: at most
// 1.5 ULP. NaN in y or dy gives NaN (test/accuracy/output-backward.test.ts).
#pragma once

#include "../simd/vec.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace output_derivatives {

struct Sigmoid {
  template <class T>
  static Vec<T> backward(Vec<T> y, Vec<T> dy) {
    return dy * ((set<T>(1) - y) * y);
  }
};

struct Tanh {
  template <class T>
  static Vec<T> backward(Vec<T> y, Vec<T> dy) {
    return dy * fma(set<T>(0) - y, y, set<T>(1));
  }
};

}  // namespace output_derivatives
}  // namespace ACTFN_TARGET
}  // namespace actfn
