import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The README's model example is a real file that runs and learns (needs dist/, like users). */
const root = fileURLToPath(new URL('../..', import.meta.url));
const example = readFileSync(`${root}examples/train-breast-cancer.mjs`, 'utf8');

describe("README's model example", () => {
  it('is quoted in README.md as it is in examples/', () => {
    const body = example.split('\n').filter((line) => !line.startsWith('//')).join('\n').trim();
    expect(readFileSync(`${root}README.md`, 'utf8')).toContain(body);
  });

  it('trains, saves, loads and predicts, with test accuracy >= 0.94', () => {
    const out = execFileSync(process.execPath, [`${root}examples/train-breast-cancer.mjs`], { cwd: root, encoding: 'utf8', env: { ...process.env, ACTFN_QUIET: '1' } });
    const accuracy = Number(out.match(/test \{ loss: [\d.e-]+, accuracy: ([\d.]+) \}/)?.[1]);
    expect(accuracy).toBeGreaterThanOrEqual(0.94);
    expect(out).toMatch(/Total params: 4097/);
    expect(out.match(/^sample \d: P\(benign\) = [01]\.\d{3}, label (benign|malignant)$/gm)).toHaveLength(3);
  });
});
