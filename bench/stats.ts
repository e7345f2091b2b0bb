/** The value below which `p` of the sorted samples fall (nearest rank). */
export const percentile = (sorted: readonly number[], p: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
};

export type Summary = { n: number; p50: number; p95: number; p99: number; max: number; qps: number };

export const summarize = (latenciesMs: readonly number[]): Summary => {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const total = sorted.reduce((s, x) => s + x, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    qps: total > 0 ? (sorted.length * 1000) / total : Number.NaN,
  };
};

/** A plain-text table: first column left-aligned, the others right-aligned. */
export const table = (header: string[], rows: string[][]): string => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
};

export const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

export const elapsed = (startedAt: number) => performance.now() - startedAt;
