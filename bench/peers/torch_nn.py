#!/usr/bin/env python3
"""PyTorch peer for actfn's model benchmark (bench/nn.mjs --peers).

One JSON request per line on stdin, one JSON answer per line on stdout (bench/peers/runner.mjs).
A request is {"case": {...}, "timing": {...}}; the cases, each timed with the elementwise peer's rule
(median_time: warm-up, batched samples, median per call), threads set per case:

    {"kind": "sgemm", "n": 512, "threads": 1}
        torch.mm(a, b, out=c) on n x n float32 (Debian's PyTorch calls the system BLAS: OpenBLAS
        when libopenblas0-pthread is installed, whose thread count is set here alongside PyTorch's)
    {"kind": "dense-forward", "m": 256, "k": 784, "n": 512, "threads": 1}
        torch.relu(torch.addmm(bias, x, w)), as a layer's forward runs it
    {"kind": "dense-backward", "m": 256, "k": 784, "n": 512, "threads": 1}
        what autograd runs for that layer: dz = threshold_backward(dy, z, 0), dw = x^T dz,
        db = dz.sum(0), dx = dz w^T
    {"kind": "train", "x": [[...]], "y": [...], "xTest": [[...]], "yTest": [...], "epochs": 100,
     "batchSize": 32, "learningRate": 0.001, "seed": 1, "threads": 1}
        the reference network (inputs -> 64 relu -> 32 relu -> 1 sigmoid, Glorot-uniform kernels and
        zero biases as Keras and actfn start, binary cross-entropy, Adam), shuffled each epoch; whole
        run timed once; answers seconds and test accuracy
    {"kind": "predict", "rows": 100000, "features": 30, "threads": 1}
        model(x) under torch.no_grad() for that network

A benchmark peer only: never a dependency of actfn or of its CI.
"""
import ctypes
import json
import sys
import time

import torch

from torch_elementwise import TIMING, median_time


def random(*shape, seed):
    return torch.empty(shape, dtype=torch.float32).uniform_(-1, 1, generator=torch.Generator().manual_seed(seed))


def reference_network(features, seed):
    torch.manual_seed(seed)
    layers = [torch.nn.Linear(features, 64), torch.nn.ReLU(), torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 1), torch.nn.Sigmoid()]
    for layer in layers:
        if isinstance(layer, torch.nn.Linear):
            torch.nn.init.xavier_uniform_(layer.weight)
            torch.nn.init.zeros_(layer.bias)
    return torch.nn.Sequential(*layers)


def timed(fn, case, timing, **extra):
    seconds, samples, spread = median_time(fn, timing)
    return {**case, "medianMs": seconds * 1e3, "samples": samples, "spread": spread, **extra}


def sgemm(case, timing):
    n = int(case["n"])
    a, b, c = random(n, n, seed=1), random(n, n, seed=2), torch.empty(n, n)
    return timed(lambda: torch.mm(a, b, out=c), case, timing, torch="torch.mm(a, b, out=c)")


def dense_forward(case, timing):
    m, k, n = int(case["m"]), int(case["k"]), int(case["n"])
    x, w, bias = random(m, k, seed=3), random(k, n, seed=4), random(n, seed=5)
    return timed(lambda: torch.relu(torch.addmm(bias, x, w)), case, timing, torch="torch.relu(torch.addmm(b, x, w))")


def dense_backward(case, timing):
    m, k, n = int(case["m"]), int(case["k"]), int(case["n"])
    x, w, dy = random(m, k, seed=3), random(k, n, seed=4), random(m, n, seed=6)
    z = torch.addmm(random(n, seed=5), x, w)

    def step():
        dz = torch.ops.aten.threshold_backward(dy, z, 0)
        return x.t().mm(dz), dz.sum(0), dz.mm(w.t())

    return timed(step, case, timing, torch="threshold_backward; x.t().mm(dz); dz.sum(0); dz.mm(w.t())")


def train(case, _timing):
    x, y = torch.tensor(case["x"], dtype=torch.float32), torch.tensor(case["y"], dtype=torch.float32).reshape(-1, 1)
    x_test, y_test = torch.tensor(case["xTest"], dtype=torch.float32), torch.tensor(case["yTest"], dtype=torch.float32).reshape(-1, 1)
    model = reference_network(x.shape[1], int(case["seed"]))
    optimizer = torch.optim.Adam(model.parameters(), lr=float(case["learningRate"]))
    loss_fn = torch.nn.BCELoss()
    batch, generator = int(case["batchSize"]), torch.Generator().manual_seed(int(case["seed"]))
    start = time.perf_counter()
    for _ in range(int(case["epochs"])):
        order = torch.randperm(x.shape[0], generator=generator)
        for i in range(0, x.shape[0], batch):
            rows = order[i:i + batch]
            optimizer.zero_grad()
            loss = loss_fn(model(x[rows]), y[rows])
            loss.backward()
            optimizer.step()
    seconds = time.perf_counter() - start
    with torch.no_grad():
        accuracy = ((model(x_test) > 0.5).float() == y_test).float().mean().item()
    heavy = ("x", "y", "xTest", "yTest")
    return {**{k: v for k, v in case.items() if k not in heavy}, "medianMs": seconds * 1e3, "accuracy": accuracy,
            "torch": "nn.Sequential(Linear, ReLU, Linear, ReLU, Linear, Sigmoid), BCELoss, Adam"}


def predict(case, timing):
    model = reference_network(int(case["features"]), 1)
    x = random(int(case["rows"]), int(case["features"]), seed=7)

    def run():
        with torch.no_grad():
            return model(x)

    return timed(run, case, timing, torch="model(x) under torch.no_grad()")


KINDS = {"sgemm": sgemm, "dense-forward": dense_forward, "dense-backward": dense_backward, "train": train, "predict": predict}


def blas_library():
    """The BLAS that torch.mm calls here. Debian's PyTorch links libblas.so.3, which the alternatives
    system points at the reference BLAS (about 5 GFLOP/s) unless an optimized one such as
    libopenblas0-pthread is installed: the race is only meaningful against the optimized one."""
    torch.mm(torch.ones(64, 64), torch.ones(64, 64))
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line or "blis" in line or "mkl" in line}
    return sorted(paths)


def blas_thread_setter():
    """torch.set_num_threads does not reach OpenBLAS: Debian's libopenblas0-pthread keeps its own pool
    and runs torch.mm on every core whatever PyTorch was told (measured: torch.mm at
    set_num_threads(1) used 1.97 CPU-seconds per second). Its own openblas_set_num_threads does."""
    for path in blas_library():
        try:
            setter = ctypes.CDLL(path).openblas_set_num_threads
        except (OSError, AttributeError):
            continue
        setter.argtypes = [ctypes.c_int]
        return setter
    return None


def main():
    if "--version" in sys.argv:
        print(json.dumps({"torch": torch.__version__, "blas": blas_library()}))
        return
    set_blas_threads = blas_thread_setter()
    for line in sys.stdin:
        request = json.loads(line)
        if request.get("blas"):
            print(json.dumps({"blas": blas_library()}), flush=True)
            continue
        case, timing = request["case"], {**TIMING, **request.get("timing", {})}
        torch.set_num_threads(int(case["threads"]))
        if set_blas_threads:
            set_blas_threads(int(case["threads"]))
        try:
            print(json.dumps(KINDS[case["kind"]](case, timing)), flush=True)
        except Exception as error:  # one failing case must not end the race
            print(json.dumps({"kind": case.get("kind"), "skipped": f"{type(error).__name__}: {error}"}), flush=True)


if __name__ == "__main__":
    main()
