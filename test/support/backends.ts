import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { backendInfo, getBackend, setBackend, type BackendName } from '../../src/index.js';

/** True when the run asked for the TypeScript backend on purpose (ACTFN_BACKEND=js). */
export const jsOnly = process.env.ACTFN_BACKEND === 'js';

/** The backends a test should cover: both, unless the run asked for js only. */
export const testedBackends: BackendName[] = jsOnly ? ['js'] : ['native', 'js'];

/**
 * Runs fn with the given backend selected, restoring the previous one afterwards; when fn is async,
 * once its promise settles (restoring at its first await would run the rest on the other backend).
 */
export function withBackend<T>(name: BackendName, fn: () => T): T {
  const previous = getBackend();
  setBackend(name);
  let result: T;
  try {
    result = fn();
  } catch (error) {
    setBackend(previous);
    throw error;
  }
  if (result instanceof Promise) return result.finally(() => setBackend(previous)) as T;
  setBackend(previous);
  return result;
}

/**
 * The file of the addon the native backend actually loaded (not merely the first candidate: an
 * ACTFN_ADDON that failed to load, or a missing cmake build, puts another file first).
 */
export function loadedAddonPath(): string {
  const path = withBackend('native', () => backendInfo().addonPath);
  if (!path) throw new Error('the native backend reports no addon path');
  return path;
}

/** The loaded addon's raw exports (for tests of the N-API layer itself). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadedAddon(): any {
  return createRequire(import.meta.url)(loadedAddonPath());
}

/** The guard-page harness built beside the loaded addon (CMake puts both in build/Release). */
export function guardPageHarness(): string {
  return join(dirname(loadedAddonPath()), 'actfn_guard_pages');
}
