import { describe, expect, it } from 'vitest';
import { mean, standardDeviation } from '../../src/analysis/statistics.js';

describe('the studies\' statistics', () => {
  it('give the mean and the population standard deviation', () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(standardDeviation([5])).toBe(0);
  });
});
