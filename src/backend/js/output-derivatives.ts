/**
 * dy * f' written in the saved output y = f(x), for the table rows with a `derivativeFromOutput`:
 * the same expressions, in the same order of operations, as the C++ in
 * native/kernels/activation/output_derivatives.h (there in the array's precision; here in
 * float64, rounded once on store for float32 arrays).
 */
import { productError } from './math/dd.js';

export const JS_OUTPUT_DERIVATIVES: Readonly<Record<string, (y: number, dy: number) => number>> = {
  sigmoid: (y, dy) => dy * ((1 - y) * y),
  // 1 - y^2 rounded once, as the C++ fma does: y^2's rounding error subtracted back.
  tanh: (y, dy) => {
    const q = y * y;
    return dy * ((1 - q) - productError(y, y, q));
  },
};
