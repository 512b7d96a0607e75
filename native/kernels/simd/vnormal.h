// The standard normal CDF and PDF in double lanes, for float32 GELU.
//
// Phi(-|x|) = erfc(z)/2 = exp(-x^2/2) erfcx(z)/2 with z = |x|/sqrt2; erfcx comes from a polynomial
// in t = 1/(1 + z/2) (tools/gen-vector-coefficients.py: ~1e-14 relative), and x^2/2 is exact for
// float32 inputs, so the result is good to ~2^-45 relative down to Phi ~ 1e-50 (x ~ -15), below
// which float32 GELU is 0 anyway. Phi(x) for x > 0 is 1 - Phi(-x) (>= 1/2: no cancellation).
// Valid only where the output is float32.
#pragma once

#include "ncdf_coefficients.generated.h"
#include "vexp.h"

namespace actfn {
namespace ACTFN_TARGET {

struct NormalParts {
  Vec<double> cdf, pdf;
};

ACTFN_INLINE NormalParts vnormal(Vec<double> x) {
  namespace c = vector_coefficients;
  const Vec<double> one = set<double>(1);
  const Vec<double> z = abs(x) * set<double>(0.70710678118654752440);
  const Vec<double> t = one / fma(z, set<double>(0.5), one);
  Vec<double> s = fma(t - set<double>(c::kErfcxT0), set<double>(c::kErfcxSScale), set<double>(-1));
  s = select(lt(s, set<double>(-1)), set<double>(-1), s);  // past |x| ~ 15 the value is 0 in float32
  Vec<double> erfcx = set<double>(c::kErfcx[c::kErfcxDegree]);
  for (int k = c::kErfcxDegree - 1; k >= 0; --k) erfcx = fma(erfcx, s, set<double>(c::kErfcx[k]));
  const Vec<double> gauss = vexp(set<double>(-0.5) * x * x);
  const Vec<double> lower = set<double>(0.5) * gauss * erfcx;  // Phi(-|x|)
  return {select(gt(x, set<double>(0)), one - lower, lower), gauss * set<double>(0.39894228040143267794)};
}

}  // namespace ACTFN_TARGET
}  // namespace actfn
