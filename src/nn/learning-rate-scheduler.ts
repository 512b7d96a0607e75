/**
 * learningRateScheduler(schedule): Keras' LearningRateScheduler. Before each epoch, sets the
 * optimizer's learning rate to schedule(epoch, currentRate) (epoch from 0), so the whole epoch
 * trains with it.
 */
import type { Callback } from './callback-types.js';
import { describeValue, showValue } from '../validate.js';

export type LearningRateSchedule = (epoch: number, learningRate: number) => number;

export function learningRateScheduler(schedule: LearningRateSchedule): Callback {
  if (typeof schedule !== 'function') throw new TypeError(`learningRateScheduler expects a function (epoch, learningRate) => learningRate, got ${describeValue(schedule)}`);
  return {
    onEpochBegin(epoch, model) {
      const rate = schedule(epoch, model.optimizer.learningRate);
      if (!(typeof rate === 'number' && rate > 0 && Number.isFinite(rate))) {
        throw new RangeError(`the learning rate schedule returned ${showValue(rate)} for epoch ${epoch}; it must return a positive number`);
      }
      model.optimizer.learningRate = rate;
    },
  };
}
