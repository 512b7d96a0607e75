import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dtype } from './ulp.js';

/** Reference values from tools/gen-reference.py (mpmath); see that script for definitions. */
export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'accuracy', 'fixtures');

export interface ExactValues {
  hi: number[];
  lo: number[];
}

export interface ActivationCase {
  params: Record<string, number>;
  dtype: Dtype;
  x: number[];
  forward: ExactValues;
  derivative: ExactValues;
}

export interface SoftmaxCase {
  dtype: Dtype;
  cols: number;
  note?: string;
  x: number[];
  dy: number[];
  softmax: ExactValues;
  logSoftmax: ExactValues;
  backward: ExactValues;
}

/** JSON cannot hold non-finite numbers or -0; the generator writes them as strings. */
function revive(_key: string, value: unknown): unknown {
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  if (value === 'NaN') return NaN;
  if (value === '-0') return -0;
  return value;
}

export function readFixture<T>(file: string): T {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8'), revive) as T;
}

export function activationFixture(name: string): ActivationCase[] {
  const file = `${name}.json`;
  if (!existsSync(join(FIXTURE_DIR, file))) throw new Error(`no fixture ${file}; run npm run fixtures`);
  return readFixture<{ cases: ActivationCase[] }>(file).cases;
}

export function fixtureFiles(): string[] {
  return readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.json'));
}

export function typedArray(dtype: Dtype, values: ArrayLike<number>): Float32Array | Float64Array {
  return dtype === 'float32' ? Float32Array.from(values) : Float64Array.from(values);
}
