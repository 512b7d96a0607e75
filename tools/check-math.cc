// Driver for tools/check-math.py: evaluates one function of native/kernels/math on a file of doubles.
//
//   check-math FUNCTION IN OUT
//
// IN holds little-endian float64 inputs (pairs u_hi, u_lo for the *_root functions); OUT receives one
// float64 result per input. FUNCTION is erf, erfc, erfcx, normal_cdf, normal_pdf, gelu_root,
// silu_root, mish_root or gelu_tanh_root.
#include <cstdio>
#include <cstring>
#include <vector>

#include "../native/kernels/math/critical_points.h"
#include "../native/kernels/math/erfc.h"

namespace {

std::vector<double> read_all(const char* path) {
  std::vector<double> v;
  std::FILE* f = std::fopen(path, "rb");
  if (!f) return v;
  double buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, sizeof(double), 4096, f)) > 0) v.insert(v.end(), buf, buf + n);
  std::fclose(f);
  return v;
}

const actfn::math::CriticalPoint* critical_point(const char* name) {
  namespace m = actfn::math;
  if (!std::strcmp(name, "gelu_root")) return &m::GELU_ROOT;
  if (!std::strcmp(name, "silu_root")) return &m::SILU_ROOT;
  if (!std::strcmp(name, "mish_root")) return &m::MISH_ROOT;
  if (!std::strcmp(name, "gelu_tanh_root")) return &m::GELU_TANH_ROOT;
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  namespace m = actfn::math;
  if (argc != 4) {
    std::fprintf(stderr, "usage: check-math FUNCTION IN OUT\n");
    return 2;
  }
  const char* name = argv[1];
  const std::vector<double> in = read_all(argv[2]);
  std::vector<double> out;
  if (const m::CriticalPoint* cp = critical_point(name)) {
    for (std::size_t i = 0; i + 1 < in.size(); i += 2) out.push_back(m::critical_expansion(*cp, in[i], in[i + 1]));
  } else {
    double (*f)(double) = nullptr;
    if (!std::strcmp(name, "erf")) f = m::erf;
    if (!std::strcmp(name, "erfc")) f = m::erfc;
    if (!std::strcmp(name, "erfcx")) f = m::erfcx;
    if (!std::strcmp(name, "normal_cdf")) f = m::normal_cdf;
    if (!std::strcmp(name, "normal_pdf")) f = m::normal_pdf;
    if (!f) {
      std::fprintf(stderr, "unknown function %s\n", name);
      return 2;
    }
    for (double x : in) out.push_back(f(x));
  }
  std::FILE* fo = std::fopen(argv[3], "wb");
  if (!fo || std::fwrite(out.data(), sizeof(double), out.size(), fo) != out.size()) return 1;
  std::fclose(fo);
  return 0;
}
