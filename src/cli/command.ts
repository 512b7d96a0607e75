/** What every `actfn` subcommand is: a row of the command table in main.ts. */
import type { OptionSpec, Parsed } from './args.js';

export interface Command {
  readonly summary: string;
  readonly options: readonly OptionSpec[];
  run(options: Parsed): number | Promise<number>;
}

export const JSON_OPTION: OptionSpec = { name: 'json', kind: 'flag', help: 'print the results as JSON' };
export const OUT_OPTION: OptionSpec = { name: 'out', kind: 'string', help: 'folder for result files', default: 'actfn-report' };
