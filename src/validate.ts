/**
 * Argument checks at the public edge. Every failure is a TypeError (wrong kind of value) or a
 * RangeError (right kind, wrong size or value) that names the argument and says what was expected,
 * raised before anything is written.
 */
import type { FloatArray } from './backend/contract.js';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Array';
  if (ArrayBuffer.isView(value)) return value.constructor.name;
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return typeof value;
}

/**
 * A detached ArrayBuffer (transferred to a worker, or closed) leaves its views at length 0; only
 * then is it worth asking, and constructing a view on it is the test Node 20 offers.
 */
function isDetached(array: ArrayBufferView): boolean {
  if (array.byteLength !== 0 || !(array.buffer instanceof ArrayBuffer)) return false;
  try {
    new Uint8Array(array.buffer, 0, 0);
    return false;
  } catch {
    return true;
  }
}

export function requireFloatArray(value: unknown, name: string): FloatArray {
  if (value instanceof Float32Array || value instanceof Float64Array) {
    if (isDetached(value)) throw new TypeError(`${name} is backed by a detached ArrayBuffer (transferred or closed); it can no longer be read or written`);
    return value;
  }
  throw new TypeError(`${name} must be a Float32Array or Float64Array, got ${describe(value)}`);
}

/** `value` as an array of the same element type and length as `like` (the argument `likeName`). */
export function requireMatching(value: unknown, name: string, like: FloatArray, likeName: string): FloatArray {
  const array = requireFloatArray(value, name);
  if (array.constructor !== like.constructor) {
    throw new TypeError(`${name} must be a ${like.constructor.name} like ${likeName}, got ${array.constructor.name}`);
  }
  if (array.length !== like.length) {
    throw new RangeError(`${name} must have length ${like.length} like ${likeName}, got ${array.length}`);
  }
  return array;
}

/** `out` may be the input itself (in place) or a separate region; a partial overlap is refused. */
export function requireNoPartialOverlap(out: FloatArray, outName: string, input: FloatArray, inputName: string): void {
  if (out.buffer !== input.buffer || out.byteOffset === input.byteOffset) return;
  const outEnd = out.byteOffset + out.byteLength;
  const inputEnd = input.byteOffset + input.byteLength;
  if (out.byteOffset < inputEnd && input.byteOffset < outEnd) {
    throw new RangeError(`${outName} must be ${inputName} itself or not overlap it; it partially overlaps ${inputName}`);
  }
}

/** The output array: `out` checked against `x`, or a new array of x's type. */
export function outputFor(x: FloatArray, xName: string, out: unknown, inputs: ReadonlyArray<readonly [FloatArray, string]>): FloatArray {
  if (out === undefined) return x instanceof Float32Array ? new Float32Array(x.length) : new Float64Array(x.length);
  const result = requireMatching(out, 'out', x, xName);
  for (const [input, name] of inputs) requireNoPartialOverlap(result, 'out', input, name);
  return result;
}

export function requireCols(cols: unknown, length: number): number {
  if (typeof cols !== 'number') throw new TypeError(`cols must be a number, got ${describe(cols)}`);
  if (!Number.isInteger(cols) || cols <= 0) throw new RangeError(`cols must be a positive integer, got ${cols}`);
  if (length % cols !== 0) throw new RangeError(`cols (${cols}) must divide the array length (${length})`);
  return cols;
}

/** A count argument: a number (else TypeError), an integer from 1 to max (else RangeError). */
export function requirePositiveInteger(value: unknown, name: string, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number, got ${describe(value)}`);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? 'a positive integer' : `an integer from 1 to ${max}`;
    throw new RangeError(`${name} must be ${range}, got ${showValue(value)}`);
  }
  return value;
}

/** A user's value for an error message: numbers and strings as they are, anything else by its type. */
export function showValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'undefined') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return 'a function';
  return describe(value);
}

export { describe as describeValue };

/** An object that is not null or an array: what options and parsed JSON records must be. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
