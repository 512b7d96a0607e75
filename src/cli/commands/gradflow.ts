/**
 * `actfn gradflow`: gradient norms against depth, per activation (STUDY.md C): depth counts every
 * layer, the sigmoid output included; one batch, binary cross-entropy; Glorot uniform kernels by
 * default (--init he-normal for He). gradflow.json records every setting beside the rows.
 */
import { gradientFlow, type GradientFlowRow } from '../../analysis/gradient-flow.js';
import type { InitializerName } from '../../nn/initializers.js';
import { table, type Parsed } from '../args.js';
import { CLASSIC, JSON_OPTION, OUT_OPTION, type Command } from '../command.js';
import { ACTIVATIONS_OPTION } from '../compare-run.js';
import { GRADIENT_STATISTICS, gradientFlowSpec } from '../../charts/gradient-flow.js';
import { writeChart, writeResult } from '../output.js';

const INITS: Record<string, InitializerName> = { 'glorot-uniform': 'glorotUniform', 'he-normal': 'heNormal', 'glorot-normal': 'glorotNormal', 'he-uniform': 'heUniform' };

export interface GradflowSettings {
  activations: string[];
  depths: number[];
  width: number;
  inputDim: number;
  batch: number;
  seed: number;
  init: string;
}

export const GRADFLOW_DEFAULTS: GradflowSettings = { activations: CLASSIC, depths: [3, 5, 10, 15, 20], width: 64, inputDim: 100, batch: 32, seed: 0, init: 'glorot-uniform' };

/** The rows and, beside them, every setting that made them (gradflow.json, --json). */
export function gradflowResult(s: GradflowSettings): { settings: Record<string, unknown>; description: string; rows: GradientFlowRow[] } {
  const rows = gradientFlow({ activations: s.activations, depths: s.depths, width: s.width, inputDim: s.inputDim, batch: s.batch, seed: s.seed, kernelInitializer: INITS[s.init] });
  const settings = {
    activations: [...new Set(rows.map((r) => r.activation))],
    depths: s.depths,
    depthCounts: 'every layer, the output included',
    network: `Dense(${s.width}, activation) on ${s.inputDim} inputs, depth - 2 more Dense(${s.width}, activation), Dense(1, sigmoid)`,
    width: s.width,
    inputDim: s.inputDim,
    batch: s.batch,
    data: `${s.batch} standard-normal rows of ${s.inputDim} features, random 0/1 labels (seed ${s.seed})`,
    loss: 'binaryCrossentropy',
    kernelInitializer: INITS[s.init],
    biasInitializer: 'zeros',
    weightSeed: `seed + depth (${s.seed} + depth)`,
    seed: s.seed,
    norms: "L2 norm of each layer's kernel gradient (layerNorms) and bias gradient (biasNorms); mean, std, min, max over both",
  };
  return { settings, description: `${settings.network}; ${settings.data}; binary cross-entropy; ${INITS[s.init]} kernels, zero biases.`, rows };
}

export const gradflowCommand: Command = {
  summary: 'gradient norms per layer against depth (the vanishing-gradient study)',
  options: [
    { ...ACTIVATIONS_OPTION, default: GRADFLOW_DEFAULTS.activations },
    {
      name: 'depths', kind: 'list', help: 'numbers of layers, the sigmoid output included', default: GRADFLOW_DEFAULTS.depths.map(String),
      check: (v) => {
        if ((v as string[]).length === 0 || (v as string[]).some((d) => !/^\d+$/.test(d) || Number(d) < 2 || Number(d) > 10_000)) throw new Error(`must be integers from 2 to 10000 (layers in all, the output included), got ${(v as string[]).join(',')}`);
      },
    },
    { name: 'width', kind: 'integer', help: 'units per hidden layer', default: GRADFLOW_DEFAULTS.width, min: 1, max: 2 ** 24 },
    { name: 'input-dim', kind: 'integer', help: 'input features', default: GRADFLOW_DEFAULTS.inputDim, min: 1, max: 2 ** 24 },
    { name: 'batch', kind: 'integer', help: 'rows in the one batch', default: GRADFLOW_DEFAULTS.batch, min: 1, max: 2 ** 24 },
    { name: 'init', kind: 'string', help: `kernel initializer: ${Object.keys(INITS).join(', ')}`, default: GRADFLOW_DEFAULTS.init, check: (v) => {
      if (!Object.hasOwn(INITS, v as string)) throw new Error(`must be one of ${Object.keys(INITS).join(', ')}, got '${v}'`);
    } },
    { name: 'seed', kind: 'integer', help: 'seed of data and weights', default: GRADFLOW_DEFAULTS.seed },
    JSON_OPTION,
    OUT_OPTION,
  ],
  async run(o: Parsed) {
    const result = gradflowResult({
      activations: o.activations as string[], depths: (o.depths as string[]).map(Number), width: o.width as number, inputDim: o['input-dim'] as number, batch: o.batch as number, seed: o.seed as number, init: o.init as string,
    });
    const file = writeResult(o.out as string, 'gradflow.json', result);
    for (const statistic of GRADIENT_STATISTICS) await writeChart(o.out as string, `gradflow-${statistic}`, gradientFlowSpec(result.rows, { statistic }));
    if (o.json) {
      console.log(JSON.stringify(result));
      return 0;
    }
    const e = (v: number) => v.toExponential(2);
    console.log(`${result.description}\n`);
    console.log(table(['activation', 'depth', 'first-layer kernel', 'mean', 'std', 'min', 'max'], result.rows.map((r) => [r.activation, String(r.depth), e(r.layerNorms[0]), e(r.mean), e(r.std), e(r.min), e(r.max)])));
    console.log(`\nper-layer norms and settings written to ${file}`);
    return 0;
  },
};
