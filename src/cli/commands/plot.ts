/** `actfn plot`: activation and derivative curves, and the properties table. */
import { activationCurves } from '../../analysis/curves.js';
import { table, type Parsed } from '../args.js';
import { CLASSIC, JSON_OPTION, OUT_OPTION, type Command } from '../command.js';
import { curveSpec, curvesSpec } from '../../charts/curves.js';
import { ACTIVATIONS_OPTION } from '../compare-run.js';
import { writeChart, writeResult } from '../output.js';

export const plotCommand: Command = {
  summary: 'activation and derivative curves, with the properties table',
  options: [
    { ...ACTIVATIONS_OPTION, help: 'activations to draw', default: CLASSIC },
    { name: 'from', kind: 'number', help: 'left end of x', default: -5 },
    { name: 'to', kind: 'number', help: 'right end of x', default: 5 },
    { name: 'points', kind: 'integer', help: 'samples per curve', default: 201, min: 2, max: 1e6 },
    JSON_OPTION,
    OUT_OPTION,
  ],
  async run(o: Parsed) {
    const curves = activationCurves(o.activations as string[], { from: o.from as number, to: o.to as number, points: o.points as number });
    const file = writeResult(o.out as string, 'curves.json', curves);
    await writeChart(o.out as string, 'curves', curvesSpec(curves));
    for (const c of curves.curves) await writeChart(o.out as string, `curve-${c.name}`, curveSpec(curves, c.name));
    if (o.json) {
      console.log(JSON.stringify(curves));
      return 0;
    }
    const rows = curves.curves.map((c) => [
      c.name,
      c.properties.rangeText,
      c.properties.zeroCentered ? 'yes' : 'no',
      c.properties.monotonic ? 'yes' : 'no',
      c.properties.smooth ? 'yes' : 'no',
      c.maxAbsDerivative.toPrecision(3),
      c.vanishing.map(([a, b]) => `[${a.toFixed(2)}, ${b.toFixed(2)}]`).join(' ') || 'none',
    ]);
    console.log(table(['activation', 'range', 'zero-centred', 'monotonic', 'smooth', "max |f'|", `|f'| < 1e-3 (stretches >= 0.1 wide) on [${o.from}, ${o.to}]`], rows));
    console.log(`\ncurves written to ${file}, charts to curves.svg and curve-<name>.svg beside it`);
    return 0;
  },
};
