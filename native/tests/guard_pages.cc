// Guard-page harness: every kernel of the table this process dispatches to (ACTFN_SIMD picks the
// instruction set), at every length 0..130, with each array placed flush against a PROT_NONE page
// (after its end, then before its start): a read or write one element past either end faults and
// kills the process. Run by test/reliability/guard-pages.test.ts for each instruction set.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "../kernels/kernels.h"

namespace {

// A region of whole pages with an inaccessible page after it (or before it): n elements of T
// placed against that page.
template <class T>
class Guarded {
 public:
  Guarded(std::size_t n, bool guard_after) {
    const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    const std::size_t data_pages = (n * sizeof(T) + page - 1) / page + 1;
    bytes_ = (data_pages + 1) * page;
    void* base = mmap(nullptr, bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) std::abort();
    base_ = static_cast<char*>(base);
    char* guard = guard_after ? base_ + data_pages * page : base_;
    if (mprotect(guard, page, PROT_NONE) != 0) std::abort();
    data_ = guard_after ? reinterpret_cast<T*>(guard) - n : reinterpret_cast<T*>(guard + page);
  }
  ~Guarded() { munmap(base_, bytes_); }
  Guarded(const Guarded&) = delete;
  Guarded& operator=(const Guarded&) = delete;
  T* data() { return data_; }

 private:
  char* base_;
  std::size_t bytes_;
  T* data_;
};

template <class T>
void fill(T* p, std::size_t n, double scale) {
  for (std::size_t i = 0; i < n; ++i) p[i] = static_cast<T>(scale * (static_cast<double>((i * 7919) % 97) / 12.0 - 4.0));
}

std::size_t calls = 0;

template <class T>
void activations(const actfn::TypedKernels<T>& k, bool after) {
  for (int op = 0; op < actfn::kActivationCount; ++op) {
    for (std::size_t n = 0; n <= 130; ++n) {
      Guarded<T> x(n, after), dy(n, after), out(n, after);
      fill(x.data(), n, 1.0);
      fill(dy.data(), n, 0.5);
      const actfn::ActivationParams p{0.5, 1.5};  // legal for every row (hardTanh's min < max)
      k.forward[op](x.data(), out.data(), n, p);
      k.derivative[op](x.data(), out.data(), n, p);
      k.backward[op](x.data(), dy.data(), out.data(), n, p);
      k.forward[op](out.data(), out.data(), n, p);  // in place
      calls += 4;
      if (k.backward_from_output[op] != nullptr) {
        k.backward_from_output[op](x.data(), dy.data(), out.data(), n);
        k.backward_from_output[op](x.data(), out.data(), out.data(), n);  // in place on dy
        calls += 2;
      }
    }
  }
}

template <class T>
void softmaxes(const actfn::TypedKernels<T>& k, bool after) {
  for (std::size_t n = 1; n <= 130; ++n) {
    for (std::size_t cols : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7}, std::size_t{16}, std::size_t{17}, n}) {
      if (n % cols != 0) continue;
      Guarded<T> x(n, after), dy(n, after), out(n, after);
      fill(x.data(), n, 1.0);
      fill(dy.data(), n, 0.5);
      k.softmax(x.data(), out.data(), n / cols, cols);
      k.log_softmax(x.data(), out.data(), n / cols, cols);
      k.softmax_backward(x.data(), dy.data(), out.data(), n / cols, cols);
      calls += 3;
    }
  }
}

void gemms(const actfn::KernelTable& t, bool after) {
  const std::size_t sizes[] = {1, 2, 3, 5, 6, 7, 9, 17, 31, 33};
  for (std::size_t m : sizes)
    for (std::size_t n : sizes)
      for (std::size_t k : {std::size_t{1}, std::size_t{4}, std::size_t{33}})
        for (int trans = 0; trans < 4; ++trans) {
          Guarded<float> a(m * k, after), b(k * n, after), c(m * n, after), z(m * n, after), bias(n, after);
          fill(a.data(), m * k, 1.0);
          fill(b.data(), k * n, 1.0);
          fill(c.data(), m * n, 1.0);
          fill(bias.data(), n, 1.0);
          const actfn::GemmShape s{m, n, k, (trans & 1) != 0, (trans & 2) != 0, 1.0f, 0.5f};
          const actfn::GemmEpilogue e{bias.data(), z.data(), t.f32.forward[0], {0, 0}};
          t.gemm_f32(s, a.data(), b.data(), c.data(), e);
          ++calls;
        }
}

void dense_backwards(const actfn::KernelTable& t, bool after) {
  const std::size_t sizes[] = {1, 2, 5, 7, 17, 33};
  for (std::size_t batch : sizes)
    for (std::size_t inputs : sizes)
      for (std::size_t units : sizes)
        for (int variant = 0; variant < 2; ++variant) {  // with an activation, bias and dx; without
          const bool full = variant == 0;
          Guarded<float> x(batch * inputs, after), w(inputs * units, after), dy(batch * units, after), z(batch * units, after),
              dz(batch * units, after), dw(inputs * units, after), db(units, after), dx(batch * inputs, after);
          fill(x.data(), batch * inputs, 1.0);
          fill(w.data(), inputs * units, 1.0);
          fill(dy.data(), batch * units, 0.5);
          fill(z.data(), batch * units, 1.0);
          const actfn::DenseShape s{batch, inputs, units};
          const actfn::DenseBackwardArgs a{x.data(), w.data(), dy.data(), full ? t.f32.backward[0] : nullptr, {0, 0}, z.data(),
                                           full ? dz.data() : nullptr, dw.data(), full ? db.data() : nullptr,
                                           full ? dx.data() : nullptr};
          t.dense_backward_f32(s, a);
          ++calls;
        }
}

void training(const actfn::KernelTable& t, bool after) {
  for (std::size_t n = 1; n <= 130; ++n) {
    Guarded<float> y(n, after), target(n, after), grad(n, after), params(n, after), g(n, after), s0(n, after), s1(n, after);
    fill(y.data(), n, 0.1);
    for (std::size_t i = 0; i < n; ++i) {
      y.data()[i] = 0.05f + 0.9f * static_cast<float>(i % 10) / 10.0f;  // probabilities too
      target.data()[i] = static_cast<float>(i % 2);
    }
    const actfn::LossOptions o{1e-7, 1.0};
    for (int kind = 0; kind < actfn::kLossCount; ++kind) {
      const bool sparse = kind == static_cast<int>(actfn::Loss::sparseCategoricalCrossentropyFromLogits);
      // sparse targets: one class index per row (rows = n, cols = 1 keeps them in range)
      t.loss[kind](y.data(), target.data(), sparse ? n : 1, sparse ? 1 : n, grad.data(), o);
      ++calls;
    }
    float* slots[] = {s0.data(), s1.data()};
    const actfn::OptimizerHyper h{0.01, 0.9, 0.999, 1e-7, 0.01, true};
    for (int kind = 0; kind < actfn::kOptimizerCount; ++kind) {
      t.optimizer[kind](params.data(), g.data(), slots, n, h, 1.0);
      ++calls;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "--self-test") == 0) {  // proves a one-past-the-end read faults
    Guarded<float> g(10, true);
    volatile float past = g.data()[10];
    std::printf("read past the end without a fault: %f\n", static_cast<double>(past));
    return 1;
  }
  const actfn::KernelTable& t = actfn::kernel_table();
  for (bool after : {true, false}) {
    activations(t.f32, after);
    activations(t.f64, after);
    softmaxes(t.f32, after);
    softmaxes(t.f64, after);
    gemms(t, after);
    dense_backwards(t, after);
    training(t, after);
  }
  std::printf("guard pages: %zu kernel calls on %s, no fault\n", calls, t.isa);
  return 0;
}
