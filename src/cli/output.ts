/** Where commands put result files, and how they report progress (bar on a terminal, lines elsewhere). */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Spec } from '../charts/render.js';
import { writeFileAtomic } from '../write-atomic.js';

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
