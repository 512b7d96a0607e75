// Reading float typed arrays from JavaScript without copying. napi_get_typedarray_info already
// applies the view's byteOffset, so subarray views point at their first element.
#pragma once

#include <napi.h>

#include <cstddef>
#include <string>

namespace actfn {
namespace addon {

enum class Dtype { float32, float64 };

struct FloatArray {
  void* data;
  std::size_t length;
  Dtype dtype;

  template <class T>
  T* as() const {
    return static_cast<T*>(data);
  }
};

// The argument at `index` as a Float32Array or Float64Array; throws a TypeError naming `name`.
inline FloatArray float_array_arg(const Napi::CallbackInfo& info, std::size_t index, const char* name) {
  const Napi::Value value = info[index];
  if (value.IsTypedArray()) {
    const Napi::TypedArray array = value.As<Napi::TypedArray>();
    if (array.ArrayBuffer().IsDetached()) {
      throw Napi::TypeError::New(info.Env(), std::string(name) + " is backed by a detached ArrayBuffer");
    }
    const napi_typedarray_type type = array.TypedArrayType();
    if (type == napi_float32_array) {
      auto typed = array.As<Napi::Float32Array>();
      return {typed.Data(), typed.ElementLength(), Dtype::float32};
    }
    if (type == napi_float64_array) {
      auto typed = array.As<Napi::Float64Array>();
      return {typed.Data(), typed.ElementLength(), Dtype::float64};
    }
  }
  throw Napi::TypeError::New(info.Env(), std::string(name) + " must be a Float32Array or Float64Array");
}

// `other` must have the dtype and length of `reference`.
inline void require_same_shape(const Napi::Env& env, const FloatArray& reference, const char* reference_name,
                               const FloatArray& other, const char* other_name) {
  if (other.dtype != reference.dtype) {
    throw Napi::TypeError::New(env, std::string(other_name) + " must have the same element type as " + reference_name);
  }
  if (other.length != reference.length) {
    throw Napi::RangeError::New(env, std::string(other_name) + " must have the same length as " + reference_name +
                                         " (" + std::to_string(reference.length) + "), got " +
                                         std::to_string(other.length));
  }
}

// The argument at `index` as a Float32Array of exactly `length` elements (or null, when allowed).
inline float* float32_arg(const Napi::CallbackInfo& info, std::size_t index, const char* name, std::size_t length,
                          bool nullable = false) {
  if (nullable && info[index].IsNull()) return nullptr;
  const FloatArray array = float_array_arg(info, index, name);
  if (array.dtype != Dtype::float32) throw Napi::TypeError::New(info.Env(), std::string(name) + " must be a Float32Array");
  if (array.length != length) {
    throw Napi::RangeError::New(info.Env(), std::string(name) + " must have length " + std::to_string(length) + ", got " +
                                                std::to_string(array.length));
  }
  return array.as<float>();
}

inline double number_arg(const Napi::CallbackInfo& info, std::size_t index, const char* name) {
  if (!info[index].IsNumber()) throw Napi::TypeError::New(info.Env(), std::string(name) + " must be a number");
  return info[index].As<Napi::Number>().DoubleValue();
}

}  // namespace addon
}  // namespace actfn
