// gemm(a, b, c, m, n, k, transA, transB, alpha, beta, bias, activation, pa, pb, preActivation):
// C = alpha op(A) op(B) + beta C with the fused epilogue (kernels/gemm/gemm.cc). bias and
// preActivation may be null; activation is an index from activationNames, or -1 for none.
#include <string>

#include "bindings.h"
#include "typed_array.h"
#include "../kernels/kernels.h"

namespace actfn {
namespace addon {
namespace {

Napi::Value Gemm(const Napi::CallbackInfo& info) {
  const Napi::Env env = info.Env();
  GemmShape s{};
  s.m = dimension_arg(info, 3, "m");
  s.n = dimension_arg(info, 4, "n");
  s.k = dimension_arg(info, 5, "k");
  s.trans_a = info[6].ToBoolean();
  s.trans_b = info[7].ToBoolean();
  s.alpha = static_cast<float>(number_arg(info, 8, "alpha"));
  s.beta = static_cast<float>(number_arg(info, 9, "beta"));
  const float* a = float32_arg(info, 0, "a", s.m * s.k);
  const float* b = float32_arg(info, 1, "b", s.k * s.n);
  float* c = float32_arg(info, 2, "c", s.m * s.n);
  GemmEpilogue e{};
  e.bias = float32_arg(info, 10, "bias", s.n, true);
  const int activation = optional_activation_arg(info, 11, kActivationCount);
  const KernelTable& table = kernel_table();
  e.activation = activation < 0 ? nullptr : table.f32.forward[activation];
  e.params = {number_arg(info, 12, "pa"), number_arg(info, 13, "pb")};
  e.pre_activation = float32_arg(info, 14, "preActivation", s.m * s.n, true);
  table.gemm_f32(s, a, b, c, e);
  return env.Undefined();
}

}  // namespace

void register_gemm_bindings(Napi::Env env, Napi::Object exports) {
  exports.Set("gemm", Napi::Function::New(env, guarded<Gemm>, "gemm"));
}

}  // namespace addon
}  // namespace actfn
