// The actfn addon: a thin Node-API layer over native/kernels. Bindings validate what memory safety
// depends on (types, lengths), wrap typed arrays without copying, and dispatch; no math here.
#include "bindings.h"

namespace {

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  // A worker terminated while it loads the addon makes these calls fail; the error must not escape
  // into node-addon-api's wrapper (it would abort the process), and nobody will use the exports.
  try {
    actfn::addon::register_activation_bindings(env, exports);
    actfn::addon::register_softmax_bindings(env, exports);
    actfn::addon::register_runtime_bindings(env, exports);
    actfn::addon::register_gemm_bindings(env, exports);
    actfn::addon::register_dense_bindings(env, exports);
    actfn::addon::register_training_bindings(env, exports);
  } catch (const Napi::Error& error) {
    try {
      napi_throw(env, error.Value());
    } catch (const Napi::Error&) {
    }
  }
  return exports;
}

}  // namespace

NODE_API_MODULE(actfn, Init)
