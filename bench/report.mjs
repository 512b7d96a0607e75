// Markdown tables from benchmark rows: elements/ns per op, with the percent of the copy probe (or
// the add probe, for backward passes) measured at the same instruction set, dtype, size and threads.
export function markdownReport(meta, rows) {
  const probeFor = (r) => {
    const probe = r.kind === 'backward' ? 'add probe' : 'copy probe';
    const isa = r.backend === 'js' ? meta.nativeSimd : r.isa;
    return rows.find((p) => p.op === probe && p.isa === isa && p.dtype === r.dtype && p.size === r.size && p.threads === r.threads);
  };
  const lines = [
    `# actfn benchmarks, ${meta.date.slice(0, 10)} on ${meta.host} (${meta.cores} cores, Node ${meta.node})`,
    '',
    'Elements per nanosecond (median of benny samples), and in brackets the percent of the memory probe',
    '(copy for forward/derivative, add for backward) at the same instruction set, dtype, size and threads.',
  ];
  const groups = new Map();
  for (const r of rows) {
    const key = `${r.dtype} n=${r.size}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  for (const [key, group] of groups) {
    const columns = [...new Set(group.map((r) => `${r.backend === 'js' ? 'js' : r.isa} t${r.threads}`))];
    const ops = [...new Set(group.map((r) => `${r.op} ${r.kind}`))];
    lines.push('', `## ${key}`, '', `| op | ${columns.join(' | ')} |`, `|---|${columns.map(() => '---').join('|')}|`);
    for (const op of ops) {
      const cells = columns.map((c) => {
        const r = group.find((g) => `${g.op} ${g.kind}` === op && `${g.backend === 'js' ? 'js' : g.isa} t${g.threads}` === c);
        if (!r) return '';
        const probe = r.op.endsWith('probe') ? undefined : probeFor(r);
        return probe ? `${r.elementsPerNs.toFixed(3)} (${Math.round((100 * r.elementsPerNs) / probe.elementsPerNs)}%)` : r.elementsPerNs.toFixed(3);
      });
      lines.push(`| ${op} | ${cells.join(' | ')} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
