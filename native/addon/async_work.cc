#include "async_work.h"

#include <utility>
#include <vector>

namespace actfn {
namespace addon {

namespace {

class KernelWorker final : public Napi::AsyncWorker {
 public:
  KernelWorker(Napi::Env env, std::function<void()> kernel, std::initializer_list<Napi::Value> keep_alive)
      : Napi::AsyncWorker(env, "actfn:kernel"),
        kernel_(std::move(kernel)),
        deferred_(Napi::Promise::Deferred::New(env)) {
    for (const Napi::Value& value : keep_alive) arrays_.push_back(Napi::Persistent(value.As<Napi::Object>()));
  }

  Napi::Promise promise() const { return deferred_.Promise(); }

 protected:
  void Execute() override { kernel_(); }
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
