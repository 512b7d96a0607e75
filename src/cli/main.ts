#!/usr/bin/env node
/**
 * The `actfn` command. Each subcommand is one row of COMMANDS: its name, a one-line summary, and
 * the function that runs it with the remaining arguments.
 */
import { infoCommand } from './info.js';

interface Command {
  readonly summary: string;
  readonly run: (args: string[]) => number | Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  info: { summary: 'which backend, instruction set, threads and binary this install uses (--json for JSON)', run: infoCommand },
};

function usage(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ['usage: actfn <command> [options]', '', 'commands:', ...rows, `  ${'help'.padEnd(10)} this text`].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(usage());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`actfn: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(`actfn: ${error.message}`);
    process.exitCode = 1;
  },
);
