// Setup of the vitest project "native-build" (and the per-ISA projects): their suites call the
// native build directly (the addon, the guard-page harness), so say so when it is missing.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const addon = fileURLToPath(new URL('../../build/Release/actfn.node', import.meta.url));
if (process.env.ACTFN_BACKEND !== 'js' && !process.env.ACTFN_ADDON && !existsSync(addon)) {
  throw new Error(`this project needs the native build, and ${addon} is missing: run npm run build:native (or ACTFN_BACKEND=js for the TypeScript backend only)`);
}
