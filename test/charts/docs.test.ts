import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DOCS_CHARTS } from '../../tools/docs-charts.js';

/**
 * The README's charts in docs/ are what the chart code draws today. The ones that need no training
 * are checked here (a second or two); the trained ones by `npm run docs:charts -- --check`.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the charts in docs/', () => {
  for (const chart of DOCS_CHARTS.filter((c) => c.cheap)) {
    it(`${chart.path} is current (npm run docs:charts rewrites it)`, async () => {
      expect(readFileSync(`${root}${chart.path}`, 'utf8') === (await chart.make()), `${chart.path} is stale: run npm run docs:charts`).toBe(true);
    });
  }

  it('lists every chart the README embeds', () => {
    const embedded = [...readFileSync(`${root}README.md`, 'utf8').matchAll(/!\[[^\]]*\]\((docs\/[^)]+\.svg)\)/g)].map((m) => m[1]);
    expect(embedded.length).toBeGreaterThan(0);
    expect(DOCS_CHARTS.map((c) => c.path)).toEqual(expect.arrayContaining(embedded));
  });
});
