import { describe, expect, it } from 'vitest';
import { activation, dense, saturation, sequential, tensor2d } from '../../src/index.js';

describe('saturation of a standalone activation layer', () => {
  it("evaluates f' at the layer's input, not at its output", () => {
    // sigmoid of +-12: f'(z) is 6e-6 (saturated); f' at the outputs (~0 and ~1) would be ~0.2
    const model = sequential([activation('sigmoid')]);
    model.build(2);
    const [report] = saturation(model, tensor2d([[12, -12], [-12, 12], [15, 20]]));
    expect(report).toMatchObject({ layer: 0, activation: 'sigmoid', units: 2 });
    expect(report.saturatedFraction).toBe(1);
    expect(report.alwaysSaturatedFraction).toBe(1);
  });

  it('reads the output of the layer before as that input', () => {
    const model = sequential([dense(1, { inputDim: 1, useBias: false, kernelInitializer: 'ones' }), activation('tanh')]);
    model.setWeights([new Float32Array([10])]);
    // z = 10 x: saturated for x = 1 and -1, not for x = 0.01
    const report = saturation(model, tensor2d([[1], [-1], [0.01], [2]])).find((r) => r.layer === 1)!;
    expect(report.saturatedFraction).toBe(0.75);
    expect(report.alwaysSaturatedFraction).toBe(0);
  });
});
