#!/usr/bin/env node
// The linux-arm64 prebuild: cross-compiles the addon with Debian's aarch64 toolchain
// (tools/aarch64-linux-gnu.cmake: g++-aarch64-linux-gnu, libgomp1-arm64-cross) into build-arm64/,
// then packages it as prebuilds/linux-arm64/ (tools/package-native.mjs --arch arm64: stripped,
// arm64 libgomp bundled, manifest with the glibc floor). `npm run prebuild` runs it after the x64
// build. Without the cross compiler it says so and skips, unless ACTFN_REQUIRE_ARM64=1 (CI), which
// makes that an error. Extra arguments go to cmake-js (e.g. -p 2 for two parallel jobs).
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const COMPILER = 'aarch64-linux-gnu-g++';

if (spawnSync(COMPILER, ['--version']).status !== 0) {
  const message = `${COMPILER} not found: no linux-arm64 prebuild (apt-get install g++-aarch64-linux-gnu libgomp1-arm64-cross)`;
  if (process.env.ACTFN_REQUIRE_ARM64 === '1') throw new Error(message);
  console.warn(`warning: ${message}`);
  process.exit(0);
}

const cmakeJs = join(root, 'node_modules', 'cmake-js', 'bin', 'cmake-js');
execFileSync(process.execPath, [cmakeJs, 'compile', '--out', 'build-arm64', '--target', 'actfn',
  `--CDCMAKE_TOOLCHAIN_FILE=${join(root, 'tools', 'aarch64-linux-gnu.cmake')}`, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [join(root, 'tools', 'package-native.mjs'), '--arch', 'arm64'], { cwd: root, stdio: 'inherit' });
