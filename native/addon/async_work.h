// Runs a validated kernel call on the libuv thread pool and settles a Promise when it is done.
// The typed arrays it reads and writes stay referenced until then, so they cannot be collected
// under the kernel. (Transferring or detaching their buffer meanwhile is the caller's error, as
// with any in-flight native call.)
#pragma once

#include <napi.h>

#include <functional>
#include <initializer_list>

namespace actfn {
namespace addon {

// Called once per environment at load: its teardown waits for the kernels it still has running.
void track_environment(Napi::Env env);

Napi::Value queue_kernel(Napi::Env env, std::function<void()> kernel, std::initializer_list<Napi::Value> keep_alive);

}  // namespace addon
}  // namespace actfn
