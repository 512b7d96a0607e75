#!/usr/bin/env node
/**
 * The `actfn` command. Each subcommand is one row of COMMANDS (src/cli/commands/): its summary,
 * its option table, and the function that runs it. Bad arguments print a clear message and the
 * command's help, with exit code 2; Ctrl-C stops cleanly with 130.
 */
import { UsageError, expandPreset, optionsHelp, parseOptions, presetsHelp } from './args.js';
import type { Command } from './command.js';
import { checkOutDir } from './output.js';
import { benchCommand } from './commands/bench.js';
import { compareCommand } from './commands/compare.js';
import { deadCommand } from './commands/dead.js';
import { gradflowCommand } from './commands/gradflow.js';
import { infoCommand } from './commands/info.js';
import { plotCommand } from './commands/plot.js';
import { reportCommand } from './commands/report.js';
import { studyCommand } from './commands/study.js';

const COMMANDS: Record<string, Command> = {
  info: infoCommand,
  plot: plotCommand,
  compare: compareCommand,
  study: studyCommand,
  gradflow: gradflowCommand,
  dead: deadCommand,
  bench: benchCommand,
  report: reportCommand,
};

function usage(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ['usage: actfn <command> [options]   (actfn <command> --help for its options)', '', 'commands:', ...rows].join('\n');
}

function commandHelp(name: string, command: Command): string {
  const presets = command.presets ? `\n\npresets (flags given beside a preset override its own):\n${presetsHelp(command.presets)}` : '';
  return `usage: actfn ${name} [options]\n\n${command.summary}\n\noptions:\n${optionsHelp(command.options)}${presets}`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(`actfn: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(commandHelp(name, command));
    return 0;
  }
  try {
    const options = parseOptions(expandPreset(rest, command.presets), command.options);
    if (command.options.some((o) => o.name === 'out')) checkOutDir(String(options.out));
    return await command.run(options);
  } catch (error) {
    if (error instanceof UsageError || error instanceof RangeError || error instanceof TypeError) {
      console.error(`actfn ${name}: ${(error as Error).message}\n\n${commandHelp(name, command)}`);
      return 2;
    }
    throw error;
  }
}

process.on('SIGINT', () => {
  process.stderr.write('\nactfn: stopped (Ctrl-C)\n');
  process.exit(130);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(`actfn: ${error.message}`);
    process.exitCode = 1;
  },
);
