/**
 * renderSvg of 'actfn/charts': a spec to SVG text in Node. The import of ./render.js stays lazy,
 * so loading 'actfn/charts' costs nothing until a chart is drawn; in the package, the build points
 * it at dist/charts-render.js (tsup.config.ts), the bundle the command line uses too.
 */
import { describeValue, isRecord } from '../validate.js';
import type { Spec } from './style.js';

export async function renderSvg(spec: Spec): Promise<string> {
  if (!isRecord(spec)) throw new TypeError(`spec must be a Vega-Lite spec (an object, as the chart functions return), got ${describeValue(spec)}`);
  let render: (spec: Spec) => Promise<string>;
  try {
    ({ renderSvg: render } = await import('./render.js'));
  } catch (error) {
    throw new Error(`renderSvg() could not load the charting code (vega and vega-lite, bundled with actfn as dist/charts-render.js): ${(error as Error).message}`, { cause: error });
  }
  return render(spec);
}
