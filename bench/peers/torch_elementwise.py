#!/usr/bin/env python3
"""PyTorch peer for actfn's elementwise benchmark (bench/run.mjs --peers).

Reads JSON requests on stdin, one per line, and answers each with one line of JSON. A request is a
list of cases, or {"cases": [...], "timing": {...}}; a case is
    {"op": "sigmoid", "kind": "forward", "dtype": "float32", "size": 1000000, "threads": 2, "cols": null}
(op and kind as actfn names them; with cols, tensors are (size // cols, cols) and the op runs over
rows; with "values": {"x": [...], "dy": [...]}, the case is a check: it is computed once on those
values and answered with "out", untimed). The answer lists, per case, the case with "elements", "medianNs", "elementsPerNs",
"samples", "spread" ((slowest - fastest) / median), "torch" (the expression timed) and "allocates", or with "skipped" saying why.

    echo '[{"op":"gelu","kind":"forward","dtype":"float32","size":1000000,"threads":1}]' \\
      | python3 bench/peers/torch_elementwise.py
    python3 bench/peers/torch_elementwise.py --version      # {"torch": "1.13.1", ...}

What is timed comes from bench/peers/torch-ops.json, the one mapping from actfn ops to PyTorch.
Same rules as actfn's side (bench/timer.mjs): inputs uniform in [-8, 8] (dy in [-1, 1]), outputs
preallocated (out=) where PyTorch has that form, warm-up for at least warmupMs (a call slower than
slowMs is its own warm-up), samples of calls batched to at least minSampleMs each, the median
per-call time of the samples. A benchmark peer
only: never a dependency of actfn or of its CI.
"""
import gc
import json
import math
import sys
import time
from pathlib import Path

import torch

MANIFEST = json.loads(Path(__file__).with_name("torch-ops.json").read_text())["ops"]
DTYPES = {"float32": torch.float32, "float64": torch.float64}
TIMING = {"samples": 7, "minSampleMs": 5.0, "warmupMs": 10.0, "maxCaseMs": 1500.0, "slowMs": 250.0}
A = torch.ops.aten


def median_time(fn, timing):
    """Median seconds per call, samples taken, their spread (same rule as bench/timer.mjs)."""
    now = time.perf_counter
    start = now()
    fn()
    elapsed = now() - start
    times, calls = [], 1
    if elapsed * 1e3 >= timing["slowMs"]:
        times.append(elapsed)  # a slow call is its own warm-up
    else:
        while elapsed * 1e3 < timing["warmupMs"] and calls < 1000:
            fn()
            calls += 1
            elapsed = now() - start
    per_call = elapsed / calls
    batch = max(1, math.ceil(timing["minSampleMs"] / 1e3 / per_call))
    samples = timing["samples"]
    if per_call * batch * samples * 1e3 > timing["maxCaseMs"]:
        samples = max(3, int(timing["maxCaseMs"] / (per_call * batch * 1e3)))
    while len(times) < samples:
        t = now()
        for _ in range(batch):
            fn()
        times.append((now() - t) / batch)
    times.sort()
    mid = len(times) // 2
    median = times[mid] if len(times) % 2 else (times[mid - 1] + times[mid]) / 2
    return median, samples, (times[-1] - times[0]) / median


class Inputs:
    """The tensors of one (dtype, size, cols) group, kept while consecutive requests share it."""

    def __init__(self):
        self.key = None
        self.tensors = {}

    def get(self, dtype, size, cols):
        key = (dtype, size, cols)
        if key != self.key:
            self.tensors = {}
            gc.collect()
            gen = torch.Generator().manual_seed(12345)
            dt = DTYPES[dtype]
            n = (size // cols) * cols if cols else size
            shape = (n // cols, cols) if cols else (n,)
            self.tensors = {
                "x": torch.empty(shape, dtype=dt).uniform_(-8, 8, generator=gen),
                "dy": torch.empty(shape, dtype=dt).uniform_(-1, 1, generator=gen),
                "ones": torch.ones(shape, dtype=dt),
                "out": torch.empty(shape, dtype=dt).fill_(0),
                "setup": {},
            }
            self.key = key
        return self.tensors


def given_tensors(case):
    """The tensors of a check case: its own x and dy values."""
    dt = DTYPES[case["dtype"]]
    cols = case.get("cols")
    x = torch.tensor(case["values"]["x"], dtype=dt)
    dy = torch.tensor(case["values"]["dy"], dtype=dt)
    if cols:
        x, dy = x.reshape(-1, cols), dy.reshape(-1, cols)
    return {"x": x, "dy": dy, "ones": torch.ones_like(x), "out": torch.empty_like(x), "setup": {}}


def run_case(case, inputs, timing):
    op, kind = case["op"], case["kind"]
    entry = MANIFEST.get(op, {}).get(kind)
    if entry is None:
        return {**case, "skipped": "no matching PyTorch op"}
    dtype, size, cols = case["dtype"], int(case.get("size", 0)), case.get("cols")
    check = "values" in case
    tensors = given_tensors(case) if check else inputs.get(dtype, size, cols)
    scope = {"torch": torch, "A": A, **{k: v for k, v in tensors.items() if k != "setup"}}
    # an op's saved tensors (its output, a buffer) are computed once, untimed, and kept only while
    # that op's cases run: at 64e6 float64 each is 512 MB
    if tensors["setup"].get("op") != op:
        tensors["setup"] = {"op": op}
        for name, expr in MANIFEST[op].get("setup", {}).items():
            tensors["setup"][name] = eval(expr, scope)  # noqa: S307 (the repository's own manifest)
    scope.update({k: v for k, v in tensors["setup"].items() if k != "op"})
    fn = eval(f"lambda: {entry['torch']}", scope)  # noqa: S307
    if check:  # the values PyTorch computes, to check the mapping against actfn's (no timing)
        return {"op": op, "kind": kind, "dtype": dtype, "out": fn().flatten().tolist(), "torch": entry["torch"]}
    torch.set_num_threads(int(case["threads"]))
    seconds, samples, spread = median_time(fn, timing)
    elements = tensors["x"].numel()
    return {
        **case,
        "elements": elements,
        "medianNs": seconds * 1e9,
        "elementsPerNs": elements / (seconds * 1e9),
        "samples": samples,
        "spread": spread,
        "torch": entry["torch"],
        "allocates": bool(entry.get("allocates", False)),
    }


def answer(request, inputs):
    cases, timing = (request, TIMING) if isinstance(request, list) else (request["cases"], {**TIMING, **request.get("timing", {})})
    results = []
    for case in cases:
        try:
            results.append(run_case(case, inputs, timing))
        except Exception as error:  # one failing op must not end the race
            results.append({**case, "skipped": f"{type(error).__name__}: {error}"})
    return results


def main():
    if "--version" in sys.argv:
        print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(),
                          "parallel": torch.__config__.parallel_info().splitlines()[:6], "python": sys.version.split()[0]}))
        return
    inputs = Inputs()
    buffer = ""
    for line in sys.stdin:
        buffer += line
        try:
            request = json.loads(buffer)
        except json.JSONDecodeError:
            continue  # a request written over several lines
        buffer = ""
        print(json.dumps(answer(request, inputs)), flush=True)
    if buffer.strip():
        print(json.dumps(answer(json.loads(buffer), inputs)), flush=True)


if __name__ == "__main__":
    main()
