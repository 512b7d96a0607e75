// Each binding file registers its functions on the module's exports.
#pragma once

#include <napi.h>

namespace actfn {
namespace addon {

// Every exported function runs through this. An error that can still reach JavaScript is thrown
// there as usual; one that cannot (the environment is shutting down, as when a worker thread is
// terminated mid-call) is dropped, instead of escaping into node-addon-api's callback wrapper,
// which would abort the whole process (found by test/reliability: workers terminated mid-call).
template <Napi::Value (*Binding)(const Napi::CallbackInfo&)>
Napi::Value guarded(const Napi::CallbackInfo& info) {
  try {
    return Binding(info);
  } catch (const Napi::Error& error) {
    try {
      napi_throw(info.Env(), error.Value());
    } catch (const Napi::Error&) {
    }
    return Napi::Value();
  }
}

void register_activation_bindings(Napi::Env env, Napi::Object exports);
void register_softmax_bindings(Napi::Env env, Napi::Object exports);
void register_runtime_bindings(Napi::Env env, Napi::Object exports);
void register_gemm_bindings(Napi::Env env, Napi::Object exports);
void register_dense_bindings(Napi::Env env, Napi::Object exports);
void register_training_bindings(Napi::Env env, Napi::Object exports);

}  // namespace addon
}  // namespace actfn
