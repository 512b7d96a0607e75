#!/usr/bin/env python3
"""Reference points for the float64 vector-kernel audit (tools/audit-float64.mjs).

For each transcendental activation: uniform points on [-6, 6] and [-40, 40], and for the
derivatives with an interior root, points at log-spaced distances 2^-45 .. 2^0 either side of
the root (where the vector forms switch to the critical-point expansion). References come from
tools/gen-reference.py's definitions and its resolve() (exact hi + lo pairs).

    python3 tools/audit-float64.py OUT.json [count] [only,these,ops]
"""
import importlib.util
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('genref', os.path.join(HERE, 'gen-reference.py'))
genref = importlib.util.module_from_spec(spec)
spec.loader.exec_module(genref)
mp = genref.mp
mpf = genref.mpf

OPS = {  # name -> (params, root of f' or None)
    'sigmoid': ({}, None), 'tanh': ({}, None), 'elu': ({'alpha': 1.0}, None), 'selu': ({}, None),
    'celu': ({'alpha': 1.0}, None), 'gelu': ({}, -0.7517915246935645), 'geluTanh': ({}, -0.7524614220710163),
    'silu': ({}, -1.2784645427610737), 'swish': ({'beta': 1.0}, -1.2784645427610737), 'softplus': ({'beta': 1.0}, None),
    'mish': ({}, -1.1924312145154952), 'logSigmoid': ({}, None), 'softsign': ({}, None), 'tanhShrink': ({}, None),
}


def main():
    out_path = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    rng = random.Random(64)
    table = {a.name: a for a in genref.ACTIVATIONS}
    result = {}
    only = set(sys.argv[3].split(',')) if len(sys.argv) > 3 else None
    for name, (params, root) in OPS.items():
        if only and name not in only:
            continue
        act = table[name]
        xs = [rng.uniform(-6, 6) for _ in range(count)] + [rng.uniform(-40, 40) for _ in range(count // 4)]
        if root is not None:
            for _ in range(count):
                xs.append(root + rng.choice((-1, 1)) * rng.uniform(1, 2) * 2.0 ** -rng.uniform(0, 45))
        p = {k: mpf(v) for k, v in params.items()}
        fw, dr = [], []
        for x in xs:
            fw.append(genref.resolve(lambda: [act.f(mpf(x), p)])[0])
            dr.append(genref.resolve(lambda: [act.df(mpf(x), p)])[0])
        result[name] = {'params': params, 'x': xs, 'f': fw, 'df': dr}
        print(name, len(xs), file=sys.stderr)
    with open(out_path, 'w') as f:
        json.dump(result, f)


if __name__ == '__main__':
    main()
