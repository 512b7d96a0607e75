import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/** The `actfn` command as users run it: dist/cli.js in a child process (needs `npm run build`). */
const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'actfn-cli-'));
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, ACTFN_QUIET: '1' } });

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('actfn', () => {
  it('lists its commands, and each command has --help', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    for (const name of ['info', 'plot', 'compare', 'gradflow', 'dead', 'bench']) expect(help.stdout).toContain(`  ${name} `);
    const compareHelp = run('compare', '--help');
    expect(compareHelp.status).toBe(0);
    expect(compareHelp.stdout).toMatch(/--dataset <string>\s+one of breast-cancer, iris, moons, circles, classification/);
  });

  it('refuses bad arguments with a clear message and exit code 2', () => {
    for (const [args, message] of [
      [['nope'], "unknown command 'nope'"],
      [['constructor'], "unknown command 'constructor'"],
      [['compare', '--epochs', '0'], '--epochs must be >= 1, got 0'],
      [['compare', '--dataset', 'mnist'], "--dataset must be one of breast-cancer, iris, moons, circles, classification, got 'mnist'"],
      [['plot', '--activations', 'nope'], "unknown activation 'nope'"],
      [['gradflow', '--width', 'wide'], "--width must be an integer, got 'wide'"],
      [['plot', '--colour', 'red'], 'unknown option --colour'],
    ] as const) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });

  it('plot --json prints curves and writes curves.json', () => {
    const r = run('plot', '--activations', 'relu,tanh', '--points', '11', '--json', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const curves = JSON.parse(r.stdout) as { x: number[]; curves: Array<{ name: string; f: number[] }> };
    expect(curves.x).toHaveLength(11);
    expect(curves.curves.map((c) => c.name)).toEqual(['relu', 'tanh']);
    expect(existsSync(join(out, 'curves.json'))).toBe(true);
  });

  it('compare ranks activations on a dataset, as a table and as JSON', () => {
    const table = run('compare', '--dataset', 'iris', '--activations', 'relu,tanh', '--epochs', '30', '--out', out);
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/iris: 120 training and 30 test samples, 30 epochs, 1 seed/);
    expect(table.stdout).toMatch(/^activation\s+test acc\s+test loss\s+converged at epoch\s+time \(s\)$/m);
    const json = run('compare', '--dataset', 'moons', '--activations', 'relu', '--epochs', '5', '--json', '--out', out);
    const parsed = JSON.parse(json.stdout) as { dataset: string; results: Array<{ activation: string; testAccuracy: number }> };
    expect(parsed.dataset).toBe('moons');
    expect(parsed.results[0].activation).toBe('relu');
    const saved = JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8')) as { results: Array<{ histories: Array<{ loss: number[] }> }> };
    expect(saved.results[0].histories[0].loss).toHaveLength(5);
  });

  it('stops cleanly on Ctrl-C with exit code 130', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [cli, 'compare', '--epochs', '100000', '--activations', 'relu', '--out', out], { env: { ...process.env, ACTFN_QUIET: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toContain('actfn: stopped (Ctrl-C)');
  });

  it('gradflow and dead report as JSON', () => {
    const flow = JSON.parse(run('gradflow', '--activations', 'sigmoid', '--depths', '2,4', '--json', '--out', out).stdout) as Array<{ depth: number }>;
    expect(flow.map((r) => r.depth)).toEqual([2, 4]);
    const dead = run('dead', '--dataset', 'moons', '--activations', 'relu', '--epochs', '3', '--json', '--out', out);
    expect(dead.status, dead.stderr).toBe(0);
    const report = JSON.parse(dead.stdout) as Array<{ model: string; dead: Array<{ units: number }> }>;
    expect(report[0].model).toBe('relu');
    expect(report[0].dead.map((d) => d.units)).toEqual([64, 32]);
  });
});
