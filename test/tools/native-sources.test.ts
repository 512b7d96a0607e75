import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const native = join(root, 'native');
const sources = JSON.parse(readFileSync(join(native, 'sources.json'), 'utf8')) as Record<string, unknown>;

function ccFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? ccFiles(path) : name.endsWith('.cc') ? [path.slice(native.length + 1)] : [];
  });
}

describe('native/sources.json, the one source list', () => {
  it('lists every C++ source of the kernels, the addon and the bench-only addon, once', () => {
    const bench = sources.bench as { perTarget: string[]; addon: string[] };
    const listed = [...(sources.kernels as string[]), ...(sources.runtime as string[]), ...(sources.addon as string[]), ...bench.perTarget, ...bench.addon];
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...ccFiles(join(native, 'kernels')), ...ccFiles(join(native, 'addon'))].sort());
  });

  it('keeps the probes out of the shipped addon: no bench source is in the kernel, runtime or addon lists', () => {
    const shipped = [...(sources.kernels as string[]), ...(sources.runtime as string[]), ...(sources.addon as string[])];
    expect(shipped.filter((path) => path.includes('probe'))).toEqual([]);
  });

  it('is what CMakeLists.txt and binding.gyp read: neither names a kernel or addon source or an ISA flag itself', () => {
    const cmake = readFileSync(join(root, 'CMakeLists.txt'), 'utf8');
    const gyp = readFileSync(join(native, 'binding.gyp'), 'utf8');
    for (const text of [cmake, gyp]) {
      expect(text).toContain('sources.json');
      expect(text).not.toMatch(/(kernels|addon)\/[\w/]+\.cc/);
      expect(text).not.toMatch(/-mavx/);
    }
  });
});
