import type { Sample } from './measure.ts';

export type Row = {
  key: string;
  label: string;
  /** Concurrency of the run: HTTP connections, or 1 for the in-process SQLite loop. */
  concurrency: number;
  unit: 'req/s' | 'ops/s';
  runs: Sample[];
  median: Sample;
  /** Key of the row this one is divided by, if any. */
  peer: string | null;
  /** Median over the rounds of (this run ÷ the peer's run in the same round). */
  ratio: number | null;
  /** The quotient of each round. */
  ratioRuns: number[];
  /** Median of this row ÷ median of the peer: close to `ratio` when the machine was steady. */
  ratioOfMedians: number | null;
  /** Minimum ratio asked by the issue; null for rows reported for information. */
  goal: number | null;
  met: boolean | null;
};

const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
const fmtMs = (n: number | null) => (n === null ? '—' : n < 10 ? n.toFixed(2) : n.toFixed(1));
const fmtPct = (n: number | null) => (n === null ? '—' : `${(n * 100).toFixed(1)} %`);

/** The spread of the runs, so a noisy median is visible as such. */
function range(row: Row): string {
  const values = row.runs.map((s) => s.opsPerSec);
  return `${fmtInt(Math.min(...values))}–${fmtInt(Math.max(...values))}`;
}

/** min–max of the per-round ratios, in percent without the sign. */
function spread(ratios: readonly number[]): string {
  if (ratios.length === 0) return '—';
  const pct = (n: number) => (n * 100).toFixed(1);
  return `${pct(Math.min(...ratios))}–${pct(Math.max(...ratios))}`;
}

function verdict(row: Row): string {
  if (row.median.failed > 0) return `INVALID (${row.median.failed} failed)`;
  if (row.met === null) return row.peer ? 'info' : '';
  return row.met ? 'yes' : 'NO';
}

/** A plain-text table, aligned, one line per measurement. */
export function formatTable(rows: readonly Row[]): string {
  const header = [
    'key',
    'measurement',
    'conc',
    'median',
    'unit',
    'runs min–max',
    'p50 ms',
    'p99 ms',
    'peer',
    'ratio (paired)',
    'goal',
    'met',
  ];
  const lines = rows.map((row) => [
    row.key,
    row.label,
    String(row.concurrency),
    fmtInt(row.median.opsPerSec),
    row.unit,
    range(row),
    fmtMs(row.median.p50Ms),
    fmtMs(row.median.p99Ms),
    row.peer ?? '—',
    row.ratio === null ? '—' : `${fmtPct(row.ratio)} (${spread(row.ratioRuns)})`,
    row.goal === null ? '—' : `≥ ${fmtPct(row.goal)}`,
    verdict(row),
  ]);
  const numeric = new Set([2, 3, 6, 7]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => (line[i] ?? '').length)));
  const render = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [render(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(render)].join('\n');
}
