// elementwise(op, kind, x, out, a, b), backward(op, x, dy, out, a, b) and backwardFromOutput(op, y,
// dy, out): validate, wrap, dispatch.
#include <functional>

#include "async_work.h"
#include "bindings.h"
#include "typed_array.h"
#include "../kernels/kernels.h"

namespace actfn {
namespace addon {
namespace {

int activation_arg(const Napi::CallbackInfo& info, std::size_t index) {
  const double op = number_arg(info, index, "activation");
  if (!(op >= 0 && op < kActivationCount) || op != static_cast<int>(op)) {
    throw Napi::RangeError::New(info.Env(), "activation must be an index below " + std::to_string(kActivationCount));
  }
  return static_cast<int>(op);
}

template <class T>
void run_elementwise(const TypedKernels<T>& k, int op, bool derivative, const FloatArray& x, const FloatArray& out,
                     ActivationParams p) {
  (derivative ? k.derivative[op] : k.forward[op])(x.as<T>(), out.as<T>(), x.length, p);
}

template <class T>
void run_backward(const TypedKernels<T>& k, int op, const FloatArray& x, const FloatArray& dy, const FloatArray& out,
                  ActivationParams p) {
  k.backward[op](x.as<T>(), dy.as<T>(), out.as<T>(), x.length, p);
}

// Validates the arguments and returns the kernel call, ready to run here or on the thread pool.
std::function<void()> prepare_elementwise(const Napi::CallbackInfo& info) {
  const Napi::Env env = info.Env();
  const int op = activation_arg(info, 0);
  const double kind = number_arg(info, 1, "kind");
  if (kind != 0 && kind != 1) throw Napi::RangeError::New(env, "kind must be 0 (forward) or 1 (derivative)");
  const FloatArray x = float_array_arg(info, 2, "x");
  const FloatArray out = float_array_arg(info, 3, "out");
  require_same_shape(env, x, "x", out, "out");
  const ActivationParams p{number_arg(info, 4, "a"), number_arg(info, 5, "b")};
  const bool derivative = kind == 1;
  return [op, derivative, x, out, p] {
    const KernelTable& table = kernel_table();
    if (x.dtype == Dtype::float32) {
      run_elementwise(table.f32, op, derivative, x, out, p);
    } else {
      run_elementwise(table.f64, op, derivative, x, out, p);
    }
  };
}

// backwardFromOutput(op, y, dy, out): only the activations with a derivative of their output.
std::function<void()> prepare_backward_from_output(const Napi::CallbackInfo& info) {
  const Napi::Env env = info.Env();
  const int op = activation_arg(info, 0);
  if (kernel_table().f32.backward_from_output[op] == nullptr) {
    throw Napi::TypeError::New(env, std::string("activation ") + activation_name(op) + " has no derivative written in its output");
  }
  const FloatArray y = float_array_arg(info, 1, "y");
  const FloatArray dy = float_array_arg(info, 2, "dy");
  const FloatArray out = float_array_arg(info, 3, "out");
  require_same_shape(env, y, "y", dy, "dy");
  require_same_shape(env, y, "y", out, "out");
  return [op, y, dy, out] {
    const KernelTable& table = kernel_table();
    if (y.dtype == Dtype::float32) {
      table.f32.backward_from_output[op](y.as<float>(), dy.as<float>(), out.as<float>(), y.length);
    } else {
      table.f64.backward_from_output[op](y.as<double>(), dy.as<double>(), out.as<double>(), y.length);
    }
  };
}

std::function<void()> prepare_backward(const Napi::CallbackInfo& info) {
  const Napi::Env env = info.Env();
  const int op = activation_arg(info, 0);
  const FloatArray x = float_array_arg(info, 1, "x");
  const FloatArray dy = float_array_arg(info, 2, "dy");
  const FloatArray out = float_array_arg(info, 3, "out");
  require_same_shape(env, x, "x", dy, "dy");
  require_same_shape(env, x, "x", out, "out");
  const ActivationParams p{number_arg(info, 4, "a"), number_arg(info, 5, "b")};
  return [op, x, dy, out, p] {
    const KernelTable& table = kernel_table();
    if (x.dtype == Dtype::float32) {
      run_backward(table.f32, op, x, dy, out, p);
    } else {
      run_backward(table.f64, op, x, dy, out, p);
    }
  };
}

Napi::Value Elementwise(const Napi::CallbackInfo& info) {
  prepare_elementwise(info)();
  return info.Env().Undefined();
}

Napi::Value ElementwiseAsync(const Napi::CallbackInfo& info) {
  return queue_kernel(info.Env(), prepare_elementwise(info), {info[2], info[3]});
}

Napi::Value Backward(const Napi::CallbackInfo& info) {
  prepare_backward(info)();
  return info.Env().Undefined();
}

Napi::Value BackwardAsync(const Napi::CallbackInfo& info) {
  return queue_kernel(info.Env(), prepare_backward(info), {info[1], info[2], info[3]});
}

Napi::Value BackwardFromOutput(const Napi::CallbackInfo& info) {
  prepare_backward_from_output(info)();
  return info.Env().Undefined();
}

Napi::Value BackwardFromOutputAsync(const Napi::CallbackInfo& info) {
  return queue_kernel(info.Env(), prepare_backward_from_output(info), {info[1], info[2], info[3]});
}

}  // namespace

void register_activation_bindings(Napi::Env env, Napi::Object exports) {
  Napi::Array names = Napi::Array::New(env, kActivationCount);
  for (int i = 0; i < kActivationCount; ++i) names.Set(static_cast<uint32_t>(i), activation_name(i));
  exports.Set("activationNames", names);
  Napi::Array from_output = Napi::Array::New(env);
  for (int i = 0; i < kActivationCount; ++i) {
    if (kernel_table().f32.backward_from_output[i] != nullptr) from_output.Set(from_output.Length(), activation_name(i));
  }
  exports.Set("outputDerivativeNames", from_output);
  exports.Set("elementwise", Napi::Function::New(env, guarded<Elementwise>, "elementwise"));
  exports.Set("backward", Napi::Function::New(env, guarded<Backward>, "backward"));
  exports.Set("elementwiseAsync", Napi::Function::New(env, guarded<ElementwiseAsync>, "elementwiseAsync"));
  exports.Set("backwardAsync", Napi::Function::New(env, guarded<BackwardAsync>, "backwardAsync"));
  exports.Set("backwardFromOutput", Napi::Function::New(env, guarded<BackwardFromOutput>, "backwardFromOutput"));
  exports.Set("backwardFromOutputAsync", Napi::Function::New(env, guarded<BackwardFromOutputAsync>, "backwardFromOutputAsync"));
}

}  // namespace addon
}  // namespace actfn
