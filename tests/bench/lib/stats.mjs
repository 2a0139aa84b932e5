// Medians and spreads of repeated measurements, and how figures are written (ms, KB, counts).

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The value at fraction `q` (0..1) of the sorted values, linearly interpolated. */
function quantile(sorted, q) {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/**
 * median, min, max, quartiles and count of the numbers in `values`; nulls (a run that never got
 * there) are left out of the figures but counted in `missing`.
 */
export function summarize(values) {
  const known = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  const missing = values.length - known.length;
  if (known.length === 0) return { median: null, min: null, max: null, p25: null, p75: null, n: 0, missing };
  const sorted = [...known].sort((a, b) => a - b);
  return {
    median: median(sorted), min: sorted[0], max: sorted.at(-1),
    p25: quantile(sorted, 0.25), p75: quantile(sorted, 0.75), n: known.length, missing,
  };
}

/** "a (7 runs), b (3 runs)" */
export function countBy(values) {
  const counts = new Map();
  values.forEach((v) => counts.set(v, (counts.get(v) ?? 0) + 1));
  return [...counts].map(([v, n]) => `${v ?? 'none'} (${n} run${n === 1 ? '' : 's'})`).join(', ');
}

export const kb = (bytes) => (typeof bytes === 'number' ? (bytes / 1024).toFixed(1) : '-');
export const int = (n) => (typeof n === 'number' ? Math.round(n).toLocaleString('en-US') : '-');
export const ms = (t) => (typeof t === 'number' ? t.toFixed(0) : '-');
export const fixed = (digits) => (x) => (typeof x === 'number' ? x.toFixed(digits) : '-');

/** "1234 (1100–1400, 9 runs)" for a summary, each number written by `format`. */
export function spread(s, format = ms) {
  if (!s || s.n === 0) return `- (0 of ${s?.missing ?? 0} runs)`;
  const missing = s.missing ? `, ${s.missing} missed` : '';
  return s.n === 1 ? `${format(s.median)} (1 run${missing})`
    : `${format(s.median)} (${format(s.min)}–${format(s.max)}, ${s.n} runs${missing})`;
}

/** A row [label, median, min, max] for printTable, each number written by `format`. */
export const summaryRow = (label, s, format = ms) => [label, format(s.median), format(s.min), format(s.max)];
