// Single-precision GEMM for one target (compiled once per ISA), in the BLIS layout: C is computed
// in MR x NR tiles by a register-blocked microkernel over packed panels of A (MR rows at a time)
// and B (NR columns at a time), blocked by KC along k so a panel pair stays in cache, with the
// epilogue (bias, pre-activation copy, activation) applied to each block of C as soon as its last
// k block is done, while it is still in cache. Threads take column ranges and pack privately.
//
// Measured here (bench/nn.mjs, AMD EPYC Zen 4, AVX-512): 90-99 GFLOP/s on 1 thread and 170-190 on
// 2 at n = 256..2048, against 100 and 170-194 for numpy's OpenBLAS on the same machine.
//
// Accumulation is in float32 with FMA, k-block by k-block (as in OpenBLAS and MKL): the error bound
// is the usual |C - C_exact| <= k u |A||B| (u = 2^-24), not correct rounding.
#include <algorithm>
#include <cstddef>
#include <vector>

#include "../parallel.h"
#include "../simd/vec.h"
#include "../targets.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace {

using V = Vec<float>;
constexpr std::size_t kMR = 6;                    // rows of a tile
constexpr std::size_t kNV = 2;                    // vectors per tile row
constexpr std::size_t kNR = kNV * V::N;           // columns of a tile: 32 (AVX-512), 16 (AVX2)
constexpr std::size_t kKC = 384;                  // k block: a B sliver (384 x NR) in L1/L2 (384 beat 256 and 512 here)
constexpr std::size_t kMC = 12 * kMR;             // row block: packed A (72 x 384 floats, 108 KiB) in L2
constexpr std::size_t kNC = 4096 / kNR * kNR;     // column block (512 measured slower: more A repacking)

// Fewer multiply-adds than this run on the calling thread: waking a team costs more.
constexpr std::size_t kParallelFlops = std::size_t{1} << 18;

inline std::size_t round_up(std::size_t v, std::size_t to) { return (v + to - 1) / to * to; }

// The stored operands and the shape that says how to read them.
struct Operands {
  const float* a;
  const float* b;
  const GemmShape& s;
};

// Packs a panel as Width-wide slivers: for each p in [p0, p0 + kc), Width values of the sliver
// dimension i in [i0, i0 + count), zero-padding the last sliver. Element (i, p) lives at
// src[i * ld + p] when i_major, else at src[p * ld + i]; reads follow that storage order.
template <std::size_t Width>
void pack_slivers(const float* src, std::size_t ld, bool i_major, std::size_t i0, std::size_t count, std::size_t p0, std::size_t kc, float* dst) {
  for (std::size_t sl = 0; sl < count; sl += Width, dst += Width * kc) {
    const std::size_t width = std::min(Width, count - sl);
    if (width < Width) std::fill(dst, dst + Width * kc, 0.0f);
    if (i_major) {
      for (std::size_t w = 0; w < width; ++w) {
        const float* row = src + (i0 + sl + w) * ld + p0;
        for (std::size_t p = 0; p < kc; ++p) dst[p * Width + w] = row[p];
      }
    } else {
      for (std::size_t p = 0; p < kc; ++p) {
        const float* row = src + (p0 + p) * ld + i0 + sl;
        for (std::size_t w = 0; w < width; ++w) dst[p * Width + w] = row[w];
      }
    }
  }
}

// Rows [i0, i0 + mc) x k range [p0, p0 + kc) of op(A), as MR-row slivers.
void pack_a(const Operands& op, std::size_t i0, std::size_t mc, std::size_t p0, std::size_t kc, float* dst) {
  const GemmShape& s = op.s;
  pack_slivers<kMR>(op.a, s.trans_a ? s.m : s.k, !s.trans_a, i0, mc, p0, kc, dst);
}

// k range [p0, p0 + kc) x columns [j0, j0 + nc) of op(B), as NR-column slivers.
void pack_b(const Operands& op, std::size_t p0, std::size_t kc, std::size_t j0, std::size_t nc, float* dst) {
  const GemmShape& s = op.s;
  pack_slivers<kNR>(op.b, s.trans_b ? s.k : s.n, s.trans_b, j0, nc, p0, kc, dst);
}

// How one k block's product joins C: the first block brings beta C (not read when beta = 0).
struct Join {
  float alpha, beta;
  bool first;
};

// One MR x NR tile: acc = sum over the k block of A sliver x B sliver, then C = join(acc, C).
// rows x cols is the part of the tile inside C (edge tiles go through a buffer). Kept out of line
// on purpose: inlined into the blocking loops, GCC 12 stored the twelve accumulators to the stack
// on every k step (35 instead of 95 GFLOP/s); a call per tile costs nothing next to its 256 steps.
ACTFN_NOINLINE void tile(std::size_t kc, const float* ap, const float* bp, float* c, std::size_t ldc, std::size_t rows, std::size_t cols, Join j) {
  V acc[kMR][kNV];
  for (std::size_t r = 0; r < kMR; ++r)
    for (std::size_t v = 0; v < kNV; ++v) acc[r][v] = set<float>(0);
  for (std::size_t p = 0; p < kc; ++p) {
    V b[kNV];
    for (std::size_t v = 0; v < kNV; ++v) b[v] = load(bp + v * V::N);
    for (std::size_t r = 0; r < kMR; ++r) {
      const V a = set<float>(ap[r]);
      for (std::size_t v = 0; v < kNV; ++v) acc[r][v] = fma(a, b[v], acc[r][v]);
    }
    ap += kMR;
    bp += kNR;
  }
  const V alpha = set<float>(j.alpha), beta = set<float>(j.beta);
  const auto joined = [&](V sum, V old) { return j.first ? (j.beta == 0 ? alpha * sum : fma(beta, old, alpha * sum)) : fma(alpha, sum, old); };
  if (rows == kMR && cols == kNR) {
    for (std::size_t r = 0; r < kMR; ++r)
      for (std::size_t v = 0; v < kNV; ++v) {
        float* dst = c + r * ldc + v * V::N;
        store(dst, joined(acc[r][v], j.first && j.beta == 0 ? set<float>(0) : load(dst)));
      }
    return;
  }
  float buffer[kMR * kNR];
  for (std::size_t r = 0; r < kMR; ++r)
    for (std::size_t v = 0; v < kNV; ++v) store(buffer + r * kNR + v * V::N, acc[r][v]);
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t col = 0; col < cols; ++col) {
      float& dst = c[r * ldc + col];
      const float sum = buffer[r * kNR + col];
      dst = j.first ? (j.beta == 0 ? j.alpha * sum : j.beta * dst + j.alpha * sum) : dst + j.alpha * sum;
    }
}

// Bias, pre-activation and activation over rows [i0, i0 + mc) x columns [j0, j0 + nc) of C.
void epilogue_block(const GemmShape& s, float* c, const GemmEpilogue& e, std::size_t i0, std::size_t mc, std::size_t j0, std::size_t nc) {
  for (std::size_t i = i0; i < i0 + mc; ++i) {
    float* row = c + i * s.n + j0;
    if (e.bias) {
      const float* bias = e.bias + j0;
      std::size_t col = 0;
      for (; col + V::N <= nc; col += V::N) store(row + col, load(row + col) + load(bias + col));
      for (; col < nc; ++col) row[col] += bias[col];
    }
    if (e.pre_activation) std::copy(row, row + nc, e.pre_activation + i * s.n + j0);
    if (e.activation) e.activation(row, row, nc, e.params);
  }
}

// Per-thread packing buffers, kept between calls (OpenMP's threads persist).
std::vector<float>& a_workspace() {
  thread_local std::vector<float> buffer;
  return buffer;
}
std::vector<float>& b_workspace() {
  thread_local std::vector<float> buffer;
  return buffer;
}

// One thread's share: columns [n0, n1) of C (whole NR slivers but the last), every row. It packs
// its own B panels and A blocks, so threads share nothing but the read-only inputs.
void gemm_columns(const GemmShape& s, const Operands& op, float* c, const GemmEpilogue& e, std::size_t n0, std::size_t n1) {
  const bool has_epilogue = e.bias || e.pre_activation || e.activation;
  std::vector<float>& packed_a = a_workspace();
  std::vector<float>& packed_b = b_workspace();
  packed_a.resize(kMC * std::min(kKC, s.k));
  packed_b.resize(std::min(kKC, s.k) * round_up(std::min(kNC, n1 - n0), kNR));
  for (std::size_t j0 = n0; j0 < n1; j0 += kNC) {
    const std::size_t nc = std::min(kNC, n1 - j0);
    for (std::size_t p0 = 0; p0 < s.k; p0 += kKC) {
      const std::size_t kc = std::min(kKC, s.k - p0);
      const Join join{s.alpha, s.beta, p0 == 0};
      pack_b(op, p0, kc, j0, nc, packed_b.data());
      for (std::size_t i0 = 0; i0 < s.m; i0 += kMC) {
        const std::size_t mc = std::min(kMC, s.m - i0);
        pack_a(op, i0, mc, p0, kc, packed_a.data());
        for (std::size_t jj = 0; jj < nc; jj += kNR) {
          const float* bp = packed_b.data() + jj * kc;
          for (std::size_t ii = 0; ii < mc; ii += kMR) {
            tile(kc, packed_a.data() + ii * kc, bp, c + (i0 + ii) * s.n + j0 + jj, s.n, std::min(kMR, mc - ii), std::min(kNR, nc - jj), join);
          }
        }
        if (p0 + kc == s.k && has_epilogue) epilogue_block(s, c, e, i0, mc, j0, nc);
      }
    }
  }
}

void gemm(const GemmShape& s, const float* a, const float* b, float* c, const GemmEpilogue& e) {
  const Operands op{a, b, s};
  if (s.m == 0 || s.n == 0) return;
  if (s.k == 0) {  // C = beta C, then the epilogue
    for (std::size_t i = 0; i < s.m * s.n; ++i) c[i] = s.beta == 0 ? 0.0f : s.beta * c[i];
    if (e.bias || e.pre_activation || e.activation) epilogue_block(s, c, e, 0, s.m, 0, s.n);
    return;
  }
  // Threads split the columns (in whole slivers); a product too small to pay for waking them, or
  // too narrow to split, runs here.
  const std::size_t slivers = (s.n + kNR - 1) / kNR;
  const std::size_t threads = s.m * s.n * s.k >= kParallelFlops ? std::min<std::size_t>(static_cast<std::size_t>(max_threads()), slivers) : 1;
  if (threads <= 1) {
    gemm_columns(s, op, c, e, 0, s.n);
    return;
  }
  const std::size_t per_thread = (slivers + threads - 1) / threads;
  parallel_for(threads, 1, 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t t = begin; t < end; ++t) {
      const std::size_t n0 = t * per_thread * kNR;
      const std::size_t n1 = std::min(s.n, (t + 1) * per_thread * kNR);
      if (n0 < n1) gemm_columns(s, op, c, e, n0, n1);
    }
  });
}

}  // namespace

void register_gemm_kernels(KernelTable& table) { table.gemm_f32 = gemm; }

}  // namespace ACTFN_TARGET
}  // namespace actfn
