/**
 * loadModel(dir): rebuilds a model that model.save(dir) wrote. Above the model: the file format
 * (model-file.ts) reads and checks the bytes, the layer registry (layers/registry.ts) rebuilds each
 * layer from its config and says what weight sizes that config implies, and the model takes the
 * weights and its compile config back. Every error names the file and the problem.
 */
import { layerKind } from './layers/registry.js';
import type { Layer } from './layers/layer.js';
import { savedDimension } from './layers/layer.js';
import type { LossArg } from './losses.js';
import type { Metric } from './metrics.js';
import { readModelFiles } from './model-file.js';
import { Sequential, type ModelConfig } from './model.js';
import type { OptimizerConfig } from './optimizers.js';

/** Weight array lengths, in getWeights() order (every param, then every state), that a saved architecture implies. */
function impliedSizes(model: ModelConfig): number[] {
  if (!Array.isArray(model.layers)) throw new Error('missing model.layers');
  let width = savedDimension(model.inputDim, 'model.inputDim');
  const params: number[] = [];
  const states: number[] = [];
  model.layers.forEach((entry, i) => {
    const { kind, config } = layerKind(entry, `layer ${i}`);
    try {
      const sizes = kind.weightSizes(config, width);
      params.push(...sizes.params);
      states.push(...sizes.states);
      width = sizes.outputDim;
    } catch (error) {
      throw new Error(`layer ${i} (${kind.kind}) ${(error as Error).message}`, { cause: error });
    }
  });
  return [...params, ...states];
}

/** Runs part of rebuilding a model from `path`; an error it throws comes out prefixed with where. */
function from<T>(where: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    const message = `${where}: ${(error as Error).message}`;
    throw error instanceof RangeError ? new RangeError(message, { cause: error }) : error instanceof TypeError ? new TypeError(message, { cause: error }) : new Error(message, { cause: error });
  }
}

export function loadModel(dir: string): Sequential {
  const { model: config, arrays, path } = readModelFiles<ModelConfig>(dir, impliedSizes);
  const layers: Layer[] = config.layers.map((entry, i) => {
    const { kind, config: layerConfig } = layerKind(entry, `${path}: layer ${i}`);
    return from(`${path}: layer ${i} (${kind.kind})`, () => kind.fromConfig(layerConfig));
  });
  const model = from(`${path}: model`, () => {
    const built = new Sequential(layers, { seed: config.seed });
    if (!built.built) built.build(config.inputDim);
    return built;
  });
  model.setWeights(arrays);
  const compile = config.compile as { optimizer: OptimizerConfig; loss: LossArg; metrics: Metric[] } | null;
  if (compile) from(`${path}: model.compile`, () => model.compile(compile));
  return model;
}
