/**
 * Direct labels at the right end of each line of a log-scale chart, moved apart where lines end
 * close together (relu and leakyRelu often end within a pixel), so each name stays readable and
 * sits beside its own line. Positions are worked out here, in the chart's pixels, because
 * Vega-Lite has no label placement of its own.
 */
export interface EndLabel {
  name: string;
  /** The x of the line's last point. */
  x: number;
  /** Where the label goes, on the chart's y scale (the last value, or moved off a neighbour). */
  y: number;
}

/** Labels for each series' last point with a value, at least `gap` pixels apart within [0, height]. */
export function endLabels(points: ReadonlyArray<{ name: string; x: number; y: number }>, domain: readonly [number, number], height: number, gap = 12): EndLabel[] {
  const [lo, hi] = domain.map(Math.log10);
  const toPixel = (v: number) => height * (1 - (Math.log10(v) - lo) / (hi - lo));
  const fromPixel = (p: number) => 10 ** (lo + (1 - p / height) * (hi - lo));
  const last = new Map<string, { x: number; y: number }>();
  for (const p of points) if (!last.has(p.name) || p.x >= last.get(p.name)!.x) last.set(p.name, { x: p.x, y: p.y });
  const labels = [...last].map(([name, p]) => ({ name, x: p.x, pixel: toPixel(p.y) })).sort((a, b) => a.pixel - b.pixel);
  // push down from the top, then back up from the bottom edge if the stack overran it
  labels.forEach((l, i) => { if (i > 0) l.pixel = Math.max(l.pixel, labels[i - 1].pixel + gap); });
  for (let i = labels.length - 1; i >= 0; i--) labels[i].pixel = Math.min(labels[i].pixel, i === labels.length - 1 ? height : labels[i + 1].pixel - gap);
  return labels.map((l) => ({ name: l.name, x: l.x, y: fromPixel(l.pixel) }));
}
