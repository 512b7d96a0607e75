import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activationCurves } from '../../src/analysis/curves.js';
import { gradientFlow, type GradientFlowRow } from '../../src/analysis/gradient-flow.js';
import { curvesSpec } from '../../src/charts/curves.js';
import { GRADIENT_STATISTICS, gradientFlowSpec } from '../../src/charts/gradient-flow.js';
import { renderSvg } from '../../src/charts/render.js';
import type { Spec } from '../../src/charts/style.js';

/**
 * The charts as a person sees them: rendered to SVG as the command line writes them, shown in
 * headless Chromium (Debian's package, driven by playwright-core) and read back from the DOM and
 * from a screenshot's pixels. The panels' plot areas must line up (a kink read against another
 * panel's axis must be where it is), and every series the legend declares must have pixels of its
 * own colour inside the plot area (not hidden under another series). CI installs Chromium and sets
 * ACTFN_TEST_BROWSER=1; elsewhere this runs when /usr/bin/chromium (or CHROMIUM_PATH) exists.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const required = process.env.ACTFN_TEST_BROWSER === '1';
const skipped = required || existsSync(chromium) ? '' : ` (skipped: no Chromium at ${chromium}; CI installs it and sets ACTFN_TEST_BROWSER=1)`;
const CLASSIC = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'silu'];

interface Rendered { panels: Rect[]; xAxes: number; series: Array<{ label: string; color: string }> }

/** The page's globals, typed as far as the functions run in it use them (the project's types are Node's, without the DOM). */
interface Rect { left: number; top: number; right: number; bottom: number }
interface Node$ { textContent: string | null; getAttribute(name: string): string | null; getBoundingClientRect(): Rect; querySelector(selector: string): Node$ | null }
interface Canvas { width: number; height: number; getContext(kind: '2d'): { drawImage(image: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } }
interface PageGlobals {
  document: { querySelectorAll(selector: string): Iterable<Node$>; createElement(tag: 'canvas'): Canvas };
  Image: new () => { src: string; width: number; height: number; decode(): Promise<void> };
}

let browser: Browser;
let page: Page;

/**
 * Shows the SVG and returns each panel's plot area (from its y axis's domain line: left edge, top
 * and bottom; the right edge from the x axis's domain line when the panel has one), the number of
 * x axes, and the legend's series with their colours.
 */
async function show(svg: string): Promise<Rendered> {
  await page.setContent(`<!doctype html><html><body style="margin:0;background:white">${svg}</body></html>`);
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals; // runs in the page: no closure over this module
    const domain = (axis: Node$) => axis.querySelector('.role-axis-domain > *')!.getBoundingClientRect();
    const axes = (kind: string) => [...document.querySelectorAll(`g.role-axis[aria-label^="${kind}-axis"]`)];
    const xs = axes('X').map(domain);
    const panels = axes('Y').map(domain).map((y) => {
      const x = xs.find((b) => Math.abs(b.left - y.left) < 2 && Math.abs(b.top - y.bottom) < 2);
      return { left: y.left, top: y.top, bottom: y.bottom, right: x ? x.right : y.left + 1 };
    });
    // the legend's symbols and labels come in the same order, one of each per series
    const labels = [...document.querySelectorAll('.role-legend-label text')].map((t) => t.textContent ?? '');
    const series = [...document.querySelectorAll('.role-legend-symbol path')].map((p, i) => ({ label: labels[i], color: p.getAttribute('stroke') ?? p.getAttribute('fill') ?? '' }));
    return { panels, xAxes: xs.length, series };
  });
}

/** Pixels of each colour (within a small distance, for anti-aliasing) in a screenshot of the box. */
async function colourCounts(box: Rect, colors: string[]): Promise<number[]> {
  const png = await page.screenshot({ type: 'png', clip: { x: box.left + 1, y: box.top + 1, width: box.right - box.left - 2, height: box.bottom - box.top - 2 } });
  return page.evaluate(async ({ data, colors }) => {
    const { document, Image } = globalThis as unknown as PageGlobals;
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [image.width, image.height];
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    return colors.map((hex) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      let n = 0;
      for (let i = 0; i < pixels.length; i += 4) if (Math.abs(pixels[i] - r) + Math.abs(pixels[i + 1] - g) + Math.abs(pixels[i + 2] - b) <= 30) n++;
      return n;
    });
  }, { data: png.toString('base64'), colors });
}

/** Fewer pixels than this of a series' colour in a plot area: a reader cannot find the series there. */
const VISIBLE = 40;

const close = (values: number[]) => Math.max(...values) - Math.min(...values);

describe.skipIf(skipped !== '')(`charts rendered in headless Chromium${skipped}`, () => {
  beforeAll(async () => {
    expect(existsSync(chromium), `Chromium not found at ${chromium}: apt-get install chromium`).toBe(true);
    const { chromium: launcher } = await import('playwright-core');
    browser = await launcher.launch({ executablePath: chromium, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
  }, 60_000);
  afterAll(async () => browser?.close());

  it('curves: panels aligned by column and row, each with its x axis, f and f\' visible in every panel', async () => {
    const spec = curvesSpec(activationCurves(CLASSIC, { points: 201 }));
    const columns = spec.columns as number;
    const { panels, xAxes, series } = await show(await renderSvg(spec));
    expect(panels).toHaveLength(CLASSIC.length);
    expect(CLASSIC.length % columns, 'the grid is full').toBe(0);
    expect(xAxes, 'an x axis under every panel').toBe(CLASSIC.length);
    for (let c = 0; c < columns; c++) {
      const column = panels.filter((_, i) => i % columns === c);
      expect(close(column.map((p) => p.left)), `left edges of column ${c + 1}`).toBeLessThan(0.5);
      expect(close(column.map((p) => p.right)), `right edges of column ${c + 1}`).toBeLessThan(0.5);
    }
    for (let r = 0; r < panels.length / columns; r++) {
      const row = panels.slice(r * columns, (r + 1) * columns);
      expect(close(row.map((p) => p.top)), `tops of row ${r + 1}`).toBeLessThan(0.5);
      expect(close(row.map((p) => p.bottom)), `bottoms of row ${r + 1}`).toBeLessThan(0.5);
    }
    expect(series.map((s) => s.label)).toEqual(['f(x)', "f'(x)"]);
    for (const [i, panel] of panels.entries()) {
      const counts = await colourCounts(panel, series.map((s) => s.color));
      counts.forEach((n, k) => expect(n, `${series[k].label} in the ${CLASSIC[i]} panel`).toBeGreaterThan(VISIBLE));
    }
  });

  describe('gradient flow: every activation visible, relu beside leakyRelu', () => {
    let rows: GradientFlowRow[];
    beforeAll(() => {
      rows = gradientFlow({ activations: CLASSIC });
      // the setting in which relu's line lay under leakyRelu's: their norms agree to a few per cent at every depth
      const norms = (name: string) => rows.filter((r) => r.activation === name).map((r) => r.mean);
      norms('relu').forEach((v, i) => expect(Math.abs(Math.log10(v / norms('leakyRelu')[i]))).toBeLessThan(0.05));
    });

    for (const statistic of GRADIENT_STATISTICS) {
      it(statistic, async () => {
        const spec: Spec = gradientFlowSpec(rows, { statistic });
        const { panels, series } = await show(await renderSvg(spec));
        expect(panels).toHaveLength(1);
        expect(series.map((s) => s.label)).toEqual(CLASSIC);
        const counts = await colourCounts(panels[0], series.map((s) => s.color));
        counts.forEach((n, k) => expect(n, `${series[k].label}'s colour ${series[k].color} in the plot area`).toBeGreaterThan(VISIBLE));
      });
    }
  });
});
