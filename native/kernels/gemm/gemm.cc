// Single-precision GEMM for one target (compiled once per ISA), in the BLIS layout: C is computed
// in MR x NR tiles by a register-blocked microkernel over packed panels of A (MR rows at a time)
// and B (NR columns at a time), blocked by KC along k so a panel pair stays in cache, with the
// epilogue (bias, pre-activation copy, activation) applied to each block of C as soon as its last
// k block is done, while it is still in cache. Threads take column ranges (row ranges when the
// columns are too few to share) and pack privately.
//
// Measured here (AMD EPYC, AVX-512, FMA peak 116 GFLOP/s per core by the bench addon's probe): on
// one thread 100-106 GFLOP/s at n = 256..2048 (86-91% of peak), at par with OpenBLAS 0.3.21 behind
// torch.mm in the same run; bench/nn.mjs --peers races it.
//
// Accumulation is in float32 with FMA, k-block by k-block (as in OpenBLAS and MKL): the error bound
// is the usual |C - C_exact| <= k u |A||B| (u = 2^-24), not correct rounding.
#include <algorithm>
#include <cstddef>
#include <memory>

#include "../parallel.h"
#include "../simd/vec.h"
#include "../targets.h"
#include "gemm.h"

namespace actfn {
namespace ACTFN_TARGET {
namespace {

using V = Vec<float>;
constexpr std::size_t kMR = 6;                    // rows of a tile
// Vectors per tile row (NV; a tile is MR x NR, NR = NV x lanes). The wide tile, 6 x 64 with
// AVX-512, keeps 24 accumulators in flight and loads 10 values per 24 FMAs (6 x 32: 8 per 12);
// the narrow one wastes less on narrow products (a 30-column layer fills half a 64-wide tile).
constexpr std::size_t kWideNV = V::N == 16 ? 4 : 2;
constexpr std::size_t kNarrowNV = 2;
constexpr std::size_t kKC = 384;                  // k block: a B sliver (384 x NR) in L1/L2 (384 beat 256 and 512 here)
constexpr std::size_t kMC = 12 * kMR;             // row block: packed A (72 x 384 floats, 108 KiB) in L2
// column block (512 measured slower: more A repacking)
template <std::size_t NV>
constexpr std::size_t kNC = 4096 / (NV * V::N) * (NV * V::N);

// The longest row of A (floats) that tiles read in place (2 KiB: six such rows fall in distinct L1 sets).
constexpr std::size_t kInPlaceRow = 512;

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
  const std::size_t full = count / Width * Width;  // slivers without padding
  if (!i_major) {
    // whole source rows at a time, each dealt out to every sliver: one long contiguous read per
    // row instead of a Width-float strip of each of kc rows (8 KiB apart at n = 2048) per sliver
    for (std::size_t p = 0; p < kc; ++p) {
      const float* row = src + (p0 + p) * ld + i0;
      for (std::size_t sl = 0; sl < full; sl += Width) std::copy(row + sl, row + sl + Width, dst + sl * kc + p * Width);
    }
  }
  for (std::size_t sl = i_major ? 0 : full; sl < count; sl += Width) {
    float* out = dst + sl * kc;
    const std::size_t width = std::min(Width, count - sl);
    if (width < Width) std::fill(out, out + Width * kc, 0.0f);
    if (i_major && Width > 16) {
      // a wide sliver (op(B) transposed) in steps of 16 p: the 16 destination lines stay in L1
      // while all Width source rows deliver one line each (copying a whole row at a time writes
      // one float to each of kc lines, Width times over)
      for (std::size_t pb = 0; pb < kc; pb += 16) {
        const std::size_t pe = std::min(kc, pb + 16);
        for (std::size_t w = 0; w < width; ++w) {
          const float* row = src + (i0 + sl + w) * ld + p0;
          ACTFN_PREFETCH(row + pb + 64);  // too many rows for the hardware prefetcher: 4 lines ahead
          for (std::size_t p = pb; p < pe; ++p) out[p * Width + w] = row[p];
        }
      }
    } else if (i_major) {
      for (std::size_t w = 0; w < width; ++w) {
        const float* row = src + (i0 + sl + w) * ld + p0;
        // the next row's lines, requested while this row is copied: short rows 4 KiB apart (a
        // power-of-two ld) give the hardware prefetcher too little run-up to catch them
        for (std::size_t p = 0; p < kc; p += 16) ACTFN_PREFETCH(row + ld + p);
        for (std::size_t p = 0; p < kc; ++p) out[p * Width + w] = row[p];
      }
    } else {
      for (std::size_t p = 0; p < kc; ++p) {
        const float* row = src + (p0 + p) * ld + i0 + sl;
        for (std::size_t w = 0; w < width; ++w) out[p * Width + w] = row[w];
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
template <std::size_t NR>
void pack_b(const Operands& op, std::size_t p0, std::size_t kc, std::size_t j0, std::size_t nc, float* dst) {
  const GemmShape& s = op.s;
  pack_slivers<NR>(op.b, s.trans_b ? s.k : s.n, s.trans_b, j0, nc, p0, kc, dst);
}

// How one k block's product joins C: the first block brings beta C (not read when beta = 0).
struct Join {
  float alpha, beta;
  bool first;
};

// C = join(acc, C) for the rows x cols part of a tile inside C (edge tiles go through a buffer).
template <std::size_t NV>
ACTFN_INLINE void finish_tile(V (&acc)[kMR][NV], float* c, std::size_t ldc, std::size_t rows, std::size_t cols, Join j) {
  constexpr std::size_t kNR = NV * V::N;
  const V alpha = set<float>(j.alpha), beta = set<float>(j.beta);
  const auto joined = [&](V sum, V old) { return j.first ? (j.beta == 0 ? alpha * sum : fma(beta, old, alpha * sum)) : fma(alpha, sum, old); };
  if (rows == kMR && cols == kNR) {
    for (std::size_t r = 0; r < kMR; ++r)
      for (std::size_t v = 0; v < NV; ++v) {
        float* dst = c + r * ldc + v * V::N;
        store(dst, joined(acc[r][v], j.first && j.beta == 0 ? set<float>(0) : load(dst)));
      }
    return;
  }
  float buffer[kMR * kNR];
  for (std::size_t r = 0; r < kMR; ++r)
    for (std::size_t v = 0; v < NV; ++v) store(buffer + r * kNR + v * V::N, acc[r][v]);
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t col = 0; col < cols; ++col) {
      float& dst = c[r * ldc + col];
      const float sum = buffer[r * kNR + col];
      dst = j.first ? (j.beta == 0 ? j.alpha * sum : j.beta * dst + j.alpha * sum) : dst + j.alpha * sum;
    }
}

// One MR x NR tile: acc = sum over the k block of A sliver x B sliver, then C = join(acc, C).
// rows x cols is the part of the tile inside C. Kept out of line on purpose: inlined into the
// blocking loops, GCC 12 stored the twelve accumulators to the stack on every k step (35 instead
// of 95 GFLOP/s); a call per tile costs nothing next to its 256 steps.
// Used is the number of the sliver's NV vectors it computes: fewer than NV on the last sliver of a
// product whose width is not a multiple of NR (784 = 12 x 64 + 16 would spend a whole 64-wide tile
// on 16 columns), reading the packed sliver at its full stride.
template <std::size_t NV, std::size_t Used = NV>
ACTFN_NOINLINE void tile(std::size_t kc, const float* ap, const float* bp, float* c, std::size_t ldc, std::size_t rows, std::size_t cols, Join j) {
  constexpr std::size_t kNR = NV * V::N;
  V acc[kMR][Used];
  for (std::size_t r = 0; r < kMR; ++r)
    for (std::size_t v = 0; v < Used; ++v) {
      acc[r][v] = set<float>(0);
      // the tile of C this k block ends in, on its way while the k loop runs (for writing)
      if (r < rows && v * V::N < cols) ACTFN_PREFETCH_WRITE(c + r * ldc + v * V::N);
    }
  for (std::size_t p = 0; p < kc; ++p) {
    V b[Used];
    for (std::size_t v = 0; v < Used; ++v) b[v] = load(bp + v * V::N);
    for (std::size_t r = 0; r < kMR; ++r) {
      const V a = set<float>(ap[r]);
      for (std::size_t v = 0; v < Used; ++v) acc[r][v] = fma(a, b[v], acc[r][v]);
    }
    ap += kMR;
    bp += kNR;
  }
  finish_tile<Used>(acc, c, ldc, rows, cols, j);
}

// The tile for a sliver with cols columns inside C: as few vectors as cover them.
template <std::size_t NV>
void tile_sized(std::size_t kc, const float* ap, const float* bp, float* c, std::size_t ldc, std::size_t rows, std::size_t cols, Join j) {
  const std::size_t used = (cols + V::N - 1) / V::N;
  if constexpr (NV == 4) {
    if (used == 1) return tile<4, 1>(kc, ap, bp, c, ldc, rows, cols, j);
    if (used == 2) return tile<4, 2>(kc, ap, bp, c, ldc, rows, cols, j);
    if (used == 3) return tile<4, 3>(kc, ap, bp, c, ldc, rows, cols, j);
  } else if constexpr (NV == 2) {
    if (used == 1) return tile<2, 1>(kc, ap, bp, c, ldc, rows, cols, j);
  }
  tile<NV>(kc, ap, bp, c, ldc, rows, cols, j);
}

// Where a tile of a small product reads its operands in place: A's value (r, p) of the tile at
// a[r * a_row + p * a_step], and the NR values of B's row p at b + p * b_step. A packed sliver is
// the case a_row 1, a_step MR (b_step NR).
struct InPlace {
  const float* a;
  std::size_t a_row, a_step;
  const float* b;
  std::size_t b_step;
};

// The tile above on operands read in place (a whole MR x NR tile; edges come packed).
template <std::size_t NV>
ACTFN_NOINLINE void tile_in_place(std::size_t kc, InPlace o, float* c, std::size_t ldc, std::size_t rows, std::size_t cols, Join j) {
  V acc[kMR][NV];
  for (std::size_t r = 0; r < kMR; ++r)
    for (std::size_t v = 0; v < NV; ++v) acc[r][v] = set<float>(0);
  const float* a_rows[kMR];
  for (std::size_t r = 0; r < kMR; ++r) a_rows[r] = o.a + r * o.a_row;
  const float* bp = o.b;
  for (std::size_t p = 0, at = 0; p < kc; ++p, at += o.a_step, bp += o.b_step) {
    V b[NV];
    for (std::size_t v = 0; v < NV; ++v) b[v] = load(bp + v * V::N);
    for (std::size_t r = 0; r < kMR; ++r) {
      const V a = set<float>(a_rows[r][at]);
      for (std::size_t v = 0; v < NV; ++v) acc[r][v] = fma(a, b[v], acc[r][v]);
    }
  }
  finish_tile<NV>(acc, c, ldc, rows, cols, j);
}

// Bias, pre-activation and activation over rows [i0, i0 + mc) x columns [j0, j0 + nc) of C. When
// the block spans whole rows, the pre-activation is one copy and the activation one kernel call
// over the block (a call per row cost 32 calls on a batch of 32: a fifth of a 32 x 30 x 64 product).
void epilogue_block(const GemmShape& s, float* c, const GemmEpilogue& e, std::size_t i0, std::size_t mc, std::size_t j0, std::size_t nc) {
  const bool whole_rows = j0 == 0 && nc == s.n;
  for (std::size_t i = i0; i < i0 + mc; ++i) {
    float* row = c + i * s.n + j0;
    if (e.bias) {
      const float* bias = e.bias + j0;
      std::size_t col = 0;
      for (; col + V::N <= nc; col += V::N) store(row + col, load(row + col) + load(bias + col));
      for (; col < nc; ++col) row[col] += bias[col];
    }
    if (whole_rows) continue;
    if (e.pre_activation) std::copy(row, row + nc, e.pre_activation + i * s.n + j0);
    if (e.activation) e.activation(row, row, nc, e.params);
  }
  if (!whole_rows) return;
  float* block = c + i0 * s.n;
  if (e.pre_activation) std::copy(block, block + mc * s.n, e.pre_activation + i0 * s.n);
  if (e.activation) e.activation(block, block, mc * s.n, e.params);
}

// A per-thread packing buffer, kept between calls (OpenMP's threads persist). It only grows and
// never clears: packing writes every value a tile reads (a std::vector resized between the shapes
// of a training step zero-filled up to 16 KiB per call on regrowth).
class Workspace {
 public:
  float* reserve(std::size_t size) {
    if (size > capacity_) {
      data_.reset(new float[size]);
      capacity_ = size;
    }
    return data_.get();
  }

 private:
  std::unique_ptr<float[]> data_;
  std::size_t capacity_ = 0;
};
Workspace& a_workspace() {
  thread_local Workspace buffer;
  return buffer;
}
Workspace& b_workspace() {
  thread_local Workspace buffer;
  return buffer;
}

// One thread's share: rows [m0, m1) x columns [n0, n1) of C (whole MR slivers and NR slivers but
// the last). It packs its own B panels and A blocks, so threads share nothing but the read-only inputs.
template <std::size_t NV>
void gemm_block(const GemmShape& s, const Operands& op, float* c, const GemmEpilogue& e, std::size_t m0, std::size_t m1, std::size_t n0, std::size_t n1) {
  constexpr std::size_t kNR = NV * V::N;
  constexpr std::size_t kNC = actfn::ACTFN_TARGET::kNC<NV>;
  const bool has_epilogue = e.bias || e.pre_activation || e.activation;
  // k blocks of equal length, at most kKC: a short last block (512 = 384 + 128) would cost a full
  // pass over C for little work
  const std::size_t k_blocks = (s.k + kKC - 1) / kKC;
  const std::size_t kc_max = (s.k + k_blocks - 1) / k_blocks;
  // an A stored row by row in rows of at most 2 KiB: tiles broadcast A's values where they are
  // (packing cost more than it saved), and only a last sliver of fewer than MR rows is packed. Rows
  // 4 KiB apart or more share L1 sets and were slower read in place (sgemm 1024: 103 -> 100 GFLOP/s).
  const bool a_in_place = !s.trans_a && s.k <= kInPlaceRow;
  float* const packed_a = a_workspace().reserve(kMC * kc_max);
  float* const packed_b = b_workspace().reserve(kc_max * round_up(std::min(kNC, n1 - n0), kNR));
  for (std::size_t j0 = n0; j0 < n1; j0 += kNC) {
    const std::size_t nc = std::min(kNC, n1 - j0);
    for (std::size_t p0 = 0; p0 < s.k; p0 += kc_max) {
      const std::size_t kc = std::min(kc_max, s.k - p0);
      const Join join{s.alpha, s.beta, p0 == 0};
      pack_b<kNR>(op, p0, kc, j0, nc, packed_b);
      for (std::size_t i0 = m0; i0 < m1; i0 += kMC) {
        const std::size_t mc = std::min(kMC, m1 - i0);
        const std::size_t whole = a_in_place ? mc / kMR * kMR : 0;  // rows read in place
        if (whole < mc) pack_a(op, i0 + whole, mc - whole, p0, kc, packed_a + whole * kc);
        for (std::size_t jj = 0; jj < nc; jj += kNR) {
          const float* bp = packed_b + jj * kc;
          float* const c_col = c + j0 + jj;
          const std::size_t cols = std::min(kNR, nc - jj);
          for (std::size_t ii = 0; ii < mc; ii += kMR) {
            if (ii < whole) {
              tile_in_place<NV>(kc, InPlace{op.a + (i0 + ii) * s.k + p0, s.k, 1, bp, kNR}, c_col + (i0 + ii) * s.n, s.n, kMR, cols, join);
            } else {
              tile_sized<NV>(kc, packed_a + ii * kc, bp, c_col + (i0 + ii) * s.n, s.n, std::min(kMR, mc - ii), cols, join);
            }
          }
        }
        if (p0 + kc == s.k && has_epilogue) epilogue_block(s, c, e, i0, mc, j0, nc);
      }
    }
  }
}

// A small product (one k block, too small to share between threads): whole tiles read A and B
// where they are stored, without packing, which cost more than the tiles on a training batch
// (32 x 30 x 64: packing both operands took a third of the call). Edge slivers are packed (zero
// padding keeps the tile's reads in bounds); B in place needs it stored k x n (or one row).
template <std::size_t NV>
void gemm_in_place(const GemmShape& s, const Operands& op, float* c, const GemmEpilogue& e) {
  constexpr std::size_t kNR = NV * V::N;
  const std::size_t a_row = s.trans_a ? 1 : s.k, a_step = s.trans_a ? s.m : 1;
  const bool b_in_place = !s.trans_b || s.k == 1;
  float* const packed_a = a_workspace().reserve(kMR * s.k);
  float* const packed_b = b_workspace().reserve(kNR * s.k);
  const Join join{s.alpha, s.beta, true};
  for (std::size_t j = 0; j < s.n; j += kNR) {
    const std::size_t cols = std::min(kNR, s.n - j);
    InPlace o{nullptr, 1, kMR, op.b + j, s.n};
    if (!b_in_place || cols < kNR) {
      pack_b<kNR>(op, 0, s.k, j, cols, packed_b);
      o.b = packed_b;
      o.b_step = kNR;
    }
    for (std::size_t i = 0; i < s.m; i += kMR) {
      const std::size_t rows = std::min(kMR, s.m - i);
      if (rows == kMR) {
        o.a = op.a + i * a_row;
        o.a_row = a_row;
        o.a_step = a_step;
      } else {
        pack_a(op, i, rows, 0, s.k, packed_a);
        o.a = packed_a;
        o.a_row = 1;
        o.a_step = kMR;
      }
      tile_in_place<NV>(s.k, o, c + i * s.n + j, s.n, rows, cols, join);
    }
  }
  if (e.bias || e.pre_activation || e.activation) epilogue_block(s, c, e, 0, s.m, 0, s.n);
}

template <std::size_t NV>
void gemm_with(const GemmShape& s, const Operands& op, float* c, const GemmEpilogue& e) {
  constexpr std::size_t kNR = NV * V::N;
  // Threads split the columns (in whole slivers) when there are enough of them, else the rows (in
  // whole MR slivers: a tall, narrow product such as a large batch through a small layer); a
  // product too small to pay for waking them runs here.
  const std::size_t col_slivers = (s.n + kNR - 1) / kNR;
  const std::size_t row_slivers = (s.m + kMR - 1) / kMR;
  const bool small = s.m * s.n * s.k < kParallelFlops;
  if (small && s.k <= kKC) {
    gemm_in_place<NV>(s, op, c, e);
    return;
  }
  const std::size_t budget = small ? 1 : static_cast<std::size_t>(max_threads());
  const bool by_rows = col_slivers < budget && row_slivers > col_slivers;
  const std::size_t slivers = by_rows ? row_slivers : col_slivers;
  const std::size_t threads = std::min(budget, slivers);
  if (threads <= 1) {
    gemm_block<NV>(s, op, c, e, 0, s.m, 0, s.n);
    return;
  }
  const std::size_t per_thread = (slivers + threads - 1) / threads;
  parallel_for(threads, 1, 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t t = begin; t < end; ++t) {
      if (by_rows) {
        const std::size_t m0 = t * per_thread * kMR, m1 = std::min(s.m, (t + 1) * per_thread * kMR);
        if (m0 < m1) gemm_block<NV>(s, op, c, e, m0, m1, 0, s.n);
      } else {
        const std::size_t n0 = t * per_thread * kNR, n1 = std::min(s.n, (t + 1) * per_thread * kNR);
        if (n0 < n1) gemm_block<NV>(s, op, c, e, 0, s.m, n0, n1);
      }
    }
  });
}

}  // namespace

void gemm(const GemmShape& s, const float* a, const float* b, float* c, const GemmEpilogue& e) {
  const Operands op{a, b, s};
  if (s.m == 0 || s.n == 0) return;
  if (s.k == 0) {  // C = beta C, then the epilogue
    for (std::size_t i = 0; i < s.m * s.n; ++i) c[i] = s.beta == 0 ? 0.0f : s.beta * c[i];
    if (e.bias || e.pre_activation || e.activation) epilogue_block(s, c, e, 0, s.m, 0, s.n);
    return;
  }
  if (s.n == 1 && s.m * s.k < kParallelFlops) {  // a matrix-vector product: no tiles
    gemv(s, a, b, c);
    if (e.bias || e.pre_activation || e.activation) epilogue_block(s, c, e, 0, s.m, 0, s.n);
    return;
  }
  // the wide tile unless its padding of the last sliver wastes over 1/16 of the product
  constexpr std::size_t wide = kWideNV * V::N;
  if (kWideNV == kNarrowNV || (round_up(s.n, wide) - s.n) * 16 <= s.n) {
    gemm_with<kWideNV>(s, op, c, e);
  } else {
    gemm_with<kNarrowNV>(s, op, c, e);
  }
}

void register_gemm_kernels(KernelTable& table) { table.gemm_f32 = gemm; }

}  // namespace ACTFN_TARGET
}  // namespace actfn
