/** Where commands put result files, and how they report progress (bar on a terminal, lines elsewhere). */
import { accessSync, constants, mkdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { Spec } from '../charts/style.js';
import { writeFileAtomic } from '../write-atomic.js';
import { UsageError } from './args.js';

/** Kernel file systems: files there are not result folders, and Node 20's recursive mkdir spins forever under /proc. */
const PSEUDO = ['/proc', '/sys'];
const under = (path: string, root: string) => path === root || path.startsWith(root + sep);

/**
 * Checks a result folder before any work, so a bad --out fails at once rather than after the
 * training: it must be a writable folder, or not exist yet below a writable folder; never under
 * /proc or /sys. Throws a UsageError naming --out.
 */
export function checkOutDir(dir: string): void {
  const bad = (why: string) => new UsageError(`--out ${dir}: ${why}`);
  if (dir === '') throw bad('needs a folder name');
  let path = resolve(dir);
  let missing = false;
  for (;;) {
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw bad(`cannot be used (${code})`);
      if (PSEUDO.some((root) => under(path, root))) throw bad('is under /proc or /sys, not a place for result files');
      missing = true;
      const parent = dirname(path);
      if (parent === path) throw bad('has no existing parent folder');
      path = parent;
      continue;
    }
    const real = realpathSync(path);
    if (PSEUDO.some((root) => under(real, root))) throw bad('is under /proc or /sys, not a place for result files');
    if (!stat.isDirectory()) throw bad(missing ? `${path} is a file, not a folder` : 'is a file, not a folder');
    try {
      accessSync(path, constants.W_OK | constants.X_OK);
    } catch {
      throw bad(missing ? `cannot create it: ${path} is not writable` : 'is not writable');
    }
    return;
  }
}

export function writeResult(dir: string, name: string, data: unknown): string {
  mkdirSync(dir, { recursive: true });
  const file = resolve(join(dir, name));
  writeFileAtomic(file, typeof data === 'string' ? data : `${JSON.stringify(data, null, 2)}\n`);
  return file;
}


/** Progress on stderr: redrawn in place on a terminal, every `every`-th step as a line otherwise. */
export function progressLine(every = 10) {
  const tty = process.stderr.isTTY === true;
  let last = '';
  return {
    update(text: string, step: number, total: number) {
      if (tty) {
        process.stderr.write(`\r${text}\x1b[K`);
        last = text;
      } else if (step % every === 0 || step === total) {
        process.stderr.write(`${text}\n`);
      }
    },
    done() {
      if (tty && last) process.stderr.write('\r\x1b[K');
    },
  };
}

/** Renders a Vega-Lite spec to dir/name.svg (the charting code loads on first use); returns the SVG. */
export async function writeChart(dir: string, name: string, spec: Spec): Promise<string> {
  const { renderSvg } = await import('../charts/render.js');
  const svg = await renderSvg(spec);
  writeResult(dir, `${name}.svg`, svg);
  return svg;
}
