/**
 * Vega-Lite specs to SVG text, headless (vega's SVG renderer needs no canvas or browser). The
 * charting libraries are imported here and only here, on first use: importing 'actfn' or
 * 'actfn/charts' never loads them. They are devDependencies; the build bundles them into this
 * module's output (dist/charts-render.js, shared by the command line and renderSvg of
 * 'actfn/charts'), so the npm package needs no dependency.
 */
import { CONFIG, SCHEMA, type Spec } from './style.js';

export async function renderSvg(spec: Spec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = vegaLite.compile({ $schema: SCHEMA, config: CONFIG, ...spec } as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
