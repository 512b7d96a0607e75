// The race's timer: the same rule as the PyTorch peer's median_time (bench/peers/torch_elementwise.py),
// so both sides of a comparison are measured alike. Warm-up calls for at least warmupMs (one call
// pages in the output and wakes the threads), then `samples` samples, each a batch of calls lasting
// at least minSampleMs; the median per-call time. A case never takes much more than maxCaseMs:
// slow calls get fewer samples (never under 3). A call slower than slowMs (float64 transcendentals
// at 64e6 take seconds) is its own warm-up: its first call counts as the first sample, since the
// buffers are already paged in by the group's earlier cases and a thread wake-up is lost in it.
export const TIMING = { samples: 7, minSampleMs: 5, warmupMs: 10, maxCaseMs: 1500, slowMs: 250 };
/** A spread of samples above this marks a figure as noisy in the report. */
export const NOISY = 0.25;

const now = () => Number(process.hrtime.bigint()) / 1e6; // ms

/**
 * Median milliseconds per call of fn, how many samples it took, and their spread ((slowest - fastest)
 * / median: above NOISY, the machine was busy while it ran).
 */
export function medianTime(fn, timing = TIMING) {
  let start = now();
  fn();
  let elapsed = now() - start;
  const times = [];
  let calls = 1;
  if (elapsed >= timing.slowMs) {
    times.push(elapsed);
  } else {
    while (elapsed < timing.warmupMs && calls < 1000) {
      fn();
      calls++;
      elapsed = now() - start;
    }
  }
  const perCall = elapsed / calls;
  const batch = Math.max(1, Math.ceil(timing.minSampleMs / perCall));
  let samples = timing.samples;
  if (perCall * batch * samples > timing.maxCaseMs) samples = Math.max(3, Math.floor(timing.maxCaseMs / (perCall * batch)));
  while (times.length < samples) {
    start = now();
    for (let i = 0; i < batch; i++) fn();
    times.push((now() - start) / batch);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  const ms = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  return { ms, samples, spread: (times.at(-1) - times[0]) / ms };
}
