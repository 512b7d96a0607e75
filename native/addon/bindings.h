// Each binding file registers its functions on the module's exports.
#pragma once

#include <napi.h>

namespace actfn {
namespace addon {

void register_activation_bindings(Napi::Env env, Napi::Object exports);
void register_softmax_bindings(Napi::Env env, Napi::Object exports);
void register_runtime_bindings(Napi::Env env, Napi::Object exports);
void register_probe_bindings(Napi::Env env, Napi::Object exports);
void register_gemm_bindings(Napi::Env env, Napi::Object exports);
void register_training_bindings(Napi::Env env, Napi::Object exports);

}  // namespace addon
}  // namespace actfn
