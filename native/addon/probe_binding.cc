// The bench-only addon (actfn_bench.node, built beside actfn.node by cmake-js; never packaged):
// the physical limits bench/ compares the kernels against, measured in the same run.
//
//   copyProbe(x, out)       out = x: memory bandwidth as an out-of-place unary kernel sees it
//   addProbe(x, y, out)     out = x + y: as a backward kernel (two reads, one write) sees it
//   fmaPeak(isa, dtype, threads, seconds)
//                           GFLOP/s of independent FMA chains at one instruction set, on `threads`
//                           OpenMP threads (each runs its own chains); best of three runs
//   setNumThreads(n)        thread budget of the memory probes (this addon has its own copy of
//                           the budget: bench/ sets it together with the library's)
//   info()                  { cpuSimd, isas: instruction sets compiled in and usable here, openmp }
//
// The memory probes use the kernels' parallel_for (same grain and chunking), so their threading
// matches the kernels'.
#include <chrono>
#include <cstring>
#include <string>

#include "bindings.h"
#include "typed_array.h"
#include "../kernels/cpu_features.h"
#include "../kernels/parallel.h"
#include "../kernels/probe/fma_probe.h"
#include "../kernels/probe/memory_probe.h"

namespace actfn {
namespace addon {
namespace {

Napi::Value CopyProbe(const Napi::CallbackInfo& info) {
  const FloatArray x = float_array_arg(info, 0, "x");
  const FloatArray out = float_array_arg(info, 1, "out");
  require_same_shape(info.Env(), x, "x", out, "out");
  if (x.dtype == Dtype::float32) {
    probe::copy(x.as<float>(), out.as<float>(), x.length);
  } else {
    probe::copy(x.as<double>(), out.as<double>(), x.length);
  }
  return info.Env().Undefined();
}

Napi::Value AddProbe(const Napi::CallbackInfo& info) {
  const FloatArray x = float_array_arg(info, 0, "x");
  const FloatArray y = float_array_arg(info, 1, "y");
  const FloatArray out = float_array_arg(info, 2, "out");
  require_same_shape(info.Env(), x, "x", y, "y");
  require_same_shape(info.Env(), x, "x", out, "out");
  if (x.dtype == Dtype::float32) {
    probe::add(x.as<float>(), y.as<float>(), out.as<float>(), x.length);
  } else {
    probe::add(x.as<double>(), y.as<double>(), out.as<double>(), x.length);
  }
  return info.Env().Undefined();
}

using Chains = double (*)(std::size_t);
using Shape = probe::FmaShape (*)(bool);

struct FmaTarget {
  Isa isa;
  Chains f32;
  Chains f64;
  Shape shape;
};

// Targets compiled into this build, lowest first (as in dispatch.cc).
constexpr FmaTarget kFmaTargets[] = {
    {Isa::scalar, scalar::fma_chains_f32, scalar::fma_chains_f64, scalar::fma_shape},
#ifdef ACTFN_HAVE_AVX2
    {Isa::avx2, avx2::fma_chains_f32, avx2::fma_chains_f64, avx2::fma_shape},
#endif
#ifdef ACTFN_HAVE_AVX512
    {Isa::avx512, avx512::fma_chains_f32, avx512::fma_chains_f64, avx512::fma_shape},
#endif
#ifdef ACTFN_HAVE_NEON
    {Isa::neon, neon::fma_chains_f32, neon::fma_chains_f64, neon::fma_shape},
#endif
};

bool usable(Isa isa) { return isa_rank(isa) <= isa_rank(detect_best_isa()); }

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Wall time of `threads` threads each running `iterations` of the chains at once.
double run_chains(Chains chains, std::size_t iterations, int threads, double* sink) {
  const auto start = std::chrono::steady_clock::now();
  double total = 0;
#ifdef _OPENMP
#pragma omp parallel num_threads(threads) reduction(+ : total)
  total += chains(iterations);
#else
  (void)threads;
  total = chains(iterations);
#endif
  const double elapsed = seconds_since(start);
  *sink += total;
  return elapsed;
}

Napi::Value FmaPeak(const Napi::CallbackInfo& info) {
  const Napi::Env env = info.Env();
  if (!info[0].IsString()) throw Napi::TypeError::New(env, "isa must be a string");
  if (!info[1].IsString()) throw Napi::TypeError::New(env, "dtype must be 'float32' or 'float64'");
  const std::string isa = info[0].As<Napi::String>().Utf8Value();
  const std::string dtype = info[1].As<Napi::String>().Utf8Value();
  const double threads_arg = number_arg(info, 2, "threads");
  const double seconds = number_arg(info, 3, "seconds");
  if (dtype != "float32" && dtype != "float64") throw Napi::TypeError::New(env, "dtype must be 'float32' or 'float64'");
  if (!(threads_arg >= 1 && threads_arg <= 1024) || threads_arg != static_cast<int>(threads_arg)) {
    throw Napi::RangeError::New(env, "threads must be an integer from 1 to 1024");
  }
  if (!(seconds > 0 && seconds <= 10)) throw Napi::RangeError::New(env, "seconds must be in (0, 10]");
  const FmaTarget* target = nullptr;
  for (const FmaTarget& t : kFmaTargets) {
    if (isa == isa_name(t.isa)) target = &t;
  }
  if (target == nullptr || !usable(target->isa)) {
    throw Napi::RangeError::New(env, "instruction set '" + isa + "' is not compiled in or not usable on this CPU");
  }
  const bool f64 = dtype == "float64";
  const Chains chains = f64 ? target->f64 : target->f32;
  const int threads = static_cast<int>(threads_arg);
  double sink = 0;
  // calibrate on one thread to about a tenth of the run, then three timed runs; the best counts
  std::size_t iterations = std::size_t{1} << 14;
  for (;;) {
    const double t = run_chains(chains, iterations, 1, &sink);
    if (t >= seconds / 10 || iterations >= (std::size_t{1} << 40)) {
      iterations = static_cast<std::size_t>(static_cast<double>(iterations) * (seconds / 3) / (t > 0 ? t : 1e-9)) + 1;
      break;
    }
    iterations *= 4;
  }
  double best = 0;
  for (int run = 0; run < 3; ++run) {
    const double t = run_chains(chains, iterations, threads, &sink);
    if (best == 0 || t < best) best = t;
  }
  const probe::FmaShape shape = target->shape(f64);
  Napi::Object result = Napi::Object::New(env);
  result.Set("isa", isa);
  result.Set("dtype", dtype);
  result.Set("threads", threads);
  result.Set("lanes", static_cast<double>(shape.lanes));
  result.Set("accumulators", static_cast<double>(shape.accumulators));
  result.Set("gflops", static_cast<double>(iterations) * static_cast<double>(shape.flops_per_iteration) * threads / best / 1e9);
  result.Set("checksum", sink);  // keeps the chains observable
  return result;
}

Napi::Value SetNumThreads(const Napi::CallbackInfo& info) {
  const double n = number_arg(info, 0, "n");
  if (!(n >= 1 && n <= 1024) || n != static_cast<int>(n)) {
    throw Napi::RangeError::New(info.Env(), "n must be an integer from 1 to 1024");
  }
  set_max_threads(static_cast<int>(n));
  return info.Env().Undefined();
}

Napi::Value Info(const Napi::CallbackInfo& info) {
  const Napi::Env env = info.Env();
  Napi::Object result = Napi::Object::New(env);
  result.Set("cpuSimd", isa_name(detect_best_isa()));
  Napi::Array isas = Napi::Array::New(env);
  uint32_t count = 0;
  for (const FmaTarget& t : kFmaTargets) {
    if (usable(t.isa)) isas.Set(count++, isa_name(t.isa));
  }
  result.Set("isas", isas);
#ifdef _OPENMP
  result.Set("openmp", true);
#else
  result.Set("openmp", false);
#endif
  return result;
}

}  // namespace
}  // namespace addon
}  // namespace actfn

namespace {

using namespace actfn::addon;

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  try {
    exports.Set("copyProbe", Napi::Function::New(env, guarded<CopyProbe>, "copyProbe"));
    exports.Set("addProbe", Napi::Function::New(env, guarded<AddProbe>, "addProbe"));
    exports.Set("fmaPeak", Napi::Function::New(env, guarded<FmaPeak>, "fmaPeak"));
    exports.Set("setNumThreads", Napi::Function::New(env, guarded<SetNumThreads>, "setNumThreads"));
    exports.Set("info", Napi::Function::New(env, guarded<Info>, "info"));
  } catch (const Napi::Error& error) {
    try {
      napi_throw(env, error.Value());
    } catch (const Napi::Error&) {
    }
  }
  return exports;
}

}  // namespace

NODE_API_MODULE(actfn_bench, Init)
