/**
 * Command-line options for the `actfn` subcommands: `--name value`, `--name=value` and boolean
 * `--flag`, checked against each command's option table so a typo is an error, not a silent
 * default. Errors are UsageError: main prints the message and the command's help, exit code 2.
 */
import { closestName } from '../options.js';

export class UsageError extends Error {}

export interface OptionSpec {
  readonly name: string;
  readonly kind: 'string' | 'number' | 'integer' | 'list' | 'flag';
  readonly help: string;
  readonly default?: string | number | boolean | readonly string[];
  /** An old name kept only to say the new one: using it is a UsageError naming `renamedTo`. */
  readonly renamedTo?: string;
  /** Bounds of a number or integer, checked here so the error names the flag (not the API argument). */
  readonly min?: number;
  readonly max?: number;
  /** Exclusive bounds: the value must be > above and < below. */
  readonly above?: number;
  readonly below?: number;
  /** A further check of the parsed value; what it throws becomes a UsageError naming the flag. */
  readonly check?: (value: string | number | string[]) => void;
}

function checkBounds(spec: OptionSpec, value: number): void {
  const { min, max, above, below } = spec;
  if ((min === undefined || value >= min) && (max === undefined || value <= max) && (above === undefined || value > above) && (below === undefined || value < below)) return;
  const lower = min ?? above;
  const upper = max ?? below;
  const range = lower !== undefined && upper !== undefined
    ? `in ${min !== undefined ? '[' : '('}${lower}, ${upper}${max !== undefined ? ']' : ')'}`
    : lower !== undefined ? `${min !== undefined ? '>=' : '>'} ${lower}` : `${max !== undefined ? '<=' : '<'} ${upper}`;
  throw new UsageError(`--${spec.name} must be ${range}, got ${value}`);
}

function runCheck(spec: OptionSpec, value: string | number | string[]): void {
  if (!spec.check) return;
  try {
    spec.check(value);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const message = (error as Error).message;
    throw new UsageError(`--${spec.name}${message.startsWith('must ') ? ' ' : ': '}${message}`);
  }
}

export type Parsed = Record<string, string | number | boolean | string[] | undefined>;

export function parseOptions(args: readonly string[], specs: readonly OptionSpec[]): Parsed {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const out: Parsed = {};
  for (const s of specs) if (s.default !== undefined && !s.renamedTo) out[s.name] = Array.isArray(s.default) ? [...s.default] : (s.default as string | number | boolean);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument '${arg}'`);
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const spec = byName.get(key);
    if (!spec) {
      const names = specs.filter((s) => !s.renamedTo).map((s) => s.name);
      const near = closestName(key, names);
      throw new UsageError(`unknown option --${key}${near ? ` (did you mean --${near}?)` : ''}; options: ${names.map((n) => `--${n}`).join(', ')}`);
    }
    if (spec.renamedTo) throw new UsageError(`--${key} is now --${spec.renamedTo} (${byName.get(spec.renamedTo)?.help ?? 'renamed'})`);
    if (spec.kind === 'flag') {
      out[key] = true;
      continue;
    }
    const raw = inline ?? args[++i];
    if (raw === undefined || raw.startsWith('--')) throw new UsageError(`--${key} needs a value`);
    if (spec.kind === 'list') {
      out[key] = raw.split(',').map((v) => v.trim()).filter(Boolean);
    } else if (spec.kind === 'string') {
      out[key] = raw;
    } else {
      const value = Number(raw);
      if (!Number.isFinite(value) || (spec.kind === 'integer' && !Number.isInteger(value))) {
        throw new UsageError(`--${key} must be ${spec.kind === 'integer' ? 'an integer' : 'a number'}, got '${raw}'`);
      }
      checkBounds(spec, value);
      out[key] = value;
    }
    runCheck(spec, out[key] as string | number | string[]);
  }
  return out;
}

/** A named set of flags (`--preset NAME`): a study's setup in one word. */
export interface Preset {
  readonly help: string;
  readonly args: readonly string[];
}

/**
 * Replaces `--preset NAME` by the preset's flags, put first so that flags the user gives
 * (before or after it) override the preset's.
 */
export function expandPreset(args: readonly string[], presets: Readonly<Record<string, Preset>> | undefined): string[] {
  const at = args.findIndex((a) => a === '--preset' || a.startsWith('--preset='));
  // without presets, --preset is an unknown option, which parseOptions reports
  if (at < 0 || presets === undefined) return [...args];
  const names = Object.keys(presets);
  const inline = args[at].startsWith('--preset=') ? args[at].slice('--preset='.length) : undefined;
  const name = inline ?? args[at + 1];
  if (name === undefined || name.startsWith('--')) throw new UsageError(`--preset needs a value: ${names.join(', ')}`);
  if (!Object.hasOwn(presets!, name)) {
    const near = closestName(name, names);
    throw new UsageError(`--preset must be one of ${names.join(', ')}, got '${name}'${near ? ` (did you mean '${near}'?)` : ''}`);
  }
  const rest = [...args.slice(0, at), ...args.slice(at + (inline === undefined ? 2 : 1))];
  if (rest.some((a) => a === '--preset' || a.startsWith('--preset='))) throw new UsageError('--preset can be given once');
  return [...presets![name].args, ...rest];
}

export function presetsHelp(presets: Readonly<Record<string, Preset>>): string {
  return Object.entries(presets).map(([name, p]) => `  --preset ${name.padEnd(15)} ${p.help}\n  ${' '.repeat(25)} = ${p.args.join(' ')}`).join('\n');
}

export function optionsHelp(specs: readonly OptionSpec[]): string {
  return specs
    .filter((s) => !s.renamedTo)
    .map((s) => {
      const value = s.kind === 'flag' ? '' : s.kind === 'list' ? ' a,b,...' : ` <${s.kind}>`;
      const def = s.default !== undefined && s.kind !== 'flag' ? ` (default ${Array.isArray(s.default) ? s.default.join(',') : s.default})` : '';
      return `  --${(s.name + value).padEnd(24)} ${s.help}${def}`;
    })
    .join('\n');
}

/** A table of rows as aligned text columns. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[]) => cells.map((v, c) => v.padEnd(widths[c])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
