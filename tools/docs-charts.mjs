// Writes the README's charts (docs/*.svg, listed in tools/docs-charts.ts): `npm run docs:charts`.
// `--check` writes nothing and exits 1 when a chart on disk differs from what the code draws;
// `--cheap` limits either to the charts that need no training.
// The list is TypeScript; esbuild (tsup's bundler) bundles it into a temporary module first,
// leaving the packages (vega, vega-lite) to load from node_modules.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// inside the repository, so the bundle finds node_modules; removed at the end
const dir = mkdtempSync(join(root, 'tools', '.docs-charts-'));
try {
  const outfile = join(dir, 'docs-charts.mjs');
  await build({ entryPoints: [join(root, 'tools', 'docs-charts.ts')], bundle: true, packages: 'external', platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  process.env.ACTFN_BACKEND = 'js'; // before the library loads: the same figures on every machine
  const { DOCS_CHARTS } = await import(pathToFileURL(outfile).href);
  const check = process.argv.includes('--check');
  const cheapOnly = process.argv.includes('--cheap');
  let stale = 0;
  for (const chart of DOCS_CHARTS.filter((c) => c.cheap || !cheapOnly)) {
    const path = join(root, chart.path);
    const next = await chart.make();
    if (existsSync(path) && readFileSync(path, 'utf8') === next) continue;
    stale++;
    if (check) console.log(`stale: ${chart.path}`);
    else {
      writeFileSync(path, next);
      console.log(`wrote ${chart.path}`);
    }
  }
  if (check && stale) process.exitCode = 1;
  if (!stale) console.log('every chart in docs/ is up to date');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
