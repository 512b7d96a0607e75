#!/usr/bin/env node
// Writes THIRD_PARTY_NOTICES.md: the license of every package bundled into dist/ by the command
// line build (vega, vega-lite and their dependencies, from node_modules), as their licenses ask.
// Run after changing those devDependencies: node tools/third-party-notices.mjs
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seen = new Map();

function visit(name, from) {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) {
      dir = candidate;
      break;
    }
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
  if (seen.has(dir)) return;
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const licenseFile = readdirSync(dir).find((f) => /^(license|licence|copying)(\.|$)/i.test(f));
  seen.set(dir, { name: pkg.name, version: pkg.version, license: pkg.license ?? 'see text', text: licenseFile ? readFileSync(join(dir, licenseFile), 'utf8').trim() : null });
  for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir);
}

for (const name of ['vega', 'vega-lite']) visit(name, root);
const entries = [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
const lines = [
  '# Third-party notices',
  '',
  "The `actfn` command line (dist/cli.js and its chunks) bundles the following packages. Each is used",
  'under its license, reproduced below.',
  '',
  ...entries.map((e) => `- ${e.name} ${e.version} (${e.license})`),
  '',
  ...entries.flatMap((e) => [`## ${e.name} ${e.version}`, '', e.text ? '```\n' + e.text + '\n```' : `License: ${e.license} (no license file in the package).`, '']),
];
writeFileSync(join(root, 'THIRD_PARTY_NOTICES.md'), lines.join('\n'));
console.log(`THIRD_PARTY_NOTICES.md: ${entries.length} packages`);
