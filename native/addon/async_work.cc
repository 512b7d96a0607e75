#include "async_work.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <utility>
#include <vector>

namespace actfn {
namespace addon {

// Kernels still running on the thread pool for one environment. A worker thread terminated
// mid-call tears its environment down, freeing the arrays a kernel is writing, references or not;
// the environment's cleanup hook (registered once per environment) waits here until they finish
// (found by test/reliability: terminating workers in a loop segfaulted).
struct InFlight {
  std::mutex mutex;
  std::condition_variable idle;
  int running = 0;
};

void freed_by_the_cleanup_hook(Napi::Env, InFlight*) {}

void track_environment(Napi::Env env) {
  auto* in_flight = new InFlight();
  env.SetInstanceData<InFlight, freed_by_the_cleanup_hook>(in_flight);
  env.AddCleanupHook([in_flight] {
    std::unique_lock<std::mutex> lock(in_flight->mutex);
    // bounded: a work item that never ran (its queueing failed as the environment went away)
    // must not hang the thread's exit
    in_flight->idle.wait_for(lock, std::chrono::seconds(10), [in_flight] { return in_flight->running == 0; });
    lock.unlock();
    delete in_flight;
  });
}

namespace {

class KernelWorker final : public Napi::AsyncWorker {
 public:
  KernelWorker(Napi::Env env, std::function<void()> kernel, std::initializer_list<Napi::Value> keep_alive)
      : Napi::AsyncWorker(env, "actfn:kernel"),
        kernel_(std::move(kernel)),
        deferred_(Napi::Promise::Deferred::New(env)),
        in_flight_(env.GetInstanceData<InFlight>()) {
    for (const Napi::Value& value : keep_alive) arrays_.push_back(Napi::Persistent(value.As<Napi::Object>()));
    std::lock_guard<std::mutex> lock(in_flight_->mutex);
    ++in_flight_->running;
  }

  Napi::Promise promise() const { return deferred_.Promise(); }

 protected:
  void Execute() override {
    kernel_();
    std::lock_guard<std::mutex> lock(in_flight_->mutex);  // the arrays are no longer touched
    if (--in_flight_->running == 0) in_flight_->idle.notify_all();
  }
  // The base class opens a handle scope before settling; in an environment that is shutting down
  // (its worker thread terminated mid-call) that throws too. Then nothing is left to notify: just
  // free this work item.
  void OnWorkComplete(Napi::Env env, napi_status status) override {
    try {
      Napi::AsyncWorker::OnWorkComplete(env, status);
    } catch (const Napi::Error&) {
      Destroy();
    }
  }
  void OnOK() override {
    settle([this] { deferred_.Resolve(Env().Undefined()); });
  }
  void OnError(const Napi::Error& error) override {
    settle([&] { deferred_.Reject(error.Value()); });
  }

 private:
  // When a worker thread is terminated mid-call, the kernel still finishes, but its environment is
  // shutting down and settling throws: nobody can observe the promise any more, and an exception
  // escaping this callback would abort the whole process (found by test/reliability/concurrency).
  template <class Settle>
  void settle(Settle&& settle_promise) {
    try {
      settle_promise();
    } catch (const Napi::Error&) {
    }
  }

  std::function<void()> kernel_;
  Napi::Promise::Deferred deferred_;
  InFlight* in_flight_;
  std::vector<Napi::ObjectReference> arrays_;
};

}  // namespace

Napi::Value queue_kernel(Napi::Env env, std::function<void()> kernel, std::initializer_list<Napi::Value> keep_alive) {
  auto* worker = new KernelWorker(env, std::move(kernel), keep_alive);  // deletes itself when settled
  Napi::Promise promise = worker->promise();
  worker->Queue();
  return promise;
}

}  // namespace addon
}  // namespace actfn
