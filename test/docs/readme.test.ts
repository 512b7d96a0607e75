import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activationTableMarkdown } from '../../src/index.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README.md', () => {
  it('shows the activation table exactly as the table rows render it (npm run docs regenerates it)', () => {
    const start = '<!-- activation-table:start -->\n';
    const end = '\n<!-- activation-table:end -->';
    const embedded = readme.slice(readme.indexOf(start) + start.length, readme.indexOf(end));
    expect(embedded).toBe(activationTableMarkdown());
  });

  it('tells a newcomer the two set-up commands', () => {
    expect(readme).toContain('npm ci');
    expect(readme).toContain('npm test');
  });
});
