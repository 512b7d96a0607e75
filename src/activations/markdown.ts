import type { ActivationSpec } from './spec.js';
import { ACTIVATION_TABLE } from './table.js';
import { describeValue, showValue } from '../validate.js';

const yes = (b: boolean) => (b ? 'yes' : 'no');

function paramsText(spec: ActivationSpec): string {
  return spec.params.length ? spec.params.map((p) => `${p.name}=${p.default}`).join(', ') : '';
}

/** The activation table as Markdown, from the same rows the API and tests read (README.md embeds it). */
export function activationTableMarkdown(rows: readonly ActivationSpec[] = ACTIVATION_TABLE): string {
  const given: unknown = rows; // Array.isArray would narrow rows itself to any[]
  if (!Array.isArray(given)) throw new TypeError(`rows must be an array of ActivationSpec rows (ACTIVATION_TABLE or a part of it), got ${describeValue(rows)}`);
  given.forEach((spec: unknown, i) => {
    const row = spec as Partial<ActivationSpec> | null;
    if (typeof row !== 'object' || row === null || typeof row.properties !== 'function' || !Array.isArray(row.params) || !Array.isArray(row.aliases)) {
      const hint = typeof spec === 'string' ? ` (for names: rows.map(getActivationSpec))` : '';
      throw new TypeError(`rows[${i}] must be an ActivationSpec (a row of ACTIVATION_TABLE, or getActivationSpec(name)), got ${showValue(spec)}${hint}`);
    }
  });
  const header = [
    '| name (aliases) | params | f(x) | f\'(x) | range | zero-centred | monotonic | smooth | saturates | vanishing-gradient risk | cost | kinks |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const body = rows.map((spec) => {
    const p = spec.properties(Object.fromEntries(spec.params.map((q) => [q.name, q.default])));
    const name = spec.aliases.length ? `\`${spec.name}\` (${spec.aliases.map((a) => `\`${a}\``).join(', ')})` : `\`${spec.name}\``;
    const cells = [
      name, paramsText(spec), `\`${spec.formula}\``, `\`${spec.derivativeFormula}\``, p.rangeText,
      yes(p.zeroCentered), yes(p.monotonic), yes(p.smooth), p.saturates, p.vanishingGradientRisk, p.cost, spec.kinks,
    ];
    return `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  });
  return [...header, ...body].join('\n');
}
