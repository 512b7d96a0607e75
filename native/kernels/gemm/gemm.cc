// Single-precision GEMM for one target (compiled once per ISA), in the BLIS layout: C is computed
// in MR x NR tiles by a register-blocked microkernel over packed panels of A (MR rows at a time)
// and B (NR columns at a time), blocked by KC along k so a panel pair stays in L2, with the
// epilogue (bias, pre-activation copy, activation) applied to each block of C as soon as its last
// k block is done, while it is still in cache. Threads take (row block, column range) tasks.
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
constexpr std::size_t kKC = 256;                  // k block: an A sliver (6 x 256) stays in L1
constexpr std::size_t kMC = 12 * kMR;             // row block: packed A (72 x 256 floats) in L2
constexpr std::size_t kNC = 4096 / kNR * kNR;     // column block: packed B (256 x 4096) in L2/L3

// Fewer multiply-adds than this run on the calling thread: waking a team costs more.
constexpr std::size_t kParallelFlops = std::size_t{1} << 18;

inline std::size_t round_up(std::size_t v, std::size_t to) { return (v + to - 1) / to * to; }

// op(A)(i, p) and op(B)(p, j) for the stored layouts.
struct Operands {
  const float* a;
  const float* b;
  const GemmShape& s;
  float a_at(std::size_t i, std::size_t p) const { return s.trans_a ? a[p * s.m + i] : a[i * s.k + p]; }
  float b_at(std::size_t p, std::size_t j) const { return s.trans_b ? b[j * s.k + p] : b[p * s.n + j]; }
};

// Rows [i0, i0 + mc) x k range [p0, p0 + kc) of op(A), as MR-row slivers: for each p, MR values.
void pack_a(const Operands& op, std::size_t i0, std::size_t mc, std::size_t p0, std::size_t kc, float* dst) {
  for (std::size_t s = 0; s < mc; s += kMR) {
    const std::size_t rows = std::min(kMR, mc - s);
    for (std::size_t p = 0; p < kc; ++p) {
      for (std::size_t r = 0; r < rows; ++r) dst[r] = op.a_at(i0 + s + r, p0 + p);
      for (std::size_t r = rows; r < kMR; ++r) dst[r] = 0;
      dst += kMR;
    }
  }
}

// k range [p0, p0 + kc) x columns [j0, j0 + nc) of op(B), as NR-column slivers: for each p, NR values.
void pack_b(const Operands& op, std::size_t p0, std::size_t kc, std::size_t j0, std::size_t nc, float* dst) {
  for (std::size_t s = 0; s < nc; s += kNR) {
    const std::size_t cols = std::min(kNR, nc - s);
    for (std::size_t p = 0; p < kc; ++p) {
      if (!op.s.trans_b && cols == kNR) {
        const float* row = op.b + (p0 + p) * op.s.n + j0 + s;
        for (std::size_t c = 0; c < kNR; ++c) dst[c] = row[c];
      } else {
        for (std::size_t c = 0; c < cols; ++c) dst[c] = op.b_at(p0 + p, j0 + s + c);
        for (std::size_t c = cols; c < kNR; ++c) dst[c] = 0;
      }
      dst += kNR;
    }
  }
}

// How one k block's product joins C: the first block brings beta C (not read when beta = 0).
struct Join {
  float alpha, beta;
  bool first;
};

// One MR x NR tile: acc = sum over the k block of A sliver x B sliver, then C = join(acc, C).
// rows x cols is the part of the tile inside C (edge tiles go through a buffer).
ACTFN_INLINE void tile(std::size_t kc, const float* ap, const float* bp, float* c, std::size_t ldc, std::size_t rows, std::size_t cols, Join j) {
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

void gemm(const GemmShape& s, const float* a, const float* b, float* c, const GemmEpilogue& e) {
  const Operands op{a, b, s};
  const bool has_epilogue = e.bias || e.pre_activation || e.activation;
  if (s.m == 0 || s.n == 0) return;
  if (s.k == 0) {  // C = beta C, then the epilogue
    for (std::size_t i = 0; i < s.m * s.n; ++i) c[i] = s.beta == 0 ? 0.0f : s.beta * c[i];
    if (has_epilogue) epilogue_block(s, c, e, 0, s.m, 0, s.n);
    return;
  }
  const std::size_t row_blocks = (s.m + kMC - 1) / kMC;
  const bool threaded = s.m * s.n * s.k >= kParallelFlops;
  for (std::size_t j0 = 0; j0 < s.n; j0 += kNC) {
    const std::size_t nc = std::min(kNC, s.n - j0);
    const std::size_t slivers = (nc + kNR - 1) / kNR;
    // Column ranges per row block: enough tasks for the threads when there are few row blocks.
    const std::size_t budget = threaded ? static_cast<std::size_t>(max_threads()) : 1;
    const std::size_t groups = std::min(slivers, std::max<std::size_t>(1, (budget + row_blocks - 1) / row_blocks));
    const std::size_t slivers_per_group = (slivers + groups - 1) / groups;
    std::vector<float>& packed_b = b_workspace();
    packed_b.resize(std::min(kKC, s.k) * slivers * kNR);
    for (std::size_t p0 = 0; p0 < s.k; p0 += kKC) {
      const std::size_t kc = std::min(kKC, s.k - p0);
      const bool last_k = p0 + kc == s.k;
      pack_b(op, p0, kc, j0, nc, packed_b.data());
      const float* bp_all = packed_b.data();
      const auto run = [&](std::size_t begin, std::size_t end) {
        std::vector<float>& packed_a = a_workspace();
        packed_a.resize(kMC * kc);
        std::size_t packed_block = static_cast<std::size_t>(-1);
        for (std::size_t task = begin; task < end; ++task) {
          const std::size_t block = task / groups, group = task % groups;
          const std::size_t i0 = block * kMC, mc = std::min(kMC, s.m - i0);
          const std::size_t first_sliver = group * slivers_per_group;
          const std::size_t last_sliver = std::min(slivers, first_sliver + slivers_per_group);
          if (first_sliver >= last_sliver) continue;
          if (packed_block != block) {
            pack_a(op, i0, mc, p0, kc, packed_a.data());
            packed_block = block;
          }
          for (std::size_t sl = first_sliver; sl < last_sliver; ++sl) {
            const std::size_t jj = sl * kNR, cols = std::min(kNR, nc - jj);
            for (std::size_t ii = 0; ii < mc; ii += kMR) {
              tile(kc, packed_a.data() + ii * kc, bp_all + sl * kc * kNR, c + (i0 + ii) * s.n + j0 + jj, s.n,
                   std::min(kMR, mc - ii), cols, Join{s.alpha, s.beta, p0 == 0});
            }
          }
          if (last_k && has_epilogue) {
            const std::size_t col0 = first_sliver * kNR, cols = std::min(nc, last_sliver * kNR) - col0;
            epilogue_block(s, c, e, i0, mc, j0 + col0, cols);
          }
        }
      };
      const std::size_t tasks = row_blocks * groups;
      if (threaded && tasks > 1) {
        parallel_for(tasks, 1, 1, run);
      } else {
        run(0, tasks);
      }
    }
  }
}

}  // namespace

void register_gemm_kernels(KernelTable& table) { table.gemm_f32 = gemm; }

}  // namespace ACTFN_TARGET
}  // namespace actfn
