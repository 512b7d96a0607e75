import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_TABLE } from '../../src/index.js';
import { GENERATED_FILES, accuracyTableMarkdown } from '../../tools/generated-files.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('files generated from the manifests', () => {
  it.each(GENERATED_FILES.map((f) => [f.path, f] as const))('%s is what npm run generate writes from them', (path, file) => {
    const onDisk = existsSync(root + path) ? readFileSync(root + path, 'utf8') : null;
    expect(onDisk, `${path} is stale: run npm run generate`).toBe(file.content(onDisk));
  });

  it('lists every activation row in the C++ op list, the fixture cases and the README', () => {
    const header = readFileSync(`${root}native/kernels/activation/activations.generated.h`, 'utf8');
    const cases = JSON.parse(readFileSync(`${root}tools/reference-cases.generated.json`, 'utf8')) as { activations: Array<{ name: string; cases: unknown[] }> };
    const readme = readFileSync(`${root}README.md`, 'utf8');
    for (const row of ACTIVATION_TABLE) {
      expect(header).toContain(`X(${row.name}, `);
      expect(cases.activations.find((a) => a.name === row.name)?.cases).toHaveLength(row.test.paramSets.length);
      expect(readme).toContain(`| ${row.name} | `);
      expect(existsSync(`${root}test/accuracy/fixtures/${row.name}.json`), `fixtures for ${row.name}: npm run fixtures -- ${row.name}`).toBe(true);
    }
  });
});

describe('native/kernels/activation/ops/, one header per activation', () => {
  it('holds a header named as each manifest row, and otherwise only the shared common_*.h', () => {
    const files = readdirSync(`${root}native/kernels/activation/ops`);
    expect(files.filter((f) => !f.startsWith('common_')).sort()).toEqual(ACTIVATION_TABLE.map((row) => `${row.name}.h`).sort());
    expect(files.every((f) => f.endsWith('.h'))).toBe(true);
  });
});

describe('the measured accuracy in the manifest', () => {
  it('is within each row contract (forward, derivative and backward bounds)', () => {
    for (const row of ACTIVATION_TABLE) {
      expect(row.measuredUlp, `${row.name} has no measured figures`).toBeDefined();
      for (const dtype of ['float32', 'float64'] as const) {
        const m = row.measuredUlp![dtype];
        expect(m.forward[0], `${row.name} ${dtype} forward`).toBeLessThanOrEqual(row.test.forwardUlp);
        expect(m.derivative[0], `${row.name} ${dtype} derivative`).toBeLessThanOrEqual(row.test.derivativeUlp);
        expect(m.backward[0], `${row.name} ${dtype} backward`).toBeLessThanOrEqual(row.test.derivativeUlp);
        for (const kind of ['forward', 'derivative', 'backward'] as const) expect(m[kind][1]).toBeGreaterThanOrEqual(m[kind][0]);
      }
    }
  });

  it('renders the README accuracy table from the rows', () => {
    const table = accuracyTableMarkdown();
    expect(table.split('\n')).toHaveLength(ACTIVATION_TABLE.length + 2);
    // Each cell is the |x| <= 4 figure, with the all-x one in brackets when it differs, in the
    // order float32 forward, derivative, backward, then float64; read from the row so that
    // refreshing the figures (tools/accuracy-table.mjs) does not need this test edited.
    const m = ACTIVATION_TABLE.find((row) => row.name === 'sigmoid')!.measuredUlp!;
    const cell = ([small, all]: readonly [number, number]) => (small === all ? small.toFixed(2) : `${small.toFixed(2)} (${all.toFixed(2)})`);
    const cells = (['float32', 'float64'] as const).flatMap((dtype) => (['forward', 'derivative', 'backward'] as const).map((kind) => cell(m[dtype][kind])));
    expect(table).toContain(`| sigmoid | ${cells.join(' | ')} |`);
    expect(cells.filter((c) => c.includes('('))).not.toHaveLength(0);  // the bracketed form is exercised
  });
});
