import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsOnly } from '../support/backends.js';

/** The built package (dist/), loaded the way users load it: `require` and `import` by package name. */
const root = fileURLToPath(new URL('../..', import.meta.url));
const script = `const r = [...a.getActivation('gelu').forward(new Float64Array([-1, 0, 1]))];
  process.stdout.write(JSON.stringify({ info: a.backendInfo(), r }));`;

function run(args: string[]) {
  const out = execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env } });
  return JSON.parse(out) as { info: { backend: string; version: string }; r: number[] };
}

describe('the built package', () => {
  const expected = [-0.15865525393145707, 0, 0.8413447460685429];
  const backend = jsOnly ? 'js' : 'native';

  it('works through require (CommonJS build)', () => {
    const { info, r } = run(['-e', `const a = require('actfn'); ${script}`]);
    expect(info.backend).toBe(backend);
    r.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 15));
  });

  it('works through import (ESM build)', () => {
    const { info, r } = run(['--input-type=module', '-e', `import * as a from 'actfn'; ${script}`]);
    expect(info.backend).toBe(backend);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    r.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 15));
  });

  it('does not load the charting code: only the command line bundles vega', () => {
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    for (const file of ['index.js', 'index.cjs']) expect(readFileSync(`${root}dist/${file}`, 'utf8')).not.toMatch(/vega/);
  });

  it('serves actfn/charts through require and import: specs, and SVG from the bundle the command line uses', () => {
    const chart = `const curves = a.activationCurves(['relu', 'tanh'], { points: 21 });
      const spec = c.curvesSpec(curves);
      c.renderSvg(spec).then((svg) => process.stdout.write(JSON.stringify({ schema: spec.$schema, svg: svg.slice(0, 4), relu: svg.includes('>relu<') })));`;
    const expected = { schema: 'https://vega.github.io/schema/vega-lite/v5.json', svg: '<svg', relu: true };
    expect(JSON.parse(execFileSync(process.execPath, ['-e', `const a = require('actfn'); const c = require('actfn/charts'); ${chart}`], { cwd: root, encoding: 'utf8' }))).toEqual(expected);
    expect(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', `import * as a from 'actfn'; import * as c from 'actfn/charts'; ${chart}`], { cwd: root, encoding: 'utf8' }))).toEqual(expected);
    // the spec functions are plain code: vega is only in the lazily imported dist/charts-render.js and its chunks
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    for (const file of ['charts.js', 'charts.cjs']) {
      const text = readFileSync(`${root}dist/${file}`, 'utf8');
      expect(text.length).toBeLessThan(100_000);
      expect(text).toContain('import("./charts-render.js")');
    }
  });
});
