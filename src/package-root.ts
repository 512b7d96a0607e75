import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface PackageJson {
  name?: string;
  version?: string;
}

let cached: { root: string | null; version: string } | undefined;

/**
 * The installed package's root folder (where build/, prebuilds/ and data/ live) and its version,
 * found by walking up from this module; works from src/ under vitest and from dist/ when bundled.
 */
export function packageRoot(): { root: string | null; version: string } {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as PackageJson;
      if (pkg.name === 'actfn') return (cached = { root: dir, version: pkg.version ?? 'unknown' });
    }
    const parent = dirname(dir);
    if (parent === dir) return (cached = { root: null, version: 'unknown' });
    dir = parent;
  }
}
