// The actfn addon: a thin Node-API layer over native/kernels. Bindings validate what memory safety
// depends on (types, lengths), wrap typed arrays without copying, and dispatch; no math here.
#include "bindings.h"

namespace {

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  actfn::addon::register_activation_bindings(env, exports);
  actfn::addon::register_softmax_bindings(env, exports);
  actfn::addon::register_runtime_bindings(env, exports);
  actfn::addon::register_probe_bindings(env, exports);
  actfn::addon::register_gemm_bindings(env, exports);
  actfn::addon::register_training_bindings(env, exports);
  return exports;
}

}  // namespace

NODE_API_MODULE(actfn, Init)
