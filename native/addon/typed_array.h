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

// A JavaScript value as a Float32Array or Float64Array; throws a TypeError naming `name`. One
// napi_get_typedarray_info call gives the type, length, data and buffer (reading them through
// node-addon-api's wrappers took three, each walking V8's list of typed-array types: 9% of a
// training step of the reference network went there).
inline FloatArray float_array_value(napi_env env, napi_value value, const char* name) {
  bool typed = false;
  if (napi_is_typedarray(env, value, &typed) == napi_ok && typed) {
    napi_typedarray_type type;
    std::size_t length = 0;
    void* data = nullptr;
    napi_value buffer = nullptr;
    if (napi_get_typedarray_info(env, value, &type, &length, &data, &buffer, nullptr) == napi_ok) {
      bool detached = false;
      if (napi_is_detached_arraybuffer(env, buffer, &detached) == napi_ok && detached) {
        throw Napi::TypeError::New(env, std::string(name) + " is backed by a detached ArrayBuffer");
      }
      if (type == napi_float32_array) return {data, length, Dtype::float32};
      if (type == napi_float64_array) return {data, length, Dtype::float64};
    }
  }
  throw Napi::TypeError::New(env, std::string(name) + " must be a Float32Array or Float64Array");
}

// The argument at `index` as a Float32Array or Float64Array; throws a TypeError naming `name`.
inline FloatArray float_array_arg(const Napi::CallbackInfo& info, std::size_t index, const char* name) {
  return float_array_value(info.Env(), info[index], name);
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

// A JavaScript value as a Float32Array of exactly `length` elements.
inline float* float32_value(napi_env env, napi_value value, const char* name, std::size_t length) {
  const FloatArray array = float_array_value(env, value, name);
  if (array.dtype != Dtype::float32) throw Napi::TypeError::New(env, std::string(name) + " must be a Float32Array");
  if (array.length != length) {
    throw Napi::RangeError::New(env, std::string(name) + " must have length " + std::to_string(length) + ", got " +
                                         std::to_string(array.length));
  }
  return array.as<float>();
}

// The argument at `index` as a Float32Array of exactly `length` elements (or null, when allowed).
inline float* float32_arg(const Napi::CallbackInfo& info, std::size_t index, const char* name, std::size_t length,
                          bool nullable = false) {
  if (nullable && info[index].IsNull()) return nullptr;
  return float32_value(info.Env(), info[index], name, length);
}

inline double number_arg(const Napi::CallbackInfo& info, std::size_t index, const char* name) {
  if (!info[index].IsNumber()) throw Napi::TypeError::New(info.Env(), std::string(name) + " must be a number");
  return info[index].As<Napi::Number>().DoubleValue();
}

// The argument at `index` as a matrix dimension: an integer from 0 to 1e9.
inline std::size_t dimension_arg(const Napi::CallbackInfo& info, std::size_t index, const char* name) {
  const double v = number_arg(info, index, name);
  if (!(v >= 0) || v != static_cast<double>(static_cast<std::size_t>(v)) || v > 1e9) {
    throw Napi::RangeError::New(info.Env(), std::string(name) + " must be a non-negative integer");
  }
  return static_cast<std::size_t>(v);
}

// The argument at `index` as an activation for a fused pass: -1 (none) or an index below `count`
// into activationNames.
inline int optional_activation_arg(const Napi::CallbackInfo& info, std::size_t index, int count) {
  const double v = number_arg(info, index, "activation");
  if (v != -1 && !(v >= 0 && v < count && v == static_cast<int>(v))) {
    throw Napi::RangeError::New(info.Env(), "activation must be -1 or an index into activationNames");
  }
  return static_cast<int>(v);
}

}  // namespace addon
}  // namespace actfn
