/** `actfn gradflow`: gradient norms against depth, per activation. */
import { gradientFlow } from '../../analysis/gradient-flow.js';
import { UsageError, table, type Parsed } from '../args.js';
import { JSON_OPTION, OUT_OPTION, type Command } from '../command.js';
import { gradientFlowSpecs } from '../../charts/specs.js';
import { writeChart, writeResult } from '../output.js';

export const gradflowCommand: Command = {
  summary: 'gradient norms per layer against depth (the vanishing-gradient study)',
  options: [
    { name: 'activations', kind: 'list', help: 'activations to compare', default: ['sigmoid', 'tanh', 'relu', 'elu', 'silu'] },
    { name: 'depths', kind: 'list', help: 'numbers of hidden layers', default: ['3', '5', '10', '15', '20'] },
    { name: 'width', kind: 'integer', help: 'units per layer', default: 64 },
    { name: 'seed', kind: 'integer', help: 'seed of data and weights', default: 0 },
    JSON_OPTION,
    OUT_OPTION,
  ],
  async run(o: Parsed) {
    const depths = (o.depths as string[]).map(Number);
    if (depths.some((d) => !Number.isInteger(d) || d < 1)) throw new UsageError(`--depths must be positive integers, got ${(o.depths as string[]).join(',')}`);
    const rows = gradientFlow({ activations: o.activations as string[], depths, width: o.width as number, seed: o.seed as number });
    const file = writeResult(o.out as string, 'gradflow.json', rows);
    for (const { name, spec } of gradientFlowSpecs(rows)) await writeChart(o.out as string, `gradflow-${name}`, spec);
    if (o.json) {
      console.log(JSON.stringify(rows));
      return 0;
    }
    const e = (v: number) => v.toExponential(2);
    console.log(table(['activation', 'depth', 'first layer', 'mean', 'std', 'min', 'max'], rows.map((r) => [r.activation, String(r.depth), e(r.layerNorms[0]), e(r.mean), e(r.std), e(r.min), e(r.max)])));
    console.log(`\nper-layer norms written to ${file}`);
    return 0;
  },
};
