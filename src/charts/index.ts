/**
 * actfn/charts: the studies' charts as Vega-Lite specs, from the analysis results (activationCurves,
 * compareActivations, gradientFlow, decisionBoundary), to render in a page with vega-embed or to
 * SVG text in Node with renderSvg. The spec functions are plain data and load no charting code.
 */
export type { Spec } from './style.js';
export { curvesSpec, curveSpec, type CurvesSpecOptions } from './curves.js';
export { trainingCurvesSpec, accuracySpec } from './comparison.js';
export { gradientFlowSpec, GRADIENT_STATISTICS, type GradientFlowSpecOptions, type GradientStatistic } from './gradient-flow.js';
export { decisionBoundarySpec, type DecisionBoundarySpecOptions } from './decision-boundary.js';
export { renderSvg } from './svg.js';
