import { createActivation, type Activation } from './activation.js';
import { resolveParams } from './params.js';
import type { ActivationSpec } from './spec.js';
import { ACTIVATION_TABLE } from './table.js';
import { didYouMean } from '../options.js';
import { describeValue } from '../validate.js';

const byName = new Map<string, ActivationSpec>();
for (const spec of ACTIVATION_TABLE) {
  for (const key of [spec.name, ...spec.aliases]) byName.set(key, spec);
}

/** camelCase names of every activation, in table order. */
export const activationNames: readonly string[] = ACTIVATION_TABLE.map((spec) => spec.name);

/** The table row for a name or alias (e.g. 'leakyRelu' or 'leaky_relu'). */
export function getActivationSpec(name: string): ActivationSpec {
  if (typeof name !== 'string') throw new TypeError(`activation name must be a string, got ${describeValue(name)}`);
  const spec = byName.get(name);
  if (!spec) throw new RangeError(`unknown activation '${name}'; valid names: ${activationNames.join(', ')}${didYouMean(name, [...byName.keys()])}`);
  return spec;
}

/** An activation by name or alias, with params over the defaults (e.g. { alpha: 0.2 }). */
export function getActivation(name: string, params?: Readonly<Record<string, number>>): Activation {
  const spec = getActivationSpec(name);
  return createActivation(spec, resolveParams(spec, params));
}

/** Every activation with its default params, by camelCase name. */
export const activations: Readonly<Record<string, Activation>> = Object.freeze(
  Object.fromEntries(ACTIVATION_TABLE.map((spec) => [spec.name, createActivation(spec, resolveParams(spec, undefined))])),
);
