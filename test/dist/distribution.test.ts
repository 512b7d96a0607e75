import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformTag } from '../../src/backend/native.js';
import { jsOnly } from '../support/backends.js';

/**
 * What a user gets from `npm install actfn`: the packed tarball installed offline into an empty
 * project whose PATH holds node and nothing else (no cc, c++, g++, cmake or make), then used from
 * child processes by import and require; then the same install with its prebuild removed.
 * Needs dist/ and prebuilds/ (npm ci builds both through `prepare`).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const tag = platformTag();
const npmCli = realpathSync(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim());
const ALLOWED_NEEDED = ['libc.so.6', 'libm.so.6', 'libgcc_s.so.1', 'libgomp.so.1', 'libpthread.so.0', 'libdl.so.2', 'ld-linux-x86-64.so.2', 'ld-linux-aarch64.so.1'];
// The cross-compiled linux-arm64 prebuild (tools/build-arm64.mjs) is in the package when it was built;
// CI requires it (ACTFN_REQUIRE_ARM64=1). .ci/arm64 runs it under qemu.
const withArm64 = existsSync(join(root, 'prebuilds', 'linux-arm64', 'actfn.node')) || process.env.ACTFN_REQUIRE_ARM64 === '1';

interface PackedFile {
  path: string;
  size: number;
}

let work: string;
let app: string;
let env: NodeJS.ProcessEnv;
let tarball: string;
let packed: { size: number; files: PackedFile[] };

/** Runs node in the app with the bare PATH; returns stdout, stderr and the exit status. */
function nodeInApp(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, args, { cwd: app, env: { ...env, ...extraEnv }, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

// Computes a few activations on the backend the package chose, and on js too when that is native.
const PROBE = `
  const x = new Float32Array([-6, -2.5, -1, -0.25, 0, 0.5, 1, 3, 9]);
  const names = ['sigmoid', 'gelu', 'silu', 'tanh', 'softplus'];
  const out = {};
  const compute = (backend) => { for (const n of names) out[backend + ':' + n] = [...a.getActivation(n).forward(x)]; };
  const chosen = a.getBackend();
  compute(chosen);
  if (chosen === 'native') { a.setBackend('js'); compute('js'); a.setBackend('native'); }
  process.stdout.write(JSON.stringify({ info: a.backendInfo(), out }));`;

function probe(kind: 'import' | 'require', extraEnv: NodeJS.ProcessEnv = {}) {
  const code = kind === 'import' ? `import * as a from 'actfn'; ${PROBE}` : `const a = require('actfn'); ${PROBE}`;
  const r = nodeInApp(kind === 'import' ? ['--input-type=module', '-e', code] : ['-e', code], extraEnv);
  expect(r.status, r.stderr).toBe(0);
  return { ...(JSON.parse(r.stdout) as { info: Record<string, unknown>; out: Record<string, number[]> }), stderr: r.stderr };
}

/** Max relative difference between native and js results, per activation. */
function agreement(out: Record<string, number[]>) {
  let worst = 0;
  for (const key of Object.keys(out).filter((k) => k.startsWith('native:'))) {
    const js = out[key.replace('native:', 'js:')];
    out[key].forEach((v, i) => {
      worst = Math.max(worst, Math.abs(v - js[i]) / Math.max(Math.abs(js[i]), 1e-30));
    });
  }
  return worst;
}

describe.runIf(process.platform === 'linux' && !jsOnly)('the npm package, installed offline without a compiler', () => {
  beforeAll(() => {
    statSync(join(root, 'dist', 'index.js'));
    statSync(join(root, 'prebuilds', tag, 'actfn.node'));
    work = mkdtempSync(join(tmpdir(), 'actfn-dist-'));
    const json = execFileSync(process.execPath, [npmCli, 'pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8' });
    const [info] = JSON.parse(json) as Array<{ filename: string; size: number; files: PackedFile[] }>;
    tarball = join(work, info.filename);
    packed = { size: info.size, files: info.files };

    // A PATH with node only: no compiler, cmake or make can be found, and no install step could use one.
    const bin = join(work, 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
    env = { PATH: bin };
    for (const key of ['HOME', 'npm_config_cache', 'TMPDIR']) if (process.env[key] !== undefined) env[key] = process.env[key];
    const install = spawnSync(process.execPath, [npmCli, 'install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: app, env, encoding: 'utf8' });
    expect(install.status, `${install.stdout}\n${install.stderr}`).toBe(0);
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('packs dist, prebuilds, data, the sources of the opt-in build, README, LICENSE and the bundled code\'s notices, and nothing else, under 10 MB', () => {
    const allowed = /^(dist\/|prebuilds\/|data\/|native\/|README\.md$|LICENSE$|THIRD_PARTY_NOTICES\.md$|package\.json$)/;
    expect(packed.files.map((f) => f.path).filter((p) => !allowed.test(p))).toEqual([]);
    const paths = new Set(packed.files.map((f) => f.path));
    for (const required of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/cli.js', `prebuilds/${tag}/actfn.node`, 'data/iris.csv', 'native/binding.gyp']) {
      expect(paths.has(required), required).toBe(true);
    }
    expect(packed.files.some((f) => f.path.startsWith('native/build/'))).toBe(false);
    // the probes are bench-only (build/Release/actfn_bench.node): neither the addon nor its sources ship
    expect(packed.files.filter((f) => /actfn_bench\.node$|probe_binding|native\/kernels\/probe\//.test(f.path))).toEqual([]);
    expect(packed.size).toBeLessThan(10 * 1024 * 1024);
  });

  it.runIf(withArm64)('packs the linux-arm64 prebuild: an AArch64 addon needing only the C runtime, with RUNPATH $ORIGIN, NODELETE, its own arm64 libgomp and a manifest', () => {
    const dir = join(app, 'node_modules', 'actfn', 'prebuilds', 'linux-arm64');
    for (const file of ['actfn.node', 'libgomp.so.1', 'manifest.json']) expect(statSync(join(dir, file)).isFile(), file).toBe(true);
    for (const file of ['actfn.node', 'libgomp.so.1']) {
      expect(execFileSync('readelf', ['-h', join(dir, file)], { encoding: 'utf8' })).toMatch(/Machine:\s+AArch64/);
    }
    const dynamic = execFileSync('readelf', ['-d', join(dir, 'actfn.node')], { encoding: 'utf8' });
    const needed = [...dynamic.matchAll(/\(NEEDED\).*\[(.+)\]/g)].map((m) => m[1]);
    expect(needed.filter((lib) => !ALLOWED_NEEDED.includes(lib))).toEqual([]);
    expect(needed).toContain('libgomp.so.1');
    expect(dynamic).toMatch(/\(RUNPATH\).*\$ORIGIN/);
    expect(dynamic).toMatch(/\(FLAGS_1\).*NODELETE/);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { platform: string; glibcMin: string; needed: string[] };
    expect(manifest).toMatchObject({ platform: 'linux-arm64', needed });
    expect(manifest.glibcMin).toMatch(/^2\.\d+$/);
  });

  it('hides every compiler and build tool from the install', () => {
    for (const tool of ['cc', 'c++', 'g++', 'gcc', 'cmake', 'make']) {
      const r = spawnSync(tool, ['--version'], { env, encoding: 'utf8' });
      expect((r.error as NodeJS.ErrnoException | undefined)?.code, tool).toBe('ENOENT');
    }
  });

  it('loads the native prebuild through import and require, agreeing with the js backend', () => {
    for (const kind of ['import', 'require'] as const) {
      const { info, out, stderr } = probe(kind);
      expect(info.backend).toBe('native');
      expect(info.addonPath).toBe(join(realpathSync(app), 'node_modules', 'actfn', 'prebuilds', tag, 'actfn.node'));
      expect(stderr).toBe('');
      expect(agreement(out)).toBeLessThan(2 ** -21); // 4 ULP of float32
    }
  });

  it('reports what it loaded through `actfn info`', () => {
    const r = nodeInApp([join(app, 'node_modules', '.bin', 'actfn'), 'info', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { backend: string; platform: string; prebuild: { glibcMin: string } | null };
    expect(report).toMatchObject({ backend: 'native', platform: tag });
    expect(report.prebuild?.glibcMin).toMatch(/^2\.\d+$/);
  });

  it('runs the studies from the installed package: actfn compare writes its table and charts', () => {
    const out = join(work, 'report');
    const r = nodeInApp([join(app, 'node_modules', '.bin', 'actfn'), 'compare', '--dataset', 'moons', '--activations', 'relu,tanh', '--epochs', '3', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^activation\s+test acc/m);
    for (const chart of ['training.svg', 'accuracy.svg', 'boundary.svg']) expect(statSync(join(out, chart)).size).toBeGreaterThan(1000);
  });

  it('draws charts from the installed package through actfn/charts, by import and require', () => {
    const chart = `const rows = a.gradientFlow({ activations: ['relu', 'tanh'], depths: [3, 4], width: 8, inputDim: 4, batch: 8 });
      c.renderSvg(c.gradientFlowSpec(rows)).then((svg) => process.stdout.write(String(svg.startsWith('<svg') && svg.includes('>relu<') && svg.includes('>tanh<'))));`;
    for (const code of [`const a = require('actfn'); const c = require('actfn/charts'); ${chart}`, `import * as a from 'actfn'; import * as c from 'actfn/charts'; ${chart}`]) {
      const r = nodeInApp(code.startsWith('import') ? ['--input-type=module', '-e', code] : ['-e', code]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe('true');
    }
  });

  it('ships an addon that needs only the C runtime (libc, libm, libgcc_s) and its bundled libgomp', () => {
    const dir = join(app, 'node_modules', 'actfn', 'prebuilds', tag);
    const dynamic = execFileSync('readelf', ['-d', join(dir, 'actfn.node')], { encoding: 'utf8' });
    const needed = [...dynamic.matchAll(/\(NEEDED\).*\[(.+)\]/g)].map((m) => m[1]);
    expect(needed.filter((lib) => !ALLOWED_NEEDED.includes(lib))).toEqual([]);
    expect(dynamic).toMatch(/\(RUNPATH\).*\$ORIGIN/);
    if (needed.includes('libgomp.so.1')) {
      expect(statSync(join(dir, 'libgomp.so.1')).isFile()).toBe(true);
      expect(dynamic).toMatch(/\(FLAGS_1\).*NODELETE/); // a worker's exit must not unload libgomp under its threads
      const ldd = execFileSync('ldd', [join(dir, 'actfn.node')], { encoding: 'utf8' });
      expect(ldd).toContain(`libgomp.so.1 => ${join(realpathSync(dir), 'libgomp.so.1')}`);
    }
    expect(execFileSync('ldd', [join(dir, 'actfn.node')], { encoding: 'utf8' })).not.toMatch(/libstdc\+\+|not found/);
  });

  it('falls back to the js backend with one warning when the prebuild is gone', () => {
    const native = probe('require').out;
    rmSync(join(app, 'node_modules', 'actfn', 'prebuilds'), { recursive: true, force: true });
    for (const kind of ['import', 'require'] as const) {
      const { info, out, stderr } = probe(kind);
      expect(info.backend).toBe('js');
      expect(String(info.reason)).toContain(`prebuilds/${tag}/actfn.node: not found`);
      expect(stderr.match(/TypeScript backend/g)?.length, stderr).toBe(1);
      for (const [key, values] of Object.entries(out)) {
        const viaNative = native[key.replace('js:', 'native:')];
        values.forEach((v, i) => expect(Math.abs(v - viaNative[i])).toBeLessThanOrEqual(2 ** -21 * Math.max(Math.abs(v), 1e-30)));
      }
    }
    expect(probe('require', { ACTFN_QUIET: '1' }).stderr).toBe('');
  });

  // The opt-in source build (node-gyp, which npm bundles; no cmake): slow, so CI asks for it.
  it.runIf(process.env.ACTFN_TEST_SOURCE_BUILD === '1')('builds from source with npm run build:from-source and loads that build', () => {
    const pkg = join(app, 'node_modules', 'actfn');
    const nodedir = join(process.execPath, '..', '..');
    const buildEnv: NodeJS.ProcessEnv = { ...process.env, npm_config_jobs: '2' };
    // Node's own headers where the distribution ships them, so node-gyp downloads nothing.
    if (existsSync(join(nodedir, 'include', 'node', 'common.gypi'))) buildEnv.npm_config_nodedir = nodedir;
    const build = spawnSync(process.execPath, [npmCli, 'run', 'build:from-source'], { cwd: pkg, env: buildEnv, encoding: 'utf8' });
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    const { info, out, stderr } = probe('require');
    expect(info).toMatchObject({ backend: 'native', addonPath: join(realpathSync(pkg), 'native', 'build', 'Release', 'actfn.node') });
    expect(stderr).toBe('');
    expect(agreement(out)).toBeLessThan(2 ** -21);
  }, 600_000);
});
