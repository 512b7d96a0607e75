import { setBackend, type BackendName } from '../../src/index.js';

/** True when the run asked for the TypeScript backend on purpose (ACTFN_BACKEND=js). */
export const jsOnly = process.env.ACTFN_BACKEND === 'js';

/** The backends a test should cover: both, unless the run asked for js only. */
export const testedBackends: BackendName[] = jsOnly ? ['js'] : ['native', 'js'];

/** Runs fn with the given backend selected, restoring the previous one afterwards. */
export function withBackend<T>(name: BackendName, fn: () => T): T {
  setBackend(name);
  try {
    return fn();
  } finally {
    setBackend(jsOnly ? 'js' : 'native');
  }
}
