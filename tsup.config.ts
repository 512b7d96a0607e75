import { defineConfig } from 'tsup';

// Two builds. The library: ESM and CommonJS of src/index.ts with .d.ts/.d.cts types (`shims` gives
// the CommonJS build an import.meta.url, which the loader uses to find build/ and prebuilds/);
// dist/backend.js is the backend selector alone, for bench/, not part of the package's exports.
// The `actfn` command (src/cli/): ESM only, with the charting libraries (vega, vega-lite:
// devDependencies) bundled into a lazily loaded chunk and minified, so the package has no
// runtime dependency and importing the library never loads them. Both write to dist/, which
// `npm run build:ts` empties first (tsup's clean would race between the two builds).
export default defineConfig([
  {
    entry: { index: 'src/index.ts', backend: 'src/backend/select.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    shims: true,
    target: 'node20',
    platform: 'node',
    sourcemap: true,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
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
