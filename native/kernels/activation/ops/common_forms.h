// The forms an activation can have besides its scalar float64 twin (ops::X), and the traits by
// which elementwise.cc finds them: each ops/<name>.h specialises the traits for the forms it has.
// - vector (vops::X, VectorOf): the array's own precision, for ops that are a few compares and
//   multiplies, within their row's contract; NaN in gives NaN out, kinks follow the scalar twin.
// - narrow (nops::X, NarrowOf): float32 arrays in float32 lanes (simd/vmath_f32.h), twice the lanes
//   of the wide form. Only formulas without cancellation, each naming its domain: lanes outside it
//   (NaN, infinities, far tails where results leave the normal float range) take the wide form
//   instead, which a narrow form therefore needs.
// - wide (wops::X, WideOf): float32 arrays widened to double lanes (simd/vexp.h), rounded once on
//   the narrowing store. Double carries ~29 spare bits, so the textbook formulas serve, up to the
//   zone |f'| < 2^-20 where the contract holds derivatives to an absolute error. They run the passes
//   without a narrow form and the vectors a narrow form hands back; infinite and NaN lanes are
//   patched with the scalar twin, so these formulas need not handle them.
// - double (dops::X, DoubleOf): float64 arrays in double lanes, the scalar twin's compensated
//   algorithm carried lane by lane on the double-double math of simd/vmath_f64.h. Each has a domain;
//   lanes outside it (NaN, infinities where they matter, far tails where the twin switches to a
//   scaled or subnormal form) take the scalar twin.
// The scalar twin (ops::X, every op has one) is the native twin of src/backend/js/activations.ts
// (same algorithms; read that file's header) and does the tails shorter than a vector. Float32
// kernels evaluate it in double and round once on store.
// Measured errors of every form: the manifest's `measuredUlp` (src/activations/table.ts) and the
// README's accuracy table generated from it.
#pragma once

namespace actfn {
namespace ACTFN_TARGET {

// VectorOf<ops::X>::type is vops::X, or void where X has no such form; likewise the others.
template <class Op> struct VectorOf { using type = void; };
template <class Op> struct NarrowOf { using type = void; };
template <class Op> struct WideOf { using type = void; };
template <class Op> struct DoubleOf { using type = void; };

}  // namespace ACTFN_TARGET
}  // namespace actfn
