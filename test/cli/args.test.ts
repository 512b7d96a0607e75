import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError, optionsHelp, parseOptions } from '../../src/cli/args.js';
import { compareCommand } from '../../src/cli/commands/compare.js';
import { deadCommand } from '../../src/cli/commands/dead.js';
import { gradflowCommand } from '../../src/cli/commands/gradflow.js';
import { plotCommand } from '../../src/cli/commands/plot.js';
import { studyCommand } from '../../src/cli/commands/study.js';
import { checkOutDir } from '../../src/cli/output.js';

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

describe('flag values are checked here, and the error names the flag, not the API argument', () => {
  it.each([
    [compareCommand, ['--dropout', '1.5'], '--dropout must be in [0, 1), got 1.5'],
    [compareCommand, ['--dropout=-0.1'], '--dropout must be in [0, 1), got -0.1'],
    [compareCommand, ['--test-size', '1'], '--test-size must be in (0, 1), got 1'],
    [compareCommand, ['--batch-size', '0'], '--batch-size must be >= 1, got 0'],
    [compareCommand, ['--repeats', '0'], '--repeats must be in [1, 10000], got 0'],
    [compareCommand, ['--epochs', '0'], '--epochs must be >= 1, got 0'],
    [compareCommand, ['--hidden', '64,0'], '--hidden must be positive integers, got 64,0'],
    [compareCommand, ['--activations', 'relu,nope'], "--activations: unknown activation 'nope'"],
    [compareCommand, ['--dataset', 'mnist'], "--dataset must be one of breast-cancer, iris, moons, circles, classification, got 'mnist'"],
    [studyCommand, ['--datasets', 'iris,mnist'], "--datasets must be some of breast-cancer, iris, moons, circles, classification, got 'mnist'"],
    [gradflowCommand, ['--depths', '1,3'], '--depths must be integers from 2 to 10000 (layers in all, the output included), got 1,3'],
    [gradflowCommand, ['--init', 'xavier'], "--init must be one of glorot-uniform, he-normal, glorot-normal, he-uniform, got 'xavier'"],
    [gradflowCommand, ['--batch', '0'], '--batch must be in [1, 16777216], got 0'],
    [deadCommand, ['--learning-rate', '0'], '--learning-rate must be > 0, got 0'],
    [plotCommand, ['--points', '1'], '--points must be in [2, 1000000], got 1'],
  ] as const)('%#', (command, args, message) => {
    expect(() => parseOptions(args, command.options)).toThrow(UsageError);
    expect(() => parseOptions(args, command.options)).toThrow(message);
  });
});

describe('--out is checked before any work', () => {
  const dir = mkdtempSync(join(tmpdir(), 'actfn-out-'));
  const file = join(dir, 'afile');
  writeFileSync(file, 'x');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes a folder, or a new one below a folder', () => {
    expect(() => checkOutDir(dir)).not.toThrow();
    expect(() => checkOutDir(join(dir, 'new', 'deeper'))).not.toThrow();
  });

  it.each([
    [file, `--out ${file}: is a file, not a folder`],
    [join(file, 'below'), `--out ${join(file, 'below')}: ${file} is a file, not a folder`],
    ['/proc/nope', '--out /proc/nope: is under /proc or /sys, not a place for result files'],
    ['/proc', '--out /proc: is under /proc or /sys, not a place for result files'],
    ['/sys/kernel/nope/deeper', '--out /sys/kernel/nope/deeper: is under /proc or /sys, not a place for result files'],
  ])('refuses %s', (path, message) => {
    expect(() => checkOutDir(path)).toThrow(new UsageError(message));
  });
});
