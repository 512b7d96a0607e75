#!/usr/bin/env node
// The OpenMP flags for the node-gyp source build (binding.gyp reads this script's output): -fopenmp
// when the C++ compiler node-gyp will use ($CXX, else g++; c++ on macOS) compiles and links a small
// OpenMP program with it, nothing otherwise. Apple's clang rejects -fopenmp, and a Debian clang
// without libomp-dev has no omp.h: the addon is then built without OpenMP and runs every call on
// the calling thread (backendInfo().openmp is false, threads 1). ACTFN_NO_OPENMP=1 skips the probe
// and builds without OpenMP anywhere. Windows (MSVC) builds without OpenMP. The decision is
// printed to stderr so the build log says which one was made.
'use strict';
const { spawnSync } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const PROGRAM = '#include <omp.h>\nint main() { int n = 0;\n#pragma omp parallel reduction(+ : n)\n  n += omp_get_num_threads() > 0;\n  return n > 0 ? 0 : 1; }\n';

/** Why OpenMP is off, or null when the compiler takes -fopenmp. */
function withoutOpenMp() {
  const off = process.env.ACTFN_NO_OPENMP;
  if (off && off !== '0') return 'ACTFN_NO_OPENMP is set';
  if (process.platform === 'win32') return 'not set up for MSVC';
  const cxx = (process.env.CXX || (process.platform === 'darwin' ? 'c++' : 'g++')).trim().split(/\s+/);
  const dir = mkdtempSync(join(tmpdir(), 'actfn-openmp-'));
  try {
    const r = spawnSync(cxx[0], [...cxx.slice(1), '-fopenmp', '-x', 'c++', '-', '-o', join(dir, 'probe')], { input: PROGRAM, encoding: 'utf8' });
    if (r.error) return `${cxx.join(' ')}: ${r.error.message}`;
    if (r.status !== 0) return `${cxx.join(' ')} cannot build an OpenMP program (${(r.stderr.trim().split('\n')[0] || `exit ${r.status}`).slice(0, 160)})`;
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const reason = withoutOpenMp();
process.stderr.write(reason ? `actfn: building without OpenMP, single-threaded (${reason})\n` : 'actfn: building with OpenMP (-fopenmp)\n');
process.stdout.write(reason ? '' : '-fopenmp');
