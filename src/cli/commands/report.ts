/**
 * `actfn report`: every study into one self-contained HTML file (inline SVG charts, no scripts, no
 * network needed to view it), plus the SVG and JSON files beside it.
 */
import { activationCurves } from '../../analysis/curves.js';
import { compareActivations, type Comparison } from '../../analysis/compare.js';
import { decisionBoundary } from '../../analysis/decision-boundary.js';
import { gradientFlow } from '../../analysis/gradient-flow.js';
import { deadNeurons, saturation } from '../../analysis/units.js';
import { backendInfo } from '../../backend/select.js';
import { accuracyBarSpec, curvesGridSpec, decisionBoundarySpec, gradientFlowSpecs, trainingCurvesSpec } from '../../charts/specs.js';
import type { Parsed } from '../args.js';
import { OUT_OPTION, type Command } from '../command.js';
import { progressLine, writeChart, writeResult } from '../output.js';
import { CLASSIC } from './plot.js';

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function htmlTable(header: string[], rows: string[][]): string {
  return `<table><thead><tr>${header.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((v) => `<td>${escape(v)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function comparisonTable(c: Comparison): string {
  return htmlTable(['activation', 'test accuracy', 'test loss', 'converged at epoch', 'time (s)'], c.results.map((r) => [
    r.activation, r.mean.testAccuracy.toFixed(4), r.mean.testLoss.toFixed(4), r.mean.convergenceEpoch.toFixed(0), r.mean.seconds.toFixed(2),
  ]));
}

export const reportCommand: Command = {
  summary: 'all the studies in one self-contained HTML report (report.html) with its SVG charts',
  options: [
    { name: 'activations', kind: 'list', help: 'activations to study', default: CLASSIC },
    { name: 'epochs', kind: 'integer', help: 'epochs per training run', default: 100 },
    OUT_OPTION,
  ],
  async run(o: Parsed) {
    const out = o.out as string;
    const activations = o.activations as string[];
    const epochs = o.epochs as number;
    const started = Date.now();
    const progress = progressLine(1);
    const step = (text: string, n: number) => progress.update(`report: ${text}`, n, 5);
    const sections: string[] = [];
    const chart = async (name: string, spec: Parameters<typeof writeChart>[2]) => `<figure>${await writeChart(out, name, spec)}</figure>`;

    step('curves', 1);
    const curves = activationCurves(activations, { from: -5, to: 5, points: 201 });
    writeResult(out, 'curves.json', curves);
    sections.push(`<h2>Curves and derivatives</h2>${await chart('curves', curvesGridSpec(curves))}${htmlTable(
      ['activation', 'formula', 'range', 'zero-centred', 'monotonic', 'smooth', "max |f'|"],
      curves.curves.map((c) => [c.name, c.formula, c.properties.rangeText, c.properties.zeroCentered ? 'yes' : 'no', c.properties.monotonic ? 'yes' : 'no', c.properties.smooth ? 'yes' : 'no', c.maxAbsDerivative.toPrecision(3)]),
    )}`);

    for (const [n, dataset] of [[2, 'breast-cancer'], [3, 'moons']] as const) {
      step(`training on ${dataset}`, n);
      const comparison = await compareActivations({ dataset, activations, epochs });
      writeResult(out, `compare-${dataset}.json`, comparison.results.map((r) => ({ activation: r.activation, ...r.mean, history: r.runs[0].history.history })));
      let figures = `${await chart(`training-${dataset}`, trainingCurvesSpec(comparison))}${await chart(`accuracy-${dataset}`, accuracyBarSpec(comparison))}`;
      if (comparison.xTest.cols === 2) {
        const best = comparison.results[0];
        figures += await chart(`boundary-${dataset}`, decisionBoundarySpec(decisionBoundary(best.model, comparison.xTest, comparison.yTest, { resolution: 50 }), `Decision boundary of ${best.activation}, test points`));
      }
      const units = comparison.results.flatMap((r) => [
        ...deadNeurons(r.model, comparison.xTest).map((d) => [r.activation, String(d.layer), `${(100 * d.deadFraction).toFixed(1)}% dead`]),
        ...saturation(r.model, comparison.xTest).map((s) => [r.activation, String(s.layer), `${(100 * s.saturatedFraction).toFixed(1)}% saturated`]),
      ]);
      sections.push(`<h2>Training on ${dataset}</h2>${comparisonTable(comparison)}${figures}<h3>Dead and saturated units (test data)</h3>${htmlTable(['activation', 'layer', 'finding'], units)}`);
    }

    step('gradient flow', 4);
    const flow = gradientFlow({ activations, depths: [3, 5, 10, 15, 20], seed: 0 });
    writeResult(out, 'gradflow.json', flow);
    let flowCharts = '';
    for (const { name, spec } of gradientFlowSpecs(flow)) flowCharts += await chart(`gradflow-${name}`, spec);
    sections.push(`<h2>Gradient flow against depth</h2>${flowCharts}${htmlTable(['activation', 'depth', 'first-layer norm', 'mean'], flow.map((r) => [r.activation, String(r.depth), r.layerNorms[0].toExponential(2), r.mean.toExponential(2)]))}`);

    step('writing report.html', 5);
    progress.done();
    const info = backendInfo();
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>actfn activation study</title><style>
body{font-family:Helvetica,Arial,sans-serif;max-width:1100px;margin:2em auto;color:#222}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}th{background:#f3f3f3}
figure{margin:1em 0}svg{max-width:100%;height:auto}
</style></head><body><h1>actfn activation study</h1>
<p>actfn ${escape(info.version)}, ${escape(info.backend)} backend (${escape(info.simd)}, ${info.threads} threads), ${new Date().toISOString().slice(0, 10)}; ${epochs} epochs per run.</p>
${sections.join('\n')}</body></html>\n`;
    const file = writeResult(out, 'report.html', html);
    console.log(`report written to ${file} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return 0;
  },
};
