/**
 * `actfn report`: every study into one self-contained HTML file (inline SVG charts, no scripts, no
 * network needed to view it), plus the SVG and JSON files beside it (compare-<dataset>.json in the
 * same shape as `actfn compare`'s compare.json, gradflow.json as `actfn gradflow`'s). The
 * comparisons cover the classic study's two datasets (breast-cancer, iris) and the two 2-D ones
 * whose decision boundaries it draws (moons, circles).
 */
import { activationCurves } from '../../analysis/curves.js';
import { deadNeurons, saturation } from '../../analysis/units.js';
import { backendInfo } from '../../backend/select.js';
import { curvesSpec } from '../../charts/curves.js';
import { GRADIENT_STATISTICS, gradientFlowSpec } from '../../charts/gradient-flow.js';
import type { Parsed } from '../args.js';
import { JSON_OPTION, OUT_OPTION, type Command } from '../command.js';
import { runComparison, trainingOptions } from '../compare-run.js';
import { comparisonHeading, type ComparisonJson } from '../comparison.js';
import { progressLine, writeChart, writeResult } from '../output.js';
import { unitRows } from './dead.js';
import { GRADFLOW_DEFAULTS, gradflowResult } from './gradflow.js';

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function htmlTable(header: string[], rows: string[][]): string {
  return `<table><thead><tr>${header.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((v) => `<td>${escape(v)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function comparisonTable(c: ComparisonJson): string {
  const pm = (m: number, s: number, d: number) => (c.repeats > 1 ? `${m.toFixed(d)} ± ${s.toFixed(d)}` : m.toFixed(d));
  return `<p>${escape(comparisonHeading(c))}</p>${htmlTable(['activation', 'test accuracy', 'test loss', 'converged at epoch', 'time (s)'], c.results.map((r) => [
    r.activation, pm(r.testAccuracy, r.testAccuracyStd, 4), pm(r.testLoss, r.testLossStd, 4), pm(r.convergenceEpoch, r.convergenceEpochStd, c.repeats > 1 ? 1 : 0), r.seconds.toFixed(2),
  ]))}`;
}

/** The classic study's datasets, then the 2-D ones for the decision boundary (STUDY.md B and D). */
const REPORT_DATASETS = ['breast-cancer', 'iris', 'moons', 'circles'] as const;

export const reportCommand: Command = {
  summary: 'all the studies in one self-contained HTML report (report.html) with its SVG charts',
  options: [...trainingOptions(1), JSON_OPTION, OUT_OPTION],
  async run(o: Parsed) {
    const out = o.out as string;
    const activations = o.activations as string[];
    const started = Date.now();
    const progress = progressLine(1);
    const step = (text: string, n: number) => progress.update(`report: ${text}`, n, REPORT_DATASETS.length + 3);
    const sections: string[] = [];
    const figure = (svg: string) => `<figure>${svg}</figure>`;
    const files: string[] = [];

    step('curves', 1);
    const curves = activationCurves(activations, { from: -5, to: 5, points: 201 });
    files.push(writeResult(out, 'curves.json', curves));
    sections.push(`<h2>Curves and derivatives</h2>${figure(await writeChart(out, 'curves', curvesSpec(curves)))}${htmlTable(
      ['activation', 'formula', 'range', 'zero-centred', 'monotonic', 'smooth', "max |f'|"],
      curves.curves.map((c) => [c.name, c.formula, c.properties.rangeText, c.properties.zeroCentered ? 'yes' : 'no', c.properties.monotonic ? 'yes' : 'no', c.properties.smooth ? 'yes' : 'no', c.maxAbsDerivative.toPrecision(3)]),
    )}`);

    const comparisons: ComparisonJson[] = [];
    for (const [i, dataset] of REPORT_DATASETS.entries()) {
      step(`training on ${dataset}`, i + 2);
      const { comparison, json, file, charts } = await runComparison(dataset, o, { json: `compare-${dataset}.json`, charts: `-${dataset}` });
      comparisons.push(json);
      files.push(file);
      const units = comparison.results.flatMap((r) => unitRows(deadNeurons(r.model, comparison.xTest), saturation(r.model, comparison.xTest)).map((row) => [r.activation, ...row]));
      sections.push(`<h2>Training on ${dataset}</h2>${comparisonTable(json)}${charts.map(figure).join('')}<h3>Dead and saturated units (first split's test data, first repeat's model)</h3>${htmlTable(['model', 'layer', 'layer activation', 'units', 'finding'], units)}`);
    }

    step('gradient flow', REPORT_DATASETS.length + 2);
    const flow = gradflowResult({ ...GRADFLOW_DEFAULTS, activations });
    files.push(writeResult(out, 'gradflow.json', flow));
    let flowCharts = '';
    for (const statistic of GRADIENT_STATISTICS) flowCharts += figure(await writeChart(out, `gradflow-${statistic}`, gradientFlowSpec(flow.rows, { statistic })));
    sections.push(`<h2>Gradient flow against depth</h2><p>${escape(flow.description)}</p>${flowCharts}${htmlTable(['activation', 'depth', 'first-layer kernel norm', 'mean'], flow.rows.map((r) => [r.activation, String(r.depth), r.layerNorms[0].toExponential(2), r.mean.toExponential(2)]))}`);

    step('writing report.html', REPORT_DATASETS.length + 3);
    progress.done();
    const info = backendInfo();
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>actfn activation study</title><style>
body{font-family:Helvetica,Arial,sans-serif;max-width:1100px;margin:2em auto;color:#222}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}th{background:#f3f3f3}
figure{margin:1em 0}svg{max-width:100%;height:auto}
</style></head><body><h1>actfn activation study</h1>
<p>actfn ${escape(info.version)}, ${escape(info.backend)} backend (${escape(info.simd)}, ${info.threads} threads), ${new Date().toISOString().slice(0, 10)}; ${o.epochs as number} epochs per run.</p>
${sections.join('\n')}</body></html>\n`;
    const file = writeResult(out, 'report.html', html);
    const seconds = (Date.now() - started) / 1000;
    if (o.json) {
      console.log(JSON.stringify({ report: file, files: [file, ...files], seconds, comparisons, gradflow: flow.settings }));
      return 0;
    }
    console.log(`report written to ${file} (${seconds.toFixed(1)} s)`);
    return 0;
  },
};
