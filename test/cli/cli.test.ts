import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    for (const name of ['info', 'plot', 'compare', 'study', 'gradflow', 'dead', 'bench', 'report']) expect(help.stdout).toContain(`  ${name} `);
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
    expect(table.stdout).toMatch(/iris: 120 training and 30 test samples, 30 epochs, 1 repeat \(one split: no spread/);
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
    const flow = JSON.parse(run('gradflow', '--activations', 'sigmoid', '--depths', '2,4', '--json', '--out', out).stdout) as { rows: Array<{ depth: number }> };
    expect(flow.rows.map((r) => r.depth)).toEqual([2, 4]);
    const dead = run('dead', '--dataset', 'moons', '--activations', 'relu', '--epochs', '3', '--json', '--out', out);
    expect(dead.status, dead.stderr).toBe(0);
    const report = JSON.parse(dead.stdout) as Array<{ model: string; dead: Array<{ units: number }> }>;
    expect(report[0].model).toBe('relu');
    expect(report[0].dead.map((d) => d.units)).toEqual([64, 32]);
  });

  it('compare --repeats 5 on breast-cancer shows a non-zero spread for every activation', () => {
    const r = run('compare', '--repeats', '5', '--epochs', '4', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('5 repeats (mean ± sd over stratified splits with seeds 42..46 and initial weights with seeds 1..5)');
    const rows = r.stdout.split('\n').filter((line) => /^(sigmoid|tanh|relu|leakyRelu|elu|silu)\s/.test(line));
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      const [, accuracy, spread] = /^\S+\s+([\d.]+) ± ([\d.]+)/.exec(row)!;
      expect(Number(spread), row).toBeGreaterThan(0);
      expect(Number(accuracy), row).toBeGreaterThan(0.5);
    }
    const saved = JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8')) as { splitSeeds: number[]; results: Array<{ testAccuracyStd: number; histories: Array<{ splitSeed: number; loss: number[] }> }> };
    expect(saved.splitSeeds).toEqual([42, 43, 44, 45, 46]);
    for (const result of saved.results) {
      expect(result.testAccuracyStd).toBeGreaterThan(0);
      expect(result.histories.map((h) => h.splitSeed)).toEqual([42, 43, 44, 45, 46]);
    }
  });

  it('compare --preset from-scratch runs STUDY D: 2-feature classification, layers 10,10, full-batch SGD at 0.1, 500 epochs, the best activation\'s decision boundary', () => {
    const dir = join(out, 'from-scratch');
    const r = run('compare', '--preset', 'from-scratch', '--out', dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('classification: 800 training and 200 test samples, 500 epochs');
    const saved = JSON.parse(readFileSync(join(dir, 'compare.json'), 'utf8')) as Record<string, unknown> & { results: Array<{ activation: string; testAccuracy: number; trainAccuracy: number; histories: Array<{ loss: number[] }> }> };
    expect(saved).toMatchObject({ dataset: 'classification', features: 2, dataSeed: 42, hidden: [10, 10], dropout: 0, batchSize: 800, epochs: 500, optimizer: 'sgd (learning rate 0.1)' });
    expect(saved.results.map((x) => x.activation).sort()).toEqual(['elu', 'leakyRelu', 'relu', 'sigmoid', 'silu', 'tanh']);
    for (const result of saved.results) {
      expect(result.histories[0].loss).toHaveLength(500);
      expect(result.trainAccuracy, result.activation).toBeGreaterThan(0.8);
    }
    const best = saved.results[0];
    expect(best.testAccuracy).toBeGreaterThan(0.85);
    const boundary = readFileSync(join(dir, 'boundary.svg'), 'utf8');
    expect(boundary).toContain(`Decision boundary of the best activation (${best.activation})`);
    expect(r.stdout).toContain('charts training.svg, accuracy.svg, boundary.svg');
    // flags beside the preset override it, wherever they stand
    const quick = run('compare', '--epochs', '3', '--preset=from-scratch', '--activations', 'relu', '--json', '--out', dir);
    expect(quick.status, quick.stderr).toBe(0);
    expect(JSON.parse(quick.stdout)).toMatchObject({ epochs: 3, features: 2, batchSize: 800, results: [{ activation: 'relu' }] });
    expect(run('compare', '--help').stdout).toMatch(/--preset from-scratch\s+the from-scratch network[^\n]*\n\s+= --dataset classification --features 2 --data-seed 42 --hidden 10,10 --dropout 0 --optimizer sgd --learning-rate 0.1 --batch-size full --epochs 500/);
  });

  it('refuses a bad preset, --features off the classification set and a bad optimizer or batch, naming the flag', () => {
    for (const [args, message] of [
      [['compare', '--preset', 'from-scratc'], "--preset must be one of from-scratch, got 'from-scratc' (did you mean 'from-scratch'?)"],
      [['compare', '--preset'], '--preset needs a value: from-scratch'],
      [['compare', '--preset', 'from-scratch', '--preset', 'from-scratch'], '--preset can be given once'],
      [['study', '--preset', 'from-scratch'], 'unknown option --preset'],
      [['compare', '--dataset', 'iris', '--features', '2'], '--features applies only to --dataset classification, got --dataset iris'],
      [['compare', '--optimizer', 'adamax'], "--optimizer must be one of adam, sgd, got 'adamax'"],
      [['compare', '--learning-rate', '0'], '--learning-rate must be > 0, got 0'],
      [['compare', '--batch-size', 'half'], "--batch-size must be an integer or 'full', got 'half'"],
    ] as const) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });

  it('refuses --seeds, naming --repeats, and bad flag values naming the flag', () => {
    for (const [args, message] of [
      [['compare', '--seeds', '3'], '--seeds is now --repeats'],
      [['compare', '--dropout', '1.5'], '--dropout must be in [0, 1), got 1.5'],
      [['compare', '--test-size', '0'], '--test-size must be in (0, 1), got 0'],
      [['study', '--batch-size', '0'], '--batch-size must be >= 1, got 0'],
      [['gradflow', '--depths', '1'], '--depths must be integers from 2 to 10000'],
      [['dead', '--activations', 'nope'], "--activations: unknown activation 'nope'"],
    ] as const) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\brate must\b|\bbatchSize\b|\btestSize\b/);
    }
  });

  it('checks --out before any work: a file, or a place under /proc or /sys, is exit 2 at once', () => {
    const file = join(out, 'afile');
    writeFileSync(file, 'not a folder');
    for (const [args, message] of [
      [['compare', '--epochs', '100000', '--out', file], `--out ${file}: is a file, not a folder`],
      [['study', '--epochs', '100000', '--out', '/proc/nope'], '--out /proc/nope: is under /proc or /sys'],
      [['report', '--out', '/sys/nope/deeper'], '--out /sys/nope/deeper: is under /proc or /sys'],
      [['gradflow', '--out', join(file, 'below')], `--out ${join(file, 'below')}: ${file} is a file, not a folder`],
      [['plot', '--out', '/proc/self'], '--out /proc/self: is under /proc or /sys'],
    ] as const) {
      const started = Date.now();
      const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, ACTFN_QUIET: '1' }, timeout: 20_000 });
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/epoch \d+\/\d+/); // no training progress
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  });

  it('study runs the classic comparison on breast-cancer and iris, each table sorted by test accuracy, in the one JSON shape', () => {
    const dir = join(out, 'study');
    const r = run('study', '--activations', 'relu,leaky_relu,sigmoid', '--epochs', '3', '--repeats', '2', '--out', dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('breast-cancer: 455 training and 114 test samples, 3 epochs, 2 repeats');
    expect(r.stdout).toContain('iris: 120 training and 30 test samples, 3 epochs, 2 repeats');
    expect(r.stdout).toMatch(/^activation\s+test acc\s+test loss\s+converged at epoch\s+time \(s\)$/m);
    const study = JSON.parse(readFileSync(join(dir, 'study.json'), 'utf8')) as { datasets: Array<Record<string, unknown> & { dataset: string; results: Array<{ activation: string; testAccuracy: number }> }> };
    expect(study.datasets.map((d) => d.dataset)).toEqual(['breast-cancer', 'iris']);
    for (const d of study.datasets) {
      expect(d.results.map((x) => x.activation).sort()).toEqual(['leakyRelu', 'relu', 'sigmoid']); // canonical names
      const accuracies = d.results.map((x) => x.testAccuracy);
      expect(accuracies).toEqual([...accuracies].sort((a, b) => b - a));
      expect(d).toMatchObject({ epochs: 3, batchSize: 32, hidden: [64, 32], dropout: 0.3, repeats: 2, testSize: 0.2 });
      // compare-<dataset>.json has compare.json's shape
      const file = JSON.parse(readFileSync(join(dir, `compare-${d.dataset}.json`), 'utf8')) as Record<string, unknown>;
      const compare = JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8')) as Record<string, unknown>;
      expect(Object.keys(file).sort()).toEqual(Object.keys(compare).sort());
      expect(existsSync(join(dir, `training-${d.dataset}.svg`))).toBe(true);
    }
  });

  it('gradflow defaults to the classic six, depth counting the output, and records every setting', () => {
    const r = run('gradflow', '--depths', '2,3', '--input-dim', '10', '--batch', '8', '--init', 'he-normal', '--json', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const flow = JSON.parse(r.stdout) as { settings: Record<string, unknown>; rows: Array<{ activation: string; depth: number; layerNorms: number[]; biasNorms: number[] }> };
    expect([...new Set(flow.rows.map((x) => x.activation))]).toEqual(['sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'silu']);
    for (const row of flow.rows) expect([row.layerNorms.length, row.biasNorms.length]).toEqual([row.depth, row.depth]);
    expect(flow.settings).toMatchObject({ depths: [2, 3], inputDim: 10, batch: 8, width: 64, seed: 0, kernelInitializer: 'heNormal', biasInitializer: 'zeros', loss: 'binaryCrossentropy' });
    expect(JSON.parse(readFileSync(join(out, 'gradflow.json'), 'utf8'))).toEqual(flow);
  });

  it("dead labels the output layer as output, not as a layer of the model's activation", () => {
    const json = JSON.parse(run('dead', '--dataset', 'moons', '--activations', 'tanh', '--epochs', '2', '--json', '--out', out).stdout) as Array<{ saturation: Array<{ layer: number; activation: string; output: boolean }> }>;
    expect(json[0].saturation.map((s) => [s.layer, s.activation, s.output])).toEqual([[0, 'tanh', false], [1, 'tanh', false], [2, 'sigmoid', true]]);
    const table = run('dead', '--dataset', 'moons', '--activations', 'tanh', '--epochs', '2', '--out', out);
    expect(table.stdout).toMatch(/^tanh\s+2 \(output\)\s+sigmoid\s+1\s+/m);
  });

  it('has --json on every command with a result, --out on every command that writes files', () => {
    for (const name of ['info', 'plot', 'compare', 'study', 'gradflow', 'dead', 'report', 'bench']) expect(run(name, '--help').stdout, name).toMatch(/--json\s/);
    for (const name of ['plot', 'compare', 'study', 'gradflow', 'dead', 'report']) expect(run(name, '--help').stdout, name).toMatch(/--out <string>/);
    const info = JSON.parse(run('info', '--json').stdout) as { backend: string };
    expect(['native', 'js']).toContain(info.backend);
  });

  it('bench --json: the results alone on stdout, as one JSON document (what actfn bench --json passes on)', () => {
    const script = fileURLToPath(new URL('../../bench/run.mjs', import.meta.url));
    const bench = spawnSync(process.execPath, [script, '--suite', 'elementwise', '--ops', 'relu', '--kinds', 'forward', '--sizes', '1e3', '--threads', '1', '--dtypes', 'float32', '--repeat', '1', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, ACTFN_QUIET: '1' },
    });
    expect(bench.status, bench.stderr).toBe(0);
    const result = JSON.parse(bench.stdout) as { meta: { config: { repeat: number } }; rows: Array<{ op: string; kind: string; elementsPerNs: number }> };
    expect(result.meta.config.repeat).toBe(1);
    const relu = result.rows.find((r) => r.op === 'relu' && r.kind === 'forward');
    expect(relu?.elementsPerNs).toBeGreaterThan(0);
    expect(bench.stderr).toContain('relu'); // the table went to stderr
  });

  it('keeps the default result folder out of git', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const check = spawnSync('git', ['check-ignore', '-q', 'actfn-report/compare.json'], { cwd: root });
    expect(check.status).toBe(0);
  });
});
