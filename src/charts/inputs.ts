/**
 * Checks of what the chart functions are given: the analysis results are plain data a user may
 * have loaded from JSON or built by hand, so a wrong one fails here, naming the argument, rather
 * than as a blank chart or a Vega error about a field.
 */
import type { Comparison } from '../analysis/compare.js';
import type { Curves } from '../analysis/curves.js';
import type { DecisionBoundary } from '../analysis/decision-boundary.js';
import type { GradientFlowRow } from '../analysis/gradient-flow.js';
import { describeValue, isRecord } from '../validate.js';

const numbers = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'number');

export function requireCurves(curves: unknown, name: string): Curves {
  if (!isRecord(curves) || !numbers(curves.x) || !Array.isArray(curves.curves)) {
    throw new TypeError(`${name} must be the result of activationCurves() ({ x, curves }), got ${describeValue(curves)}`);
  }
  const n = (curves.x as number[]).length;
  if (n < 2 || curves.curves.length === 0) throw new RangeError(`${name} must hold at least 2 points and 1 curve, got ${n} points and ${curves.curves.length} curves`);
  curves.curves.forEach((c: unknown, i) => {
    if (!isRecord(c) || typeof c.name !== 'string' || !numbers(c.f) || !numbers(c.df) || (c.f as number[]).length !== n || (c.df as number[]).length !== n) {
      throw new TypeError(`${name}.curves[${i}] must be { name, f, df, ... } with ${n} values in f and df, as activationCurves() returns`);
    }
  });
  return curves as unknown as Curves;
}

export function requireGradientRows(rows: unknown, name: string): GradientFlowRow[] {
  if (!Array.isArray(rows)) throw new TypeError(`${name} must be the rows gradientFlow() returns, got ${describeValue(rows)}`);
  if (rows.length === 0) throw new RangeError(`${name} must hold at least one row`);
  rows.forEach((r: unknown, i) => {
    if (!isRecord(r) || typeof r.activation !== 'string' || !['depth', 'mean', 'std', 'min', 'max'].every((k) => typeof r[k] === 'number')) {
      throw new TypeError(`${name}[${i}] must be { activation, depth, mean, std, min, max }, as gradientFlow() returns`);
    }
  });
  return rows as GradientFlowRow[];
}

export function requireComparison(comparison: unknown, name: string): Comparison {
  const ok = isRecord(comparison) && typeof comparison.dataset === 'string' && Array.isArray(comparison.results) && comparison.results.length > 0 &&
    comparison.results.every((r: unknown) => isRecord(r) && typeof r.activation === 'string' && Array.isArray(r.runs) && isRecord(r.runs[0]) &&
      isRecord(r.runs[0].history) && isRecord(r.runs[0].history.history) && numbers(r.runs[0].history.history.loss) && isRecord(r.mean) && isRecord(r.std));
  if (!ok) throw new TypeError(`${name} must be the result of compareActivations() ({ dataset, results: [{ activation, runs, mean, std }] }), got ${describeValue(comparison)}`);
  return comparison as unknown as Comparison;
}

export function requireBoundary(boundary: unknown, name: string): DecisionBoundary {
  const ok = isRecord(boundary) && numbers(boundary.xs) && numbers(boundary.ys) && numbers(boundary.classes) && numbers(boundary.confidence) && Array.isArray(boundary.points);
  if (!ok) throw new TypeError(`${name} must be the result of decisionBoundary() ({ xs, ys, classes, confidence, points }), got ${describeValue(boundary)}`);
  const cells = (boundary.xs as number[]).length * (boundary.ys as number[]).length;
  if ((boundary.xs as number[]).length < 2 || (boundary.ys as number[]).length < 2 || (boundary.classes as number[]).length !== cells) {
    throw new RangeError(`${name} must have at least 2 grid points per axis and one class per grid point (${cells}), got ${(boundary.classes as number[]).length}`);
  }
  return boundary as unknown as DecisionBoundary;
}

export function requireTitle(title: unknown, name: string): string | undefined {
  if (title !== undefined && typeof title !== 'string') throw new TypeError(`${name} must be a string, got ${describeValue(title)}`);
  return title;
}
