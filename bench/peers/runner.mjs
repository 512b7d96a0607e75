// Runs a Python benchmark peer (a script in bench/peers/) as one long-lived child process: one JSON
// request per line on its stdin, one JSON answer per line on its stdout. Reusable by any suite
// (bench/run.mjs for the elementwise race; bench/nn.mjs can add a GEMM peer the same way).
//
//   const python = findPython('torch');            // { python, version } or { skipped: 'why' }
//   const peer = startPeer('torch_elementwise.py', python.python);
//   const answer = await peer.request(cases);      // whatever the script prints for that line
//   peer.close();
//
// PyTorch is a benchmark peer only: never a dependency of actfn or of its CI.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * The first Python that imports `module`: $ACTFN_PYTHON, then python3 on PATH, then /usr/bin/python3
 * (Debian's python3-torch installs there; a pyenv or venv python3 on PATH may not see it).
 */
export function findPython(module) {
  const candidates = [...new Set([process.env.ACTFN_PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean))];
  const failures = [];
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', `import ${module}; print(${module}.__version__)`], { encoding: 'utf8', timeout: 120_000 });
    if (probe.status === 0) return { python, version: probe.stdout.trim() };
    const why = probe.error ? probe.error.code ?? probe.error.message : (probe.stderr.trim().split('\n').at(-1) || `exit ${probe.status}`);
    failures.push(`${python}: ${why}`);
  }
  return { skipped: `no Python imports ${module} (${failures.join('; ')})` };
}

/** Starts bench/peers/<script> under `python`; request() sends one JSON value and awaits one line back. */
export function startPeer(script, python) {
  const path = fileURLToPath(new URL(`./${script}`, import.meta.url));
  const child = spawn(python, [path], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const waiting = [];
  let failed;
  const fail = (error) => {
    failed ??= error;
    while (waiting.length) waiting.shift().reject(failed);
  };
  lines.on('line', (line) => {
    const next = waiting.shift();
    if (!next) return;
    try {
      next.resolve(JSON.parse(line));
    } catch {
      next.reject(new Error(`${script} printed a line that is not JSON: ${line.slice(0, 200)}`));
    }
  });
  child.on('error', fail);
  child.on('exit', (code, signal) => fail(new Error(`${script} exited (${signal ?? `code ${code}`})`)));
  return {
    request(value) {
      if (failed) return Promise.reject(failed);
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        child.stdin.write(`${JSON.stringify(value)}\n`);
      });
    },
    close() {
      child.stdin.end();
    },
  };
}
