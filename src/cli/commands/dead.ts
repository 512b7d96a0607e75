/** `actfn dead`: dying-ReLU and saturation report for a trained model. */
import { DATASETS, loadDataset, type DatasetName } from '../../analysis/compare.js';
import { getActivation } from '../../activations/registry.js';
import { deadNeurons, saturation, type DeadNeuronReport, type SaturationReport } from '../../analysis/units.js';
import { standardScaler } from '../../data/preprocessing.js';
import { dense } from '../../nn/layers/dense.js';
import { loadModel } from '../../nn/io.js';
import { sequential } from '../../nn/model.js';
import { table, type Parsed } from '../args.js';
import { JSON_OPTION, OUT_OPTION, type Command } from '../command.js';
import { ACTIVATIONS_OPTION } from '../compare-run.js';
import { writeResult } from '../output.js';
import { DATASET_CHECK } from './compare.js';

/**
 * Table rows [layer, layer's activation, units, finding] for one model; the output layer (say the
 * sigmoid of a relu network) is labelled as such, not taken for a layer of the model's activation.
 */
export function unitRows(dead: readonly DeadNeuronReport[], saturated: readonly SaturationReport[]): string[][] {
  const layer = (r: { layer: number; output: boolean }) => (r.output ? `${r.layer} (output)` : String(r.layer));
  return [
    ...dead.map((d) => [layer(d), d.activation, String(d.units), `${(100 * d.deadFraction).toFixed(1)}% dead`]),
    ...saturated.map((s) => [layer(s), s.activation, String(s.units), `${(100 * s.saturatedFraction).toFixed(1)}% saturated, ${(100 * s.alwaysSaturatedFraction).toFixed(1)}% always`]),
  ];
}

export const deadCommand: Command = {
  summary: 'dead units (ReLU-like layers) and saturated units (sigmoid, tanh, ...) of a trained model',
  options: [
    { name: 'model', kind: 'string', help: 'a folder written by model.save (else a model is trained here)' },
    { name: 'dataset', kind: 'string', help: `data to inspect (and train on): one of ${DATASETS.join(', ')}`, default: 'breast-cancer', check: DATASET_CHECK },
    { ...ACTIVATIONS_OPTION, help: 'activations of the trained models', default: ['relu', 'sigmoid', 'tanh'] },
    { name: 'epochs', kind: 'integer', help: 'epochs of training', default: 50, min: 1 },
    { name: 'learning-rate', kind: 'number', help: 'Adam learning rate (large values kill ReLU units)', default: 0.01, above: 0 },
    JSON_OPTION,
    OUT_OPTION,
  ],
  async run(o: Parsed) {
    const data = loadDataset(o.dataset as DatasetName);
    const x = standardScaler().fitTransform(data.x);
    const models = o.model
      ? [{ name: String(o.model), model: loadModel(String(o.model)) }]
      : await Promise.all((o.activations as string[]).map(async (activation) => {
        const binary = Math.max(...data.y) === 1;
        const model = sequential([
          dense(64, { activation, inputDim: x.cols }),
          dense(32, { activation }),
          binary ? dense(1, { activation: 'sigmoid' }) : dense(Math.max(...data.y) + 1, { activation: 'softmax' }),
        ], { seed: 1 });
        model.compile({ optimizer: { kind: 'adam', hyper: { learningRate: o['learning-rate'] as number, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, weightDecay: 0, nesterov: false } }, loss: binary ? 'binaryCrossentropy' : 'sparseCategoricalCrossentropy' });
        await model.fit(x, data.y, { epochs: o.epochs as number, seed: 1, verbose: 0 });
        return { name: getActivation(activation).name, model };
      }));
    const report = models.map(({ name, model }) => ({ model: name, dead: deadNeurons(model, x), saturation: saturation(model, x) }));
    const file = writeResult(o.out as string, 'dead.json', report);
    if (o.json) {
      console.log(JSON.stringify(report));
      return 0;
    }
    const rows = report.flatMap((r) => unitRows(r.dead, r.saturation).map((row) => [r.model, ...row]));
    console.log(table(['model', 'layer', 'activation', 'units', 'finding'], rows));
    console.log(`\nreport written to ${file}`);
    return 0;
  },
};
