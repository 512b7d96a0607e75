// Writes every file derived from the manifests (tools/generated-files.ts): `npm run generate`.
// The manifests are TypeScript; esbuild (tsup's bundler) bundles the list into a temporary module
// first. `--check` writes nothing and exits 1 when a file is stale.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'actfn-generate-'));
try {
  const outfile = join(dir, 'generated-files.mjs');
  await build({ entryPoints: [join(root, 'tools', 'generated-files.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  const { GENERATED_FILES } = await import(pathToFileURL(outfile).href);
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const file of GENERATED_FILES) {
    const path = join(root, file.path);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
    const next = file.content(current);
    if (next === current) continue;
    stale++;
    if (check) console.log(`stale: ${file.path}`);
    else {
      writeFileSync(path, next);
      console.log(`wrote ${file.path}`);
    }
  }
  if (check && stale) process.exit(1);
  if (!stale) console.log('every generated file is up to date');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
