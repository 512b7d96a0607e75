import type { ActivationSpec, ParamSpec, Params } from './spec.js';
import { closestName } from '../options.js';
import { describeValue, showValue } from '../validate.js';

function checkParam(spec: ActivationSpec, p: ParamSpec, value: unknown): number {
  const where = `${spec.name} parameter '${p.name}'`;
  if (typeof value !== 'number') throw new TypeError(`${where} must be a number, got ${describeValue(value)}`);
  if (!Number.isFinite(value)) throw new RangeError(`${where} must be finite, got ${showValue(value)}`);
  if (p.min !== undefined && (p.minExclusive ? value <= p.min : value < p.min)) {
    throw new RangeError(`${where} must be ${p.minExclusive ? '>' : '>='} ${p.min}, got ${showValue(value)}`);
  }
  if (p.max !== undefined && value > p.max) throw new RangeError(`${where} must be <= ${p.max}, got ${showValue(value)}`);
  return value;
}

/** The row's params with defaults filled in; unknown names and illegal values are errors. */
export function resolveParams(spec: ActivationSpec, given: unknown): Params {
  if (given !== undefined && (given === null || typeof given !== 'object' || Array.isArray(given))) {
    throw new TypeError(`params for ${spec.name} must be an object, got ${describeValue(given)}`);
  }
  const supplied = (given ?? {}) as Record<string, unknown>;
  const known = new Set(spec.params.map((p) => p.name));
  for (const key of Object.keys(supplied)) {
    if (!known.has(key)) {
      const near = closestName(key, [...known]);
      const expected = near ? `did you mean '${near}'?` : known.size ? `expected ${[...known].join(', ')}` : 'it takes no parameters';
      throw new TypeError(`${spec.name} has no parameter '${key}'; ${expected}`);
    }
  }
  const params: Record<string, number> = {};
  for (const p of spec.params) {
    params[p.name] = supplied[p.name] === undefined ? p.default : checkParam(spec, p, supplied[p.name]);
  }
  const problem = spec.checkParams?.(params);
  if (problem) throw new RangeError(`${spec.name}: ${problem}`);
  return Object.freeze(params);
}
