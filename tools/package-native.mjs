#!/usr/bin/env node
// Turns the release build (build/Release/actfn.node, from `cmake-js compile`) into the prebuilt
// binary that ships in the npm package: prebuilds/<platform>-<arch>[-musl]/ with the stripped addon,
// the libgomp it needs as a real file (npm drops symlinks) found through RUNPATH $ORIGIN, and a
// manifest.json recording what the binary needs. On Linux it refuses a binary that depends on
// anything beyond the C runtime and libgomp, or that lacks the RUNPATH.
// With --arch arm64 it packages the cross-compiled build instead (build-arm64/Release/actfn.node,
// from tools/build-arm64.mjs) as prebuilds/linux-arm64/, with the cross toolchain's strip, objdump
// and libgomp and the same rules.
//
//   npm run prebuild        (builds with cmake-js, then runs this; then tools/build-arm64.mjs)
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Cross-compiled targets: their build directory, platform tag, binutils prefix and ELF machine.
const CROSS = {
  arm64: { build: 'build-arm64', tag: 'linux-arm64', prefix: 'aarch64-linux-gnu-', machine: 'AArch64' },
};
const archArg = process.argv.indexOf('--arch');
const cross = archArg >= 0 ? CROSS[process.argv[archArg + 1]] : undefined;
if (archArg >= 0 && !cross) throw new Error(`--arch must be one of ${Object.keys(CROSS).join(', ')}`);
const built = join(root, cross?.build ?? 'build', 'Release', 'actfn.node');
const tool = (name) => `${cross?.prefix ?? ''}${name}`;
// What only the bench-only addon (build/Release/actfn_bench.node, never packaged) may export.
const BENCH_ONLY_EXPORTS = /probe|peak/i;
// The C runtime every glibc system has (libgcc_s included), and libgomp (bundled). Nothing else.
const ALLOWED_NEEDED = new Set(['libc.so.6', 'libm.so.6', 'libgcc_s.so.1', 'libgomp.so.1', 'libpthread.so.0', 'libdl.so.2', 'librt.so.1', 'ld-linux-x86-64.so.2', 'ld-linux-aarch64.so.1']);

function platformTag() {
  if (cross) return cross.tag;
  const musl = process.platform === 'linux' && !process.report.getReport().header.glibcVersionRuntime;
  return `${process.platform}-${process.arch}${musl ? '-musl' : ''}`;
}

const run = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8' });
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** NEEDED and RUNPATH entries of an ELF file's dynamic section. */
function dynamicSection(file) {
  const text = run('readelf', ['-d', file]);
  const needed = [...text.matchAll(/\(NEEDED\).*\[(.+)\]/g)].map((m) => m[1]);
  const runpath = text.match(/\((?:RUNPATH|RPATH)\).*\[(.+)\]/)?.[1] ?? null;
  const nodelete = /\(FLAGS_1\).*\bNODELETE\b/.test(text);
  return { needed, runpath, nodelete, kind: /\(RUNPATH\)/.test(text) ? 'RUNPATH' : /\(RPATH\)/.test(text) ? 'RPATH' : null };
}

/** The newest GLIBC_x.y symbol version an ELF file imports: the oldest glibc it runs on. */
function glibcFloor(file) {
  const versions = [...run(tool('objdump'), ['-T', file]).matchAll(/GLIBC_(\d+)\.(\d+)(?:\.(\d+))?/g)].map((m) => [+m[1], +m[2], +(m[3] ?? 0)]);
  versions.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const top = versions.at(-1);
  return top ? top.filter((part, i) => i < 2 || part > 0).join('.') : null;
}

/** Where the dynamic loader finds a library for this file now (from ldd; the cross compiler's copy for a cross build). */
function resolvedLibrary(file, soname) {
  if (cross) {
    const path = run(tool('g++'), [`-print-file-name=${soname}`]).trim();
    if (!existsSync(path)) throw new Error(`${soname}: not found by ${tool('g++')}`);
    return realpathSync(path);
  }
  const line = run('ldd', [file]).split('\n').find((l) => l.trim().startsWith(`${soname} =>`));
  const path = line?.match(/=>\s+(\S+)/)?.[1];
  if (!path || !existsSync(path)) throw new Error(`${soname}: not found by ldd for ${file}`);
  return realpathSync(path);
}

function main() {
  if (!existsSync(built)) throw new Error(`${built} not found: run \`npm run build:native\` first`);
  if (cross) {
    // a foreign binary cannot be loaded here to list its exports: its sources are the x64 addon's
    // (native/sources.json), whose exports the native build's packaging checks
    const machine = run('readelf', ['-h', built]).match(/Machine:\s+(.+)/)?.[1].trim();
    if (machine !== cross.machine) throw new Error(`${built} is built for ${machine}, not ${cross.machine}`);
  } else {
    // the probes bench/ uses belong to actfn_bench.node beside it, which is never copied here
    const leaked = Object.keys(createRequire(import.meta.url)(built)).filter((name) => BENCH_ONLY_EXPORTS.test(name));
    if (leaked.length) throw new Error(`actfn.node exports bench-only functions (${leaked.join(', ')}): they belong in actfn_bench.node`);
  }
  const tag = platformTag();
  const dest = join(root, 'prebuilds', tag);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  const addon = join(dest, 'actfn.node');
  copyFileSync(built, addon);
  const manifest = { platform: tag, napiVersion: 8, files: {} };

  if (process.platform === 'linux') {
    run(tool('strip'), ['--strip-unneeded', addon]);
    const dynamic = dynamicSection(addon);
    const unexpected = dynamic.needed.filter((lib) => !ALLOWED_NEEDED.has(lib));
    if (unexpected.length) throw new Error(`actfn.node needs ${unexpected.join(', ')}: only the C runtime and libgomp may be dynamic`);
    const floors = [glibcFloor(addon)];
    if (dynamic.needed.includes('libgomp.so.1')) {
      // unloading it with a worker thread would unmap libgomp under its pool threads (CMakeLists.txt)
      if (!dynamic.nodelete) throw new Error('actfn.node needs libgomp but is not linked with -z nodelete');
      if (dynamic.kind !== 'RUNPATH' || !dynamic.runpath.split(':').includes('$ORIGIN')) {
        throw new Error(`actfn.node needs libgomp but has no RUNPATH $ORIGIN (found ${dynamic.kind}: ${dynamic.runpath})`);
      }
      const gomp = join(dest, 'libgomp.so.1');
      copyFileSync(resolvedLibrary(built, 'libgomp.so.1'), gomp); // the file itself, not a symlink
      const gompNeeded = dynamicSection(gomp).needed.filter((lib) => !ALLOWED_NEEDED.has(lib));
      if (gompNeeded.length) throw new Error(`libgomp.so.1 needs ${gompNeeded.join(', ')}`);
      floors.push(glibcFloor(gomp));
      manifest.files['libgomp.so.1'] = { bytes: statSync(gomp).size, sha256: sha256(gomp), needed: dynamicSection(gomp).needed };
    }
    manifest.needed = dynamic.needed;
    manifest.runpath = dynamic.runpath;
    manifest.glibcMin = floors.filter(Boolean).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).at(-1) ?? null;
    manifest.compiler = run(tool('g++'), ['--version']).split('\n')[0];
  }
  manifest.files['actfn.node'] = { bytes: statSync(addon).size, sha256: sha256(addon) };
  writeFileSync(join(dest, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`prebuilds/${tag}: ${Object.entries(manifest.files).map(([f, m]) => `${f} ${(m.bytes / 1024).toFixed(0)} KiB`).join(', ')}` +
    (manifest.glibcMin ? `; needs ${manifest.needed.join(' ')}; glibc >= ${manifest.glibcMin}` : ''));
}

main();
