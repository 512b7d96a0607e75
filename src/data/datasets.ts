/**
 * The classic tables shipped in the package's data/ folder (UCI, CC BY 4.0; see data/README.md).
 * File format: a header line "rows,features,class names...", then one sample per line: the
 * features, then the integer class label.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { Tensor2D } from '../nn/tensor.js';

export interface Dataset {
  /** Samples x features. */
  x: Tensor2D;
  /** Class label of each sample: an index into classNames. */
  y: Int32Array;
  featureNames: string[];
  classNames: string[];
}

const IRIS_FEATURES = ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'];
const CANCER_MEASURES = ['radius', 'texture', 'perimeter', 'area', 'smoothness', 'compactness', 'concavity', 'concave points', 'symmetry', 'fractal dimension'];
const CANCER_FEATURES = ['mean', 'error', 'worst'].flatMap((kind) => CANCER_MEASURES.map((m) => `${kind} ${m}`));

/** Reads one of the data/ tables; errors name the file and the line. */
export function readLabelledCsv(file: string, featureNames: string[]): Dataset {
  const text = readFileSync(file, 'utf8');
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const [rowsText, colsText, ...classNames] = lines[0].split(',');
  const rows = Number(rowsText);
  const cols = Number(colsText);
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || cols !== featureNames.length) {
    throw new Error(`${file}: header must be "rows,${featureNames.length},class names...", got "${lines[0]}"`);
  }
  if (lines.length - 1 !== rows) throw new Error(`${file}: header says ${rows} rows, found ${lines.length - 1}`);
  const x = new Float32Array(rows * cols);
  const y = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const fields = lines[r + 1].split(',');
    if (fields.length !== cols + 1) throw new Error(`${file}: line ${r + 2} has ${fields.length} fields, expected ${cols + 1}`);
    for (let c = 0; c < cols; c++) {
      const v = Number(fields[c]);
      if (!Number.isFinite(v)) throw new Error(`${file}: line ${r + 2}, field ${c + 1} is not a number: "${fields[c]}"`);
      x[r * cols + c] = v;
    }
    const label = Number(fields[cols]);
    if (!Number.isInteger(label) || label < 0 || label >= classNames.length) {
      throw new Error(`${file}: line ${r + 2} has label "${fields[cols]}", expected 0..${classNames.length - 1}`);
    }
    y[r] = label;
  }
  return { x: new Tensor2D(x, rows, cols), y, featureNames, classNames };
}

function dataFile(name: string): string {
  const { root } = packageRoot();
  if (root === null) throw new Error(`actfn's data folder was not found (looking for ${name})`);
  return join(root, 'data', name);
}

/** Fisher's Iris: 150 samples, 4 features, 3 classes (setosa, versicolor, virginica). */
export function loadIris(): Dataset {
  return readLabelledCsv(dataFile('iris.csv'), IRIS_FEATURES);
}

/** Breast Cancer Wisconsin (Diagnostic): 569 samples, 30 features, 2 classes (malignant, benign). */
export function loadBreastCancer(): Dataset {
  return readLabelledCsv(dataFile('breast_cancer.csv'), CANCER_FEATURES);
}
