// The bench-only addon (actfn_bench.node: copy, add and FMA-peak probes; native/addon/probe_binding.cc),
// loaded from the directory of the main addon this process actually uses, so probes and kernels
// always come from the same build. cmake-js builds both into build/Release; the shipped prebuild and
// the node-gyp source build have no bench addon, and then the probes are reported missing.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const { nativeAddonPath } = await import(new URL('../dist/backend.js', import.meta.url));

/** { addon, path } or { missing: 'why' }. */
export function loadBenchAddon() {
  const main = nativeAddonPath();
  if (!main) return { missing: 'the native addon does not load, so there is no build to take probes from' };
  const path = join(dirname(main), 'actfn_bench.node');
  if (!existsSync(path)) return { missing: `${path} not found (the bench addon is built by \`npm run build:native\` beside actfn.node)` };
  return { addon: createRequire(import.meta.url)(path), path };
}
