/** `actfn bench`: the benchmark suite (bench/run.mjs), which lives in a clone of the repository. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../package-root.js';
import type { Parsed } from '../args.js';
import type { Command } from '../command.js';

export const benchCommand: Command = {
  summary: 'run the benchmark suite (in a clone of the repository, after npm ci)',
  options: [
    { name: 'quick', kind: 'flag', help: 'a few representative ops, under a minute' },
    { name: 'suite', kind: 'string', help: 'elementwise, nn or all', default: 'all' },
    { name: 'json', kind: 'flag', help: 'the results as JSON on stdout (progress on stderr); the files in bench/results/ are written as well' },
  ],
  run(o: Parsed) {
    const { root } = packageRoot();
    const script = root ? join(root, 'bench', 'run.mjs') : null;
    if (!script || !existsSync(script)) {
      console.error('actfn bench needs a clone of the repository (bench/ and its benny dependency are not in the npm package): git clone, npm ci, then npx actfn bench');
      return 1;
    }
    const args = [script, '--suite', String(o.suite), ...(o.quick ? ['--quick'] : []), ...(o.json ? ['--json'] : [])];
    return spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1;
  },
};
