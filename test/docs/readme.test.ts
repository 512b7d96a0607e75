import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The README's JavaScript examples run, as a user would run them, against the built package
 * (dist/, from npm run build): each ```js block is written to a file with `from 'actfn'` pointing
 * at dist/index.js (and `from 'actfn/charts'` at dist/charts.js) and run with node from the
 * repository root. (The activation and accuracy tables
 * are generated; test/tools/generated.test.ts checks them.)
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
const entry = pathToFileURL(join(root, 'dist', 'index.js')).href;
const chartsEntry = pathToFileURL(join(root, 'dist', 'charts.js')).href;
const dir = mkdtempSync(join(tmpdir(), 'actfn-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("README.md's JavaScript examples", () => {
  it('are there to run', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
  });

  it.each(blocks.map((code, i) => [i + 1, code.split('\n')[0], code] as const))('block %i (%s) runs without an error', (i, _first, code) => {
    const file = join(dir, `block-${i}.mjs`);
    writeFileSync(file, code.replaceAll("from 'actfn'", `from ${JSON.stringify(entry)}`).replaceAll("from 'actfn/charts'", `from ${JSON.stringify(chartsEntry)}`));
    const out = execFileSync(process.execPath, [file], { cwd: root, encoding: 'utf8', env: { ...process.env, ACTFN_QUIET: '1' }, timeout: 300_000 });
    if (code.includes('backendInfo()')) expect(out).toMatch(/backend: '(native|js)'/);
    if (code.includes('model.evaluate') || code.includes('.evaluate(')) expect(out).toMatch(/test \{ loss: [\d.e-]+/);
  }, 300_000);
});
