// Setup of the vitest project "dist": its suites run the built package, so say so when it is missing.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
if (!existsSync(entry)) throw new Error(`project "dist" runs the built package, and ${entry} is missing: run npm run build`);
