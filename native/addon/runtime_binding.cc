// info(): what the loader reports in backendInfo().
#include "bindings.h"
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
  result.Set("threads", 1);  // kernels run on the calling thread until OpenMP lands
  result.Set("napiVersion", NAPI_VERSION);
  return result;
}

}  // namespace

void register_runtime_bindings(Napi::Env env, Napi::Object exports) {
  exports.Set("info", Napi::Function::New(env, Info, "info"));
}

}  // namespace addon
}  // namespace actfn
