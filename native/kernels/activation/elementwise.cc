// Elementwise activation kernels for one target (compiled once per ISA; see targets.h). Each op's
// forms are in ops/<name>.h (the kinds: ops/common_forms.h). Float32 arrays run an op's float32-lane
// form where it has one for the pass, else its double-lane form; ops with a vector form in the
// array's own precision run it; the scalar float64 twin does the tails and the rest. Chunks handed
// to threads start on multiples of kChunkAlign, so which elements fall in the tail does not depend
// on the thread count.
#include <cstdint>
#include <type_traits>

#include "../parallel.h"
#include "../targets.h"
#include "ops.generated.h"
#include "vector_loop.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace {

// Whether Op runs vectorized for T on this target (never on the one-lane scalar target).
template <class Op, class T>
constexpr bool kVectorized = !std::is_void_v<typename VectorOf<Op>::type> && (Vec<T>::N > 1);

// Whether float32 arrays of Op run in double lanes on this target.
template <class Op, class T>
constexpr bool kWide = std::is_same_v<T, float> && !std::is_void_v<typename WideOf<Op>::type> && (Vec<double>::N > 1);

// Whether float64 arrays of Op run its float64 double-lane form on this target.
template <class Op, class T>
constexpr bool kDouble = std::is_same_v<T, double> && !std::is_void_v<typename DoubleOf<Op>::type> && (Vec<double>::N > 1);

// Runs the double-lane form over whole vectors of [i, end) and returns where it stopped. Lanes with
// a NaN or infinite input are redone by the scalar twin, which owns those conventions. dy is null
// for forward and derivative.
template <class Op, bool Derivative>
std::size_t wide_block(const float* x, const float* dy, float* out, std::size_t i, std::size_t end, ActivationParams p) {
  using W = typename WideOf<Op>::type;
  constexpr std::size_t N = Vec<double>::N;
  const vops::VecParams<double> vp(p);
  for (; i + N <= end; i += N) {
    const Vec<double> v = load_widen(x + i);
    const unsigned special = lane_bits(mask_or(is_nan(v), is_inf(v)));
    double xs[N];
    if (special) store(xs, v);  // out may be x: keep the inputs for the patch
    if (dy) {
      store_narrow(out + i, load_widen(dy + i) * W::derivative(v, vp));
    } else {
      store_narrow(out + i, Derivative ? W::derivative(v, vp) : W::forward(v, vp));
    }
    for (std::size_t lane = 0; special != 0 && lane < N; ++lane) {
      if (((special >> lane) & 1u) == 0) continue;
      const double f = Derivative || dy ? Op::derivative(xs[lane], p) : Op::forward(xs[lane], p);
      out[i + lane] = static_cast<float>(dy ? static_cast<double>(dy[i + lane]) * f : f);
    }
  }
  return i;
}

// What one element-wise pass computes: f(x), f'(x), or dy * f'(x).
enum class Pass { forward, derivative, backward };

// Whether a float32-lane op computes every input itself (NaN and infinities included), so no
// vector needs checking against a domain: in every pass (kWholeDomain) or in its derivative and
// backward passes only (kWholeDomainDerivative).
template <class Narrow, class = void>
struct WholeDomain : std::false_type {};
template <class Narrow>
struct WholeDomain<Narrow, std::void_t<decltype(Narrow::kWholeDomain)>> : std::bool_constant<Narrow::kWholeDomain> {};
template <class Narrow, class = void>
struct WholeDomainDerivative : WholeDomain<Narrow> {};
template <class Narrow>
struct WholeDomainDerivative<Narrow, std::void_t<decltype(Narrow::kWholeDomainDerivative)>> : std::bool_constant<Narrow::kWholeDomainDerivative> {};
template <class Narrow, bool kDerivative>
constexpr bool kUnchecked = kDerivative ? WholeDomainDerivative<Narrow>::value : WholeDomain<Narrow>::value;

// Whether a float32-lane op has its forward pass in float32 lanes (kHasForward, true unless it says
// otherwise: an op may have a float32-lane derivative alone).
template <class Narrow, class = void>
struct HasForward : std::true_type {};
template <class Narrow>
struct HasForward<Narrow, std::void_t<decltype(Narrow::kHasForward)>> : std::bool_constant<Narrow::kHasForward> {};

// Whether float32 arrays of Op run this pass in float32 lanes on this target.
template <class Op, Pass K, class T>
constexpr bool narrow_pass() {
  using Narrow = typename NarrowOf<Op>::type;
  if constexpr (!std::is_same_v<T, float> || std::is_void_v<Narrow> || Vec<float>::N == 1) {
    return false;
  } else {
    static_assert(kWide<Op, T>, "a float32-lane op needs its double-lane form for out-of-domain vectors");
    return K == Pass::forward ? HasForward<Narrow>::value : Narrow::kHasDerivative;
  }
}

// The one loop behind every activation kernel: threads over chunks, then per chunk the fastest
// form the op has on this target (float32 lanes, double lanes for float32 arrays, or the array's
// own precision), then the scalar twin for what is left. dy is read only for backward.
template <class Op, Pass K, class T, std::size_t Grain>
void run_pass(const T* x, const T* dy, T* out, std::size_t n, ActivationParams p) {
  constexpr bool kDerivative = K != Pass::forward;
  const bool stream_out = streams(x, dy, out, n);
  parallel_for(n, Grain, kChunkAlign, [=](std::size_t begin, std::size_t end) {
    std::size_t i = begin;
    if constexpr (narrow_pass<Op, K, T>()) {
      using Narrow = typename NarrowOf<Op>::type;
      constexpr std::size_t N = Vec<float>::N;
      constexpr unsigned kAllLanes = (1u << N) - 1;
      const nops::NarrowParams np(p);
      const auto in_lanes = [&](std::size_t j, Vec<float> v) ACTFN_INLINE_LAMBDA {
        if constexpr (K == Pass::backward) {
          return load(dy + j) * Narrow::derivative(v, np);
        } else if constexpr (K == Pass::derivative) {
          return Narrow::derivative(v, np);
        } else {
          return Narrow::forward(v, np);
        }
      };
      const auto at = [&](std::size_t j) ACTFN_INLINE_LAMBDA {
        const Vec<float> v = load(x + j);
        if constexpr (kUnchecked<Narrow, kDerivative>) {
          return in_lanes(j, v);
        } else {
          const auto inside = Narrow::domain(v, np);
          const Vec<float> r = in_lanes(j, v);
          if (lane_bits(inside) == kAllLanes) return r;
          // NaN, infinities or far tails in some lanes: those lanes alone take the double-lane
          // form, so an element's value never depends on which others share its vector (and so
          // not on the array's address or offset).
          float redo[N];
          wide_block<Op, kDerivative>(x + j, K == Pass::backward ? dy + j : nullptr, redo, 0, N, p);
          return select(inside, r, load(redo));
        }
      };
      i = vector_loop(at, out, i, begin, end, stream_out);
    } else if constexpr (kWide<Op, T>) {
      i = wide_block<Op, kDerivative>(x, K == Pass::backward ? dy : nullptr, out, i, end, p);
    } else if constexpr (kVectorized<Op, T> && !kDouble<Op, T>) {
      using V = typename VectorOf<Op>::type;
      const vops::VecParams<T> vp(p);
      const auto at = [&](std::size_t j) ACTFN_INLINE_LAMBDA {
        const Vec<T> v = load(x + j);
        if constexpr (K == Pass::backward) {
          return load(dy + j) * V::derivative(v, vp);
        } else {
          return kDerivative ? V::derivative(v, vp) : V::forward(v, vp);
        }
      };
      i = vector_loop(at, out, i, begin, end, stream_out);
    } else if constexpr (kDouble<Op, T>) {
      // Float64 in double lanes: vectors with a lane outside the form's domain take the scalar twin.
      using F = typename DoubleOf<Op>::type;
      constexpr std::size_t N = Vec<double>::N;
      constexpr unsigned kAllLanes = (1u << N) - 1;
      const dops::DParams dp(p);
      const auto at = [&](std::size_t j) ACTFN_INLINE_LAMBDA {
        const Vec<double> v = load(x + j);
        const auto inside = F::domain(v, dp);
        const Vec<double> r = [&]() ACTFN_INLINE_LAMBDA {
          if constexpr (K == Pass::backward) {
            return load(dy + j) * F::derivative(v, dp);
          } else if constexpr (K == Pass::derivative) {
            return F::derivative(v, dp);
          } else {
            return F::forward(v, dp);
          }
        }();
        const unsigned inside_bits = lane_bits(inside);
        if (inside_bits == kAllLanes) return r;
        // Lanes outside the domain alone take the scalar twin (see the float32 case above).
        double redo[N];
        store(redo, r);
        for (std::size_t l = 0; l < N; ++l) {
          if ((inside_bits >> l) & 1u) continue;
          const double f = kDerivative ? Op::derivative(x[j + l], p) : Op::forward(x[j + l], p);
          redo[l] = K == Pass::backward ? dy[j + l] * f : f;
        }
        return load(redo);
      };
      i = vector_loop(at, out, i, begin, end, stream_out);
    }
    for (; i < end; ++i) {
      const double v = static_cast<double>(x[i]);
      const double f = kDerivative ? Op::derivative(v, p) : Op::forward(v, p);
      out[i] = static_cast<T>(K == Pass::backward ? static_cast<double>(dy[i]) * f : f);
    }
  });
}

// An op that is another op when its first parameter is 1, and runs that op's kernel then: swish
// with beta = 1 is silu, whose whole-domain float32 form needs no pair product for beta x and no
// domain check (bench/: 1.92 against 2.70 el/ns at 1e6 on one thread).
template <class Op> struct AtUnitParameter { using type = void; };
template <> struct AtUnitParameter<ops::Swish> { using type = ops::Silu; };

template <class Op, Pass K, class T, std::size_t Grain>
void pass(const T* x, const T* dy, T* out, std::size_t n, ActivationParams p) {
  using Unit = typename AtUnitParameter<Op>::type;
  if constexpr (!std::is_void_v<Unit>) {
    if (p.a == 1) return run_pass<Unit, K, T, Grain>(x, dy, out, n, p);
  }
  run_pass<Op, K, T, Grain>(x, dy, out, n, p);
}

template <class Op, Pass K, class T, std::size_t Grain>
void unary(const T* x, T* out, std::size_t n, ActivationParams p) {
  pass<Op, K, T, Grain>(x, nullptr, out, n, p);
}

template <class T>
void fill(TypedKernels<T>& k) {
#define ACTFN_REGISTER(name, type, cost)                                                           \
  k.forward[static_cast<int>(Activation::name)] = unary<ops::type, Pass::forward, T, kGrain##cost>; \
  k.derivative[static_cast<int>(Activation::name)] = unary<ops::type, Pass::derivative, T, kGrain##cost>; \
  k.backward[static_cast<int>(Activation::name)] = pass<ops::type, Pass::backward, T, kGrain##cost>;
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
