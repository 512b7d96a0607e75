// copyProbe(x, out) and addProbe(x, y, out): memory-bandwidth probes for bench/ (not public API).
#include "bindings.h"
#include "typed_array.h"
#include "../kernels/probe/memory_probe.h"

namespace actfn {
namespace addon {
namespace {

Napi::Value CopyProbe(const Napi::CallbackInfo& info) {
  const FloatArray x = float_array_arg(info, 0, "x");
  const FloatArray out = float_array_arg(info, 1, "out");
  require_same_shape(info.Env(), x, "x", out, "out");
  if (x.dtype == Dtype::float32) {
    probe::copy(x.as<float>(), out.as<float>(), x.length);
  } else {
    probe::copy(x.as<double>(), out.as<double>(), x.length);
  }
  return info.Env().Undefined();
}

Napi::Value AddProbe(const Napi::CallbackInfo& info) {
  const FloatArray x = float_array_arg(info, 0, "x");
  const FloatArray y = float_array_arg(info, 1, "y");
  const FloatArray out = float_array_arg(info, 2, "out");
  require_same_shape(info.Env(), x, "x", y, "y");
  require_same_shape(info.Env(), x, "x", out, "out");
  if (x.dtype == Dtype::float32) {
    probe::add(x.as<float>(), y.as<float>(), out.as<float>(), x.length);
  } else {
    probe::add(x.as<double>(), y.as<double>(), out.as<double>(), x.length);
  }
  return info.Env().Undefined();
}

}  // namespace

void register_probe_bindings(Napi::Env env, Napi::Object exports) {
  exports.Set("copyProbe", Napi::Function::New(env, guarded<CopyProbe>, "copyProbe"));
  exports.Set("addProbe", Napi::Function::New(env, guarded<AddProbe>, "addProbe"));
}

}  // namespace addon
}  // namespace actfn
