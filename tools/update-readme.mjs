// Rewrites the activation table in README.md from the table rows (run via `npm run docs`).
import { readFileSync, writeFileSync } from 'node:fs';
import { activationTableMarkdown } from '../dist/index.js';

const path = new URL('../README.md', import.meta.url);
const start = '<!-- activation-table:start -->\n';
const end = '\n<!-- activation-table:end -->';
const readme = readFileSync(path, 'utf8');
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i < 0 || j < 0) throw new Error('README.md lacks the activation-table markers');
writeFileSync(path, readme.slice(0, i + start.length) + activationTableMarkdown() + readme.slice(j));
console.log('README.md activation table updated');
