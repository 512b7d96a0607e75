import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ACTIVATION_TABLE, getActivation } from '../../src/index.js';
import { testedBackends, withBackend } from '../support/backends.js';
import { activationFixture, typedArray, type ActivationCase } from '../support/fixtures.js';
import { exactProduct, ulpError } from '../support/ulp.js';
import { seededRandom, withinContract } from '../support/tolerance.js';

type Kind = 'forward' | 'derivative' | 'backward';
const KINDS = ['forward', 'derivative', 'backward'] as const;
type Report = Record<string, { small: number; all: number }>;

/**
 * Max ULP seen, by backend/dtype/activation/kind, over |x| <= 4 and over all x: what
 * tools/accuracy-table.mjs reads (ACTFN_ACCURACY_REPORT) to refresh the manifest's measuredUlp.
 */
const report: Report = {};

/**
 * How far a measurement may pass the manifest's 2-decimal figure: figures written before they were
 * rounded up were rounded to nearest.
 */
const FIGURE_SLACK = 0.005;

function record(into: Report, key: string, x: number, err: number) {
  const r = (into[key] ??= { small: 0, all: 0 });
  if (Number.isFinite(err)) {
    r.all = Math.max(r.all, err);
    if (Math.abs(x) <= 4) r.small = Math.max(r.small, err);
  }
}

function sameParams(a: Record<string, number>, b: Record<string, number>) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

function check(backend: string, name: string, c: ActivationCase, kind: Kind, into: Report = report): string[] {
  const act = getActivation(name, c.params);
  const x = typedArray(c.dtype, c.x);
  const random = seededRandom(x.length);
  const dy = typedArray(c.dtype, c.x.map(() => 4 * random() - 2));
  const computed = withBackend(backend as 'js' | 'native', () =>
    kind === 'backward' ? act.backward(x, dy) : kind === 'forward' ? act.forward(x) : act.derivative(x),
  );
  const ref = kind === 'forward' ? c.forward : c.derivative;
  const bound = kind === 'forward' ? act.spec.test.forwardUlp : act.spec.test.derivativeUlp;
  const failures: string[] = [];
  for (let i = 0; i < x.length; i++) {
    let [hi, lo] = [ref.hi[i], ref.lo[i]];
    if (kind === 'backward') {
      const [p, e] = exactProduct(dy[i], hi);
      [hi, lo] = [p, e + dy[i] * lo];
    }
    const derivativeScale = kind === 'forward' ? undefined : kind === 'backward' ? Math.abs(dy[i]) : 1;
    const ok = withinContract({ computed: computed[i], hi, lo, x: x[i], dtype: c.dtype, ulps: bound, derivativeScale });
    record(into, `${backend} ${c.dtype} ${name} ${kind}`, x[i], ulpError(computed[i], hi, lo, c.dtype));
    if (!ok && failures.length < 5) {
      failures.push(`x=${x[i]}${kind === 'backward' ? ` dy=${dy[i]}` : ''}: got ${computed[i]}, exact ${hi} (${ulpError(computed[i], hi, lo, c.dtype).toFixed(1)} ulp)`);
    }
  }
  return failures;
}

describe.each(testedBackends)('accuracy against mpmath on the %s backend', (backend) => {
  for (const row of ACTIVATION_TABLE) {
    const cases = activationFixture(row.name);
    describe(row.name, () => {
      it('has a fixture for every parameter set in the table', () => {
        for (const dtype of ['float32', 'float64']) {
          for (const params of row.test.paramSets) {
            expect(cases.some((c) => c.dtype === dtype && sameParams(c.params, params)), `${dtype} ${JSON.stringify(params)}`).toBe(true);
          }
        }
      });
      for (const c of cases) {
        for (const kind of KINDS) {
          it(`keeps ${kind} within the contract for ${c.dtype} ${JSON.stringify(c.params)}`, () => {
            expect(check(backend, row.name, c, kind)).toEqual([]);
          });
        }
      }
    });
  }
});

// The manifest's figures are the maxima over every instruction set: a kernel that measures more on
// this one makes them stale (the name is what tools/accuracy-table.mjs leaves out when refreshing).
describe.each(testedBackends)('the manifest figures (measuredUlp) on the %s backend', (backend) => {
  for (const row of ACTIVATION_TABLE) {
    it(`${row.name} measures no more than its figures (node tools/accuracy-table.mjs refreshes them)`, () => {
      const seen: Report = {};
      for (const c of activationFixture(row.name)) for (const kind of KINDS) check(backend, row.name, c, kind, seen);
      expect(Object.keys(seen).sort()).toEqual(
        ['float32', 'float64'].flatMap((dtype) => KINDS.map((kind) => `${backend} ${dtype} ${row.name} ${kind}`)).sort(),
      );
      const stale = Object.entries(seen).flatMap(([key, r]) => {
        const [, dtype, , kind] = key.split(' ') as [string, 'float32' | 'float64', string, Kind];
        const [small, all] = row.measuredUlp![dtype][kind];
        const over = r.small > small + FIGURE_SLACK || r.all > all + FIGURE_SLACK;
        return over ? [`${key}: measured ${r.small.toFixed(3)} (all x ${r.all.toFixed(3)}), manifest ${small} (${all})`] : [];
      });
      expect(stale).toEqual([]);
    });
  }
});

afterAll(() => {
  const path = process.env.ACTFN_ACCURACY_REPORT;
  if (path) writeFileSync(path, JSON.stringify(report, null, 1));
});
