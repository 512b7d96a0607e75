// info() and setNumThreads(n): what the loader reports in backendInfo(), and the thread budget.
#include "bindings.h"
#include "typed_array.h"
#include "../kernels/parallel.h"
#include "../kernels/cpu_features.h"
#include "../kernels/kernels.h"

namespace actfn {
namespace addon {
namespace {

Napi::Value Info(const Napi::CallbackInfo& info) {
  const Napi::Env env = info.Env();
  Napi::Object result = Napi::Object::New(env);
  result.Set("simd", kernel_table().isa);
  result.Set("cpuSimd", isa_name(detect_best_isa()));
  result.Set("threads", max_threads());
  result.Set("openmp", openmp_enabled());
  result.Set("napiVersion", NAPI_VERSION);
  return result;
}

Napi::Value SetNumThreads(const Napi::CallbackInfo& info) {
  const double n = number_arg(info, 0, "n");
  if (!(n >= 1 && n <= 1024) || n != static_cast<int>(n)) {
    throw Napi::RangeError::New(info.Env(), "n must be an integer from 1 to 1024");
  }
  set_max_threads(static_cast<int>(n));  // ignored without OpenMP: the budget stays 1
  return info.Env().Undefined();
}

}  // namespace

void register_runtime_bindings(Napi::Env env, Napi::Object exports) {
  exports.Set("info", Napi::Function::New(env, guarded<Info>, "info"));
  exports.Set("setNumThreads", Napi::Function::New(env, guarded<SetNumThreads>, "setNumThreads"));
}

}  // namespace addon
}  // namespace actfn
