// The README's model example: load, split, scale, build, compile, fit with progress, evaluate,
// save, load, predict. Run: node examples/train-breast-cancer.mjs (after npm run build).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adam, dense, dropout, earlyStopping, loadBreastCancer, loadModel, sequential, standardScaler, trainTestSplit } from 'actfn';

const { x, y, classNames } = loadBreastCancer();
const split = trainTestSplit(x, y, { testSize: 0.2, stratify: y, seed: 42 });
const scaler = standardScaler().fit(split.xTrain);
const xTrain = scaler.transform(split.xTrain);
const xTest = scaler.transform(split.xTest);

const model = sequential([
  dense(64, { activation: 'relu', inputDim: 30, kernelInitializer: 'heNormal' }),
  dropout(0.2),
  dense(32, { activation: 'relu', kernelInitializer: 'heNormal' }),
  dense(1, { activation: 'sigmoid' }),
], { seed: 7 });
model.compile({ optimizer: adam({ learningRate: 1e-3 }), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
model.summary();

const history = await model.fit(xTrain, split.yTrain, {
  epochs: 100,
  batchSize: 32,
  validationSplit: 0.1,
  callbacks: [earlyStopping({ monitor: 'valLoss', patience: 10, restoreBestWeights: true })],
  verbose: 1,
});
console.log(`trained ${history.epoch.length} epochs; ${history.stopReason ?? 'ran them all'}`);
console.log('test', model.evaluate(xTest, split.yTest));

const dir = mkdtempSync(join(tmpdir(), 'actfn-model-'));
model.save(dir);
const restored = loadModel(dir);
const p = restored.predict(xTest.sliceRows(0, 3));
for (let i = 0; i < 3; i++) console.log(`sample ${i}: P(${classNames[1]}) = ${p.get(i, 0).toFixed(3)}, label ${classNames[split.yTest[i]]}`);
