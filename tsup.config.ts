import { defineConfig } from 'tsup';

// ESM and CommonJS builds of src/index.ts (and the `actfn` command, src/cli/; dist/backend.js is the
// backend selector alone, for bench/, not part of the package's exports) with .d.ts/.d.cts types; `shims` gives the CommonJS
// build an import.meta.url, which the loader uses to find build/ and prebuilds/.
export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli/main.ts', backend: 'src/backend/select.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  shims: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  sourcemap: true,
});
