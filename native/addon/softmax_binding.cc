// softmax(x, cols, out), logSoftmax(x, cols, out), softmaxBackward(y, dy, cols, out).
#include <functional>

#include "async_work.h"
#include "bindings.h"
#include "typed_array.h"
#include "../kernels/kernels.h"

namespace actfn {
namespace addon {
namespace {

std::size_t cols_arg(const Napi::CallbackInfo& info, std::size_t index, std::size_t length) {
  const double cols = number_arg(info, index, "cols");
  if (!(cols >= 1) || cols != static_cast<double>(static_cast<std::size_t>(cols)) ||
      length % static_cast<std::size_t>(cols) != 0) {
    throw Napi::RangeError::New(info.Env(), "cols must be a positive integer that divides the length " +
                                                std::to_string(length));
  }
  return static_cast<std::size_t>(cols);
}

template <bool Log>
std::function<void()> prepare_softmax(const Napi::CallbackInfo& info) {
  const FloatArray x = float_array_arg(info, 0, "x");
  const std::size_t cols = cols_arg(info, 1, x.length);
  const FloatArray out = float_array_arg(info, 2, "out");
  require_same_shape(info.Env(), x, "x", out, "out");
  return [x, cols, out] {
    const KernelTable& t = kernel_table();
    const std::size_t rows = x.length / cols;
    if (x.dtype == Dtype::float32) {
      (Log ? t.f32.log_softmax : t.f32.softmax)(x.as<float>(), out.as<float>(), rows, cols);
    } else {
      (Log ? t.f64.log_softmax : t.f64.softmax)(x.as<double>(), out.as<double>(), rows, cols);
    }
  };
}

std::function<void()> prepare_softmax_backward(const Napi::CallbackInfo& info) {
  const Napi::Env env = info.Env();
  const FloatArray y = float_array_arg(info, 0, "y");
  const FloatArray dy = float_array_arg(info, 1, "dy");
  const std::size_t cols = cols_arg(info, 2, y.length);
  const FloatArray out = float_array_arg(info, 3, "out");
  require_same_shape(env, y, "y", dy, "dy");
  require_same_shape(env, y, "y", out, "out");
  return [y, dy, cols, out] {
    const KernelTable& t = kernel_table();
    const std::size_t rows = y.length / cols;
    if (y.dtype == Dtype::float32) {
      t.f32.softmax_backward(y.as<float>(), dy.as<float>(), out.as<float>(), rows, cols);
    } else {
      t.f64.softmax_backward(y.as<double>(), dy.as<double>(), out.as<double>(), rows, cols);
    }
  };
}

template <bool Log>
Napi::Value Softmax(const Napi::CallbackInfo& info) {
  prepare_softmax<Log>(info)();
  return info.Env().Undefined();
}

template <bool Log>
Napi::Value SoftmaxAsync(const Napi::CallbackInfo& info) {
  return queue_kernel(info.Env(), prepare_softmax<Log>(info), {info[0], info[2]});
}

Napi::Value SoftmaxBackward(const Napi::CallbackInfo& info) {
  prepare_softmax_backward(info)();
  return info.Env().Undefined();
}

Napi::Value SoftmaxBackwardAsync(const Napi::CallbackInfo& info) {
  return queue_kernel(info.Env(), prepare_softmax_backward(info), {info[0], info[1], info[3]});
}

}  // namespace

void register_softmax_bindings(Napi::Env env, Napi::Object exports) {
  exports.Set("softmax", Napi::Function::New(env, guarded<Softmax<false>>, "softmax"));
  exports.Set("logSoftmax", Napi::Function::New(env, guarded<Softmax<true>>, "logSoftmax"));
  exports.Set("softmaxBackward", Napi::Function::New(env, guarded<SoftmaxBackward>, "softmaxBackward"));
  exports.Set("softmaxAsync", Napi::Function::New(env, guarded<SoftmaxAsync<false>>, "softmaxAsync"));
  exports.Set("logSoftmaxAsync", Napi::Function::New(env, guarded<SoftmaxAsync<true>>, "logSoftmaxAsync"));
  exports.Set("softmaxBackwardAsync", Napi::Function::New(env, guarded<SoftmaxBackwardAsync>, "softmaxBackwardAsync"));
}

}  // namespace addon
}  // namespace actfn
