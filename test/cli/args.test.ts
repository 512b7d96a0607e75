import { describe, expect, it } from 'vitest';
import { UsageError, optionsHelp, parseOptions } from '../../src/cli/args.js';
import { compareCommand } from '../../src/cli/commands/compare.js';

describe('actfn compare options', () => {
  it('counts runs per activation with --repeats', () => {
    expect(parseOptions(['--repeats', '3'], compareCommand.options).repeats).toBe(3);
    expect(parseOptions([], compareCommand.options).repeats).toBe(1);
  });

  it('rejects the old --seeds with a message that names --repeats', () => {
    expect(() => parseOptions(['--seeds', '3'], compareCommand.options)).toThrow(UsageError);
    expect(() => parseOptions(['--seeds=3'], compareCommand.options)).toThrow(/--seeds is now --repeats/);
    expect(optionsHelp(compareCommand.options)).not.toMatch(/--seeds/);
    expect(optionsHelp(compareCommand.options)).toMatch(/--repeats/);
  });

  it('suggests the option meant for a misspelt one', () => {
    expect(() => parseOptions(['--epoch', '3'], compareCommand.options)).toThrow(/unknown option --epoch \(did you mean --epochs\?\); options: /);
    expect(() => parseOptions(['--batch_size', '3'], compareCommand.options)).toThrow(/did you mean --batch-size\?/);
  });
});
