/** `actfn info`: what a user checks first when asking "did I get the fast path?". */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backendInfo } from '../../index.js';
import { platformTag } from '../../backend/native.js';
import type { Parsed } from '../args.js';
import { JSON_OPTION, type Command } from '../command.js';

interface PrebuildManifest {
  platform: string;
  glibcMin?: string | null;
  needed?: string[];
}

function prebuildManifest(addonPath: string | undefined): PrebuildManifest | null {
  if (!addonPath) return null;
  const file = join(dirname(addonPath), 'manifest.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PrebuildManifest) : null;
}

function systemGlibc(): string | null {
  if (process.platform !== 'linux') return null;
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  return report?.header?.glibcVersionRuntime ?? null;
}

function run(options: Parsed): number {
  const info = backendInfo();
  const manifest = prebuildManifest(info.addonPath);
  const report = {
    ...info,
    platform: platformTag(),
    node: process.version,
    glibc: systemGlibc(),
    forcedSimd: process.env.ACTFN_SIMD || null,
    prebuild: manifest,
  };
  if (options.json) {
    console.log(JSON.stringify(report, null, 2));
    return 0;
  }
  const lines = [
    `actfn ${info.version}`,
    `backend   ${info.backend}${info.reason ? ` (${info.reason})` : ''}`,
    `simd      ${info.simd}${report.forcedSimd ? ` (ACTFN_SIMD=${report.forcedSimd})` : ''}`,
    `threads   ${info.threads}${info.openmp === false ? ' (built without OpenMP: one thread)' : ''}`,
    `addon     ${info.addonPath ?? 'none'}`,
    `platform  ${report.platform}, node ${report.node}${report.glibc ? `, glibc ${report.glibc}` : ''}`,
  ];
  if (manifest?.glibcMin) lines.push(`prebuild  needs glibc >= ${manifest.glibcMin}; links ${manifest.needed?.join(', ')}`);
  console.log(lines.join('\n'));
  return 0;
}

export const infoCommand: Command = {
  summary: 'which backend, instruction set, threads and binary this install uses',
  options: [JSON_OPTION],
  run,
};
