// denseBackward(x, w, dy, batch, inputs, units, activation, pa, pb, z, dz, dw, db, dx): a dense
// layer's backward pass in one call (kernels/dense/dense_backward.cc). activation is an index from
// activationNames, or -1 when dy is already dL/dZ; z (the saved pre-activation) and dz (receives
// dL/dZ) are then needed. db and dx may be null (no bias; no input gradient).
#include <string>

#include "bindings.h"
#include "typed_array.h"
#include "../kernels/kernels.h"

namespace actfn {
namespace addon {
namespace {

Napi::Value DenseBackward(const Napi::CallbackInfo& info) {
  const Napi::Env env = info.Env();
  DenseShape s{};
  s.batch = dimension_arg(info, 3, "batch");
  s.inputs = dimension_arg(info, 4, "inputs");
  s.units = dimension_arg(info, 5, "units");
  const std::size_t outputs = s.batch * s.units;
  DenseBackwardArgs a{};
  a.x = float32_arg(info, 0, "x", s.batch * s.inputs);
  a.w = float32_arg(info, 1, "w", s.inputs * s.units);
  a.dy = float32_arg(info, 2, "dy", outputs);
  const int activation = optional_activation_arg(info, 6, kActivationCount);
  a.params = {number_arg(info, 7, "pa"), number_arg(info, 8, "pb")};
  a.z = float32_arg(info, 9, "z", outputs, true);
  a.dz = float32_arg(info, 10, "dz", outputs, true);
  const KernelTable& table = kernel_table();
  if (activation >= 0) {
    // by the argument, not the pointer: an empty array's data may be null
    if (info[9].IsNull()) throw Napi::TypeError::New(env, "z must be a Float32Array when an activation is given");
    if (info[10].IsNull()) throw Napi::TypeError::New(env, "dz must be a Float32Array when an activation is given");
    a.activation = table.f32.backward[activation];
  }
  a.dw = float32_arg(info, 11, "dw", s.inputs * s.units);
  a.db = float32_arg(info, 12, "db", s.units, true);
  a.dx = float32_arg(info, 13, "dx", s.batch * s.inputs, true);
  table.dense_backward_f32(s, a);
  return env.Undefined();
}

}  // namespace

void register_dense_bindings(Napi::Env env, Napi::Object exports) {
  exports.Set("denseBackward", Napi::Function::New(env, guarded<DenseBackward>, "denseBackward"));
}

}  // namespace addon
}  // namespace actfn
