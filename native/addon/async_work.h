// Runs a validated kernel call on the libuv thread pool and settles a Promise when it is done.
// The typed arrays it reads and writes stay referenced until then, so they cannot be collected
// under the kernel. (Transferring or detaching their buffer meanwhile is the caller's error, as
// with any in-flight native call.) A worker thread terminated mid-call is safe too: Node's
// environment teardown runs the loop until its thread-pool work has completed, before it frees
// anything (checked: a cleanup hook never saw a kernel still running in 40 terminations mid-call).
#pragma once

#include <napi.h>

#include <functional>
#include <initializer_list>

namespace actfn {
namespace addon {

Napi::Value queue_kernel(Napi::Env env, std::function<void()> kernel, std::initializer_list<Napi::Value> keep_alive);

}  // namespace addon
}  // namespace actfn
