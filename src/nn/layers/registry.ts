/**
 * The layer registry: every kind of layer a saved model may hold, registered once, with how to
 * rebuild it from its config and the weight sizes that config implies (src/nn/io.ts loads through
 * it). A new layer kind adds its LayerKind here.
 */
import { ACTIVATION } from './activation-layer.js';
import { BATCH_NORMALIZATION } from './batch-normalization.js';
import { DENSE } from './dense.js';
import { DROPOUT } from './dropout.js';
import type { LayerConfig, LayerKind } from './layer.js';
import { PRELU } from './prelu.js';
import { isRecord } from '../../validate.js';

const KINDS: ReadonlyMap<string, LayerKind> = new Map([DENSE, ACTIVATION, DROPOUT, BATCH_NORMALIZATION, PRELU].map((k) => [k.kind, k]));

/** The registered kind of a saved layer entry; `where` names the entry in errors. */
export function layerKind(entry: unknown, where: string): { kind: LayerKind; config: Record<string, unknown> } {
  if (!isRecord(entry)) throw new Error(`${where} must be an object with kind and config, got ${JSON.stringify(entry)}`);
  const { kind, config } = entry as unknown as LayerConfig;
  const registered = typeof kind === 'string' ? KINDS.get(kind) : undefined;
  if (!registered) throw new Error(`${where} has unknown kind ${JSON.stringify(kind)}`);
  if (!isRecord(config)) throw new Error(`${where} (${kind}) needs a config object, got ${JSON.stringify(config)}`);
  return { kind: registered, config };
}

export const registeredLayerKinds = (): string[] => [...KINDS.keys()];
