import { defineConfig } from 'tsup';
import type { Plugin } from 'esbuild';

// Two builds. The library: ESM and CommonJS of src/index.ts and of src/charts/index.ts
// ('actfn/charts', the chart specs) with .d.ts/.d.cts types (`shims` gives the CommonJS build an
// import.meta.url, which the loader uses to find build/ and prebuilds/); dist/backend.js is the
// backend selector alone, for bench/, not part of the package's exports.
// The `actfn` command (src/cli/) and dist/charts-render.js (specs to SVG): ESM only, with the
// charting libraries (vega, vega-lite: devDependencies) bundled into chunks the two share and
// minified, so the package has no runtime dependency and importing the library never loads them.
// Both write to dist/, which `npm run build:ts` empties first (tsup's clean would race between the
// two builds).

/**
 * renderSvg of 'actfn/charts' imports ./render.js lazily; in the library build that import is left
 * to run at run time against dist/charts-render.js, from the ESM build and the CommonJS one alike
 * (Node's import() loads ESM from either), so vega is bundled once, beside the command line.
 */
const chartsRender: Plugin = {
  name: 'charts-render',
  setup(build) {
    build.onResolve({ filter: /^\.\/render\.js$/ }, (args) => (args.importer.endsWith('/src/charts/svg.ts') ? { path: './charts-render.js', external: true } : undefined));
  },
};

export default defineConfig([
  {
    entry: { index: 'src/index.ts', charts: 'src/charts/index.ts', backend: 'src/backend/select.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    shims: true,
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    esbuildPlugins: [chartsRender],
  },
  {
    entry: { cli: 'src/cli/main.ts', 'charts-render': 'src/charts/render.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    splitting: true,
    minify: true,
    noExternal: ['vega', 'vega-lite'],
    // bundled CommonJS parts of vega's loader require() Node built-ins
    banner: { js: "import { createRequire as actfnCreateRequire } from 'node:module'; const require = actfnCreateRequire(import.meta.url);" },
  },
]);
