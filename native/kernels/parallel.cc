#include "parallel.h"

namespace actfn {

namespace {
std::atomic<int> budget{1};
}

#ifdef _OPENMP
void set_max_threads(int n) { budget = n < 1 ? 1 : n; }
bool openmp_enabled() { return true; }
#else
void set_max_threads(int) {}
bool openmp_enabled() { return false; }
#endif
int max_threads() { return budget; }

namespace parallel_detail {
std::atomic<int>& active_callers() {
  static std::atomic<int> callers{0};
  return callers;
}
}  // namespace parallel_detail

}  // namespace actfn
