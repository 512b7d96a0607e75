import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs tool without types
import { cycles, importGraph } from '../../tools/import-graph.mjs';

const src = fileURLToPath(new URL('../../src', import.meta.url));
const name = (files: string[]) => files.map((f) => f.slice(src.length + 1));

describe('the import graph of src/', () => {
  it('has no cycle (tools/import-graph.mjs, also run by CI)', () => {
    const graph = importGraph(src) as Map<string, string[]>;
    expect(graph.size).toBeGreaterThan(50);
    expect((cycles(graph) as string[][]).map(name)).toEqual([]);
  });

  it('keeps the model core layered: callbacks and the file format below the model, loading above it', () => {
    const graph = importGraph(src) as Map<string, string[]>;
    const deps = (file: string) => name(graph.get(join(src, file)) ?? []);
    expect(deps('nn/callback-types.ts')).toEqual([]);
    expect(deps('nn/callbacks.ts')).not.toContain('nn/model.ts');
    for (const callback of ['model-checkpoint', 'reduce-lr-on-plateau', 'learning-rate-scheduler', 'csv-logger', 'monitor']) {
      expect(deps(`nn/${callback}.ts`), callback).not.toContain('nn/model.ts');
    }
    expect(deps('nn/model-file.ts')).not.toContain('nn/model.ts');
    expect(deps('nn/model.ts')).not.toContain('nn/io.ts');
    expect(deps('nn/io.ts')).toContain('nn/model.ts');
  });

  it('finds a cycle when there is one, type-only imports included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'actfn-graph-'));
    try {
      mkdirSync(join(dir, 'sub'));
      writeFileSync(join(dir, 'a.ts'), "import { b } from './sub/b.js';\nexport const a = b;\n");
      writeFileSync(join(dir, 'sub', 'b.ts'), "import type { C } from '../c.js';\nexport const b = 1 as unknown as C;\n");
      writeFileSync(join(dir, 'c.ts'), "export type C = number;\nexport { a } from './a.js';\n");
      writeFileSync(join(dir, 'd.ts'), "import './a.js';\n");
      const found = cycles(importGraph(dir)) as string[][];
      expect(found).toHaveLength(1);
      expect(found[0].map((f) => f.slice(dir.length + 1)).sort()).toEqual(['a.ts', 'c.ts', 'sub/b.ts']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
