// Small numeric and formatting helpers shared by the benchmark modules.
// Medians (not means) everywhere: one slow run from a page-cache miss or a GC pause on a 2-core box
// must not move the headline number.

/** Nearest-rank percentile (p in 0..100) of an array of numbers; NaN for an empty array. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Throughput figures for one tool on one subset, from per-run wall times (ms). */
export function throughput(timesMs, bytes, files) {
  const ms = median(timesMs);
  return {
    runsMs: timesMs.map(round1),
    medianMs: round1(ms),
    minMs: round1(Math.min(...timesMs)),
    maxMs: round1(Math.max(...timesMs)),
    mbPerSec: round2(bytes / 1e6 / (ms / 1000)),
    filesPerSec: Math.round(files / (ms / 1000)),
  };
}

export const round1 = (n) => Math.round(n * 10) / 10;
export const round2 = (n) => Math.round(n * 100) / 100;

/** 12.3 MB (decimal megabytes: MB/s figures use 10^6 bytes too). */
export function formatMB(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Renders rows (arrays of strings) as an aligned plain-text table; `right` lists right-aligned columns. */
export function table(header, rows, right = []) {
  const all = [header, ...rows].map((row) => row.map((cell) => String(cell ?? '')));
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  const line = (row) =>
    row
      .map((cell, i) => (right.includes(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}
