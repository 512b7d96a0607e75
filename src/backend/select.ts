/**
 * Which backend runs. Order: ACTFN_BACKEND=js|native, else the native addon (build/Release,
 * native/build/Release, then prebuilds/<platform>-<arch>), else the TypeScript backend with the reason recorded and one
 * warning printed (silenced by ACTFN_QUIET=1). Chosen on first use, so importing is cheap.
 */
import { availableParallelism } from 'node:os';
import type { Backend, BackendName } from './contract.js';
import { createJsBackend } from './js/index.js';
import { loadNativeBackend } from './native.js';
import { packageRoot } from '../package-root.js';
import { describeValue, requirePositiveInteger } from '../validate.js';

export interface BackendInfo {
  backend: BackendName;
  /** Why the TypeScript backend runs, when it does. */
  reason?: string;
  /** Instruction set of the kernels in use ('js' for the TypeScript backend). */
  simd: string;
  /** Threads a large call uses. */
  threads: number;
  /**
   * Native backend only: false when the addon was built without OpenMP (a compiler without it, such
   * as Apple's clang, or ACTFN_NO_OPENMP=1); every call then runs on the calling thread and threads is 1.
   */
  openmp?: boolean;
  /** Node-API version the addon was built for; null on the TypeScript backend. */
  napiVersion: number | null;
  /** actfn's version. */
  version: string;
  /** The addon file in use (native backend only). */
  addonPath?: string;
}

const MAX_THREADS = 1024;

let current: Backend | undefined;
let reason: string | undefined;
let js: Backend | undefined;
let native: Backend | undefined;
let nativeError: Error | undefined;
let warned = false;
let numThreads: number | undefined;

function jsBackend(): Backend {
  return (js ??= createJsBackend());
}

function tryNative(): Backend | undefined {
  if (native || nativeError) return native;
  try {
    native = loadNativeBackend();
    native.setNumThreads(getNumThreads());
  } catch (error) {
    nativeError = error as Error;
  }
  return native;
}

const SIMD_TARGETS = ['scalar', 'avx2', 'avx512', 'neon'];

function choose(): Backend {
  const simd = process.env.ACTFN_SIMD;
  if (simd !== undefined && simd !== '' && !SIMD_TARGETS.includes(simd)) {
    throw new RangeError(`ACTFN_SIMD must be one of ${SIMD_TARGETS.join(', ')}, got '${simd}'`);
  }
  const requested = process.env.ACTFN_BACKEND;
  if (requested === 'js') {
    reason = 'ACTFN_BACKEND=js';
    return jsBackend();
  }
  if (requested === 'native') {
    const backend = tryNative();
    if (!backend) throw new Error(`ACTFN_BACKEND=native, but ${nativeError?.message}`);
    return backend;
  }
  if (requested !== undefined && requested !== '') {
    throw new RangeError(`ACTFN_BACKEND must be 'js' or 'native', got '${requested}'`);
  }
  const backend = tryNative();
  if (backend) return backend;
  reason = nativeError?.message ?? 'native addon unavailable';
  if (!warned && process.env.ACTFN_QUIET !== '1') {
    warned = true;
    process.emitWarning(`actfn is using its TypeScript backend: ${reason}`, { code: 'ACTFN_FALLBACK' });
  }
  return jsBackend();
}

export function getBackendImpl(): Backend {
  return (current ??= choose());
}

export function getBackend(): BackendName {
  return getBackendImpl().name;
}

export function setBackend(name: BackendName): void {
  if (name === 'js') {
    current = jsBackend();
    reason = 'setBackend(\'js\')';
    return;
  }
  if (name === 'native') {
    const backend = tryNative();
    if (!backend) throw new Error(`setBackend('native') failed: ${nativeError?.message}`);
    current = backend;
    reason = undefined;
    return;
  }
  throw new RangeError(`setBackend expects 'native' or 'js', got ${typeof name === 'string' ? `'${name}'` : describeValue(name)}`);
}

export function backendInfo(): BackendInfo {
  const backend = getBackendImpl();
  const info: BackendInfo = {
    backend: backend.name,
    simd: backend.simd,
    threads: backend.threads,
    napiVersion: backend.napiVersion,
    version: packageRoot().version,
  };
  if (backend.name === 'js' && reason) info.reason = reason;
  if (backend.openmp !== null) info.openmp = backend.openmp;
  if (backend.addonPath) info.addonPath = backend.addonPath;
  return info;
}

/**
 * The native addon file this process loaded, loading it if needed but without switching backends
 * (so also under ACTFN_BACKEND=js); undefined when none loads. bench/ finds the bench-only addon
 * (actfn_bench.node: memory and FMA probes) in the same directory, through dist/backend.js.
 */
export function nativeAddonPath(): string | undefined {
  return tryNative()?.addonPath ?? undefined;
}

function defaultThreads(): number {
  for (const key of ['ACTFN_NUM_THREADS', 'OMP_NUM_THREADS']) {
    const value = Number.parseInt(process.env[key] ?? '', 10);
    if (value >= 1) return Math.min(value, MAX_THREADS);
  }
  return availableParallelism();
}

/** Threads for large native calls: setNumThreads, else ACTFN_NUM_THREADS, OMP_NUM_THREADS, cores. */
export function getNumThreads(): number {
  return (numThreads ??= defaultThreads());
}

export function setNumThreads(n: number): void {
  numThreads = requirePositiveInteger(n, 'n', MAX_THREADS);
  native?.setNumThreads(numThreads);
}
