/**
 * The house style every chart shares, and how series stay apart. Every spec carries its own
 * $schema and config, so a user who renders it elsewhere (vega-embed in a page) gets the same
 * figure as the SVG the command line writes.
 */
export type Spec = Record<string, unknown>;

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/**
 * Fonts, sizes, a white background. A fixed extent for y-axis labels: the grid layout aligns the
 * cells' outer boxes, so without it a panel whose labels are wider ('-1.0' beside '5') has its
 * plot area pushed right of the panels above and below it.
 */
export const CONFIG = {
  background: 'white',
  font: 'Helvetica, Arial, sans-serif',
  title: { fontSize: 14, anchor: 'start', subtitleFontSize: 11, subtitleColor: '#555' },
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridOpacity: 0.4 },
  axisY: { minExtent: 40, maxExtent: 40 },
  header: { labelFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12, symbolStrokeWidth: 2, symbolSize: 160 },
  view: { stroke: '#ccc' },
};

/** Adds $schema and config to a spec (its own config keys win). */
export function styled(spec: Spec): Spec {
  return { $schema: SCHEMA, ...spec, config: { ...CONFIG, ...(spec.config as object | undefined) } };
}

/** Vega's tableau10 written out, so a test (or a reader) knows which colour a series has. */
export const COLORS = ['#4c78a8', '#f58518', '#e45756', '#72b7b2', '#54a24b', '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac'];
// a solid line first; the rest leave gaps at least as long as their dashes' average, for the line beneath
const DASHES = [[1, 0], [8, 4], [3, 4], [12, 4, 3, 4], [6, 6], [2, 5], [16, 5], [6, 3, 2, 3, 2, 3]];
const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down', 'triangle-right', 'triangle-left'];

/**
 * One line per series (and, with points, a marker at each value) that stays visible where series
 * coincide: relu and leakyRelu often agree to the third digit. Each series has a colour, a dash
 * pattern and a marker shape (one legend shows all three), and is drawn as its own layer in the
 * order given, each line narrower and each marker smaller than the one before, so a series drawn
 * later leaves the edges of the one under it showing.
 */
export function seriesLayers(names: readonly string[], field: string, title: string, points: boolean): Spec[] {
  const pick = <T>(list: readonly T[]) => names.map((_, i) => list[i % list.length]);
  const scale = <T>(range: T[]) => ({ domain: [...names], range });
  const color = { field, type: 'nominal', title, scale: scale(pick(COLORS)) };
  const step = (first: number, last: number, i: number) => first + ((last - first) * i) / Math.max(1, names.length - 1);
  const only = (name: string) => [{ filter: { field, equal: name } }];
  const lines = names.map((name, i) => ({
    transform: only(name),
    mark: { type: 'line', strokeWidth: step(3.5, 1.75, i) },
    encoding: { color, strokeDash: { field, type: 'nominal', title, scale: scale(pick(DASHES)) } },
  }));
  const markers = points ? names.map((name, i) => ({
    transform: only(name),
    mark: { type: 'point', filled: true, opacity: 1, size: step(110, 45, i) },
    encoding: { color, shape: { field, type: 'nominal', title, scale: scale(pick(SHAPES)) } },
  })) : [];
  return [...lines, ...markers];
}

/** The colour scale of seriesLayers alone, for marks that are not lines (bars). */
export function seriesColor(names: readonly string[], field: string, title: string) {
  return { field, type: 'nominal', title, scale: { domain: [...names], range: names.map((_, i) => COLORS[i % COLORS.length]) } };
}

/**
 * A log axis with one number format: ticks at powers of ten only (every second or third one when
 * the data span many decades), all written '1e-7' style, and a domain from the power of ten below
 * the smallest value to the one above the largest. Vega's own log ticks mix '0.000001' with '1e-7'.
 */
export function logAxis(values: readonly number[]): { scale: Spec; axis: Spec } {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  const lo = positive.length ? Math.floor(Math.log10(Math.min(...positive))) : 0;
  const hi = positive.length ? Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...positive)))) : 1;
  const every = Math.ceil((hi - lo) / 8);
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e += every) ticks.push(Number(`1e${e}`));
  return { scale: { type: 'log', domain: [Number(`1e${lo}`), Number(`1e${hi}`)], nice: false }, axis: { values: ticks, format: '~e' } };
}
