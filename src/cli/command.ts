/** What every `actfn` subcommand is: a row of the command table in main.ts. */
import type { OptionSpec, Parsed, Preset } from './args.js';

export interface Command {
  readonly summary: string;
  readonly options: readonly OptionSpec[];
  /** Named sets of options (`--preset NAME`), e.g. one study's setup. */
  readonly presets?: Readonly<Record<string, Preset>>;
  run(options: Parsed): number | Promise<number>;
}

export const JSON_OPTION: OptionSpec = { name: 'json', kind: 'flag', help: 'print the results as JSON' };
export const OUT_OPTION: OptionSpec = { name: 'out', kind: 'string', help: 'folder for result files', default: 'actfn-report' };

/** The classic six (STUDY.md A and B); leakyRelu with actfn's alpha 0.01 (Keras' layer default by name is 0.2). */
export const CLASSIC = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'silu'];
