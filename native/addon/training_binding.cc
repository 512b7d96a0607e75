// loss(kind, prediction, target, rows, cols, grad, epsilon, delta) -> mean loss, and
// optimizerStep(kind, params, grads, slots, learningRate, beta1, beta2, epsilon, weightDecay,
// nesterov, step): the kernels of kernels/loss/ and kernels/optim/. Kinds are indices into
// lossNames and optimizerNames, which the module exports: the TypeScript loader looks each name up
// there when it loads the addon (src/backend/native.ts), so nothing depends on the two orders.
#include <string>

#include "bindings.h"
#include "typed_array.h"
#include "../kernels/kernels.h"

namespace actfn {
namespace addon {
namespace {

int kind_arg(const Napi::CallbackInfo& info, std::size_t index, int count) {
  const double kind = number_arg(info, index, "kind");
  if (!(kind >= 0 && kind < count && kind == static_cast<int>(kind))) throw Napi::RangeError::New(info.Env(), "kind out of range");
  return static_cast<int>(kind);
}

std::size_t count_arg(const Napi::CallbackInfo& info, std::size_t index, const char* name) {
  const double v = number_arg(info, index, name);
  if (!(v >= 1) || v != static_cast<double>(static_cast<std::size_t>(v)) || v > 1e9) {
    throw Napi::RangeError::New(info.Env(), std::string(name) + " must be a positive integer");
  }
  return static_cast<std::size_t>(v);
}

Napi::Value LossValue(const Napi::CallbackInfo& info) {
  const int kind = kind_arg(info, 0, kLossCount);
  const std::size_t rows = count_arg(info, 3, "rows"), cols = count_arg(info, 4, "cols");
  const float* prediction = float32_arg(info, 1, "prediction", rows * cols);
  const bool sparse = kLossTargets[kind] == LossTarget::class_index;
  const float* target = float32_arg(info, 2, "target", sparse ? rows : rows * cols);
  float* grad = float32_arg(info, 5, "grad", rows * cols, true);
  const LossOptions options{number_arg(info, 6, "epsilon"), number_arg(info, 7, "delta")};
  return Napi::Number::New(info.Env(), kernel_table().loss[kind](prediction, target, rows, cols, grad, options));
}

Napi::Value OptimizerStep(const Napi::CallbackInfo& info) {
  const int kind = kind_arg(info, 0, kOptimizerCount);
  const FloatArray params = float_array_arg(info, 1, "params");
  if (params.dtype != Dtype::float32) throw Napi::TypeError::New(info.Env(), "params must be a Float32Array");
  const float* grads = float32_arg(info, 2, "grads", params.length);
  if (!info[3].IsArray()) throw Napi::TypeError::New(info.Env(), "slots must be an array of Float32Array");
  const Napi::Array list = info[3].As<Napi::Array>();
  const std::size_t needed = static_cast<std::size_t>(kOptimizerSlots[kind]);
  if (list.Length() < needed) throw Napi::RangeError::New(info.Env(), "slots must hold " + std::to_string(needed) + " arrays");
  float* slots[kMaxOptimizerSlots] = {};
  static const char* const kSlotNames[] = {"slots[0]", "slots[1]", "slots[2]", "slots[3]"};
  static_assert(kMaxOptimizerSlots <= 4, "name the further slots");
  for (uint32_t i = 0; i < needed; ++i) {
    napi_value slot = nullptr;
    if (napi_get_element(info.Env(), list, i, &slot) != napi_ok) throw Napi::Error::New(info.Env());
    slots[i] = float32_value(info.Env(), slot, kSlotNames[i], params.length);
  }
  OptimizerHyper h{};
  h.learning_rate = number_arg(info, 4, "learningRate");
  h.beta1 = number_arg(info, 5, "beta1");
  h.beta2 = number_arg(info, 6, "beta2");
  h.epsilon = number_arg(info, 7, "epsilon");
  h.weight_decay = number_arg(info, 8, "weightDecay");
  h.nesterov = info[9].ToBoolean();
  const double step = number_arg(info, 10, "step");
  kernel_table().optimizer[kind](params.as<float>(), grads, slots, params.length, h, step);
  return info.Env().Undefined();
}

Napi::Array names_array(Napi::Env env, const char* const* names, int count) {
  Napi::Array array = Napi::Array::New(env, static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) array.Set(static_cast<uint32_t>(i), names[i]);
  return array;
}

}  // namespace

void register_training_bindings(Napi::Env env, Napi::Object exports) {
  exports.Set("lossNames", names_array(env, kLossNames, kLossCount));
  exports.Set("optimizerNames", names_array(env, kOptimizerNames, kOptimizerCount));
  exports.Set("loss", Napi::Function::New(env, guarded<LossValue>, "loss"));
  exports.Set("optimizerStep", Napi::Function::New(env, guarded<OptimizerStep>, "optimizerStep"));
}

}  // namespace addon
}  // namespace actfn
