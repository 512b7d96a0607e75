import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `actfn report` end to end: the command writes report.html and its SVGs, and the page, opened
 * offline in real headless Chromium (Debian's package, driven by playwright-core), renders its
 * charts without a console error. CI installs Chromium and sets ACTFN_TEST_BROWSER=1; elsewhere
 * the browser part runs when /usr/bin/chromium (or CHROMIUM_PATH) exists.
 */
const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const required = process.env.ACTFN_TEST_BROWSER === '1';
const out = mkdtempSync(join(tmpdir(), 'actfn-report-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('actfn report', () => {
  it('writes one self-contained HTML file and the SVG charts', () => {
    const r = spawnSync(process.execPath, [cli, 'report', '--activations', 'relu,tanh,sigmoid', '--epochs', '20', '--json', '--out', out], { encoding: 'utf8', env: { ...process.env, ACTFN_QUIET: '1' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/WARN/);
    // --json: the report's file and the comparisons, each in compare's JSON shape (an object, not a bare array)
    const json = JSON.parse(r.stdout) as { report: string; comparisons: Array<{ dataset: string; results: unknown[] }>; gradflow: { depths: number[] } };
    expect(json.report).toBe(join(out, 'report.html'));
    expect(json.comparisons.map((c) => c.dataset)).toEqual(['breast-cancer', 'iris', 'moons', 'circles']); // the classic two, and the 2-D two for the boundary
    expect(json.gradflow.depths).toEqual([3, 5, 10, 15, 20]);
    const saved = JSON.parse(readFileSync(join(out, 'compare-moons.json'), 'utf8')) as { dataset: string; results: Array<{ histories: unknown[] }> };
    expect(saved.dataset).toBe('moons');
    expect(saved.results[0].histories).toHaveLength(1);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/<td>tanh<\/td><td>4 \(output\)<\/td><td>sigmoid<\/td>/); // the output layer is labelled, not taken for a tanh layer
    const files = readdirSync(out);
    for (const f of ['report.html', 'curves.svg', 'training-breast-cancer.svg', 'training-iris.svg', 'accuracy-iris.svg', 'accuracy-moons.svg', 'boundary-moons.svg', 'boundary-circles.svg', 'gradflow-mean.svg']) expect(files).toContain(f);
    for (const dataset of ['breast-cancer', 'iris', 'moons', 'circles']) expect(html).toContain(`<h2>Training on ${dataset}</h2>`);
  }, 120_000);

  it.runIf(required || existsSync(chromium))('renders in headless Chromium offline, with every chart drawn and no console error', async () => {
    expect(existsSync(chromium), `Chromium not found at ${chromium}: apt-get install chromium`).toBe(true);
    const { chromium: launcher } = await import('playwright-core');
    const browser = await launcher.launch({ executablePath: chromium, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
      await page.goto(`file://${join(out, 'report.html')}`);
      const sizes = await page.$$eval('figure svg', (svgs) => svgs.map((s) => { const b = s.getBoundingClientRect(); return b.width * b.height; }));
      expect(sizes.length).toBeGreaterThanOrEqual(10);
      for (const area of sizes) expect(area).toBeGreaterThan(10_000);
      expect(await page.$$eval('figure svg path', (p) => p.length)).toBeGreaterThan(100);
      const shot = await page.screenshot({ type: 'jpeg', quality: 60 });
      expect(shot.length).toBeGreaterThan(30_000); // a blank page compresses to a few kilobytes
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
