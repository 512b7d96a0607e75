// The race's timer: the same rule as the PyTorch peer's median_time (bench/peers/torch_elementwise.py),
// so both sides of a comparison are measured alike. Warm-up calls for at least warmupMs (one call
// pages in the output and wakes the threads), then `samples` samples, each a batch of calls lasting
// at least minSampleMs; the median per-call time. A case never takes much more than maxCaseMs:
// slow calls get fewer samples (never under 3).
export const TIMING = { samples: 7, minSampleMs: 5, warmupMs: 10, maxCaseMs: 1500 };

const now = () => Number(process.hrtime.bigint()) / 1e6; // ms

/** Median milliseconds per call of fn, and how many samples it took. */
export function medianTime(fn, timing = TIMING) {
  let start = now();
  let calls = 0;
  let elapsed;
  do {
    fn();
    calls++;
    elapsed = now() - start;
  } while (elapsed < timing.warmupMs && calls < 1000);
  const perCall = elapsed / calls;
  const batch = Math.max(1, Math.ceil(timing.minSampleMs / perCall));
  let samples = timing.samples;
  if (perCall * batch * samples > timing.maxCaseMs) samples = Math.max(3, Math.floor(timing.maxCaseMs / (perCall * batch)));
  const times = [];
  for (let s = 0; s < samples; s++) {
    start = now();
    for (let i = 0; i < batch; i++) fn();
    times.push((now() - start) / batch);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  return { ms: times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2, samples };
}
