// The targets as rows of the closing table: what is measured, the goal, today's value (a
// median, with its spread) and whether it is met. Each measurement returns its rows; the runner
// prints them all at the end.

/**
 * One target. `met` is true, false, or null when there is no verdict (not measured, or a figure
 * printed beside a target rather than held to one).
 */
export function target(name, { goal, value, met = null, note = '' }) {
  return { name, goal, value, met, note };
}

/** met when `value` <= `limit` (null when the value is missing). */
export const atMost = (value, limit) => (typeof value === 'number' ? value <= limit : null);

/** "0.73 = 522 / 711 ms (ours 403–641 over 7 runs)": a ratio of medians and where ours spread. */
export function ratioValue(ratio, ours, theirsMedian) {
  if (typeof ratio !== 'number' || !Number.isFinite(ratio)) return '-';
  const round = (x) => (typeof x === 'number' ? x.toFixed(0) : '-');
  const runs = ours.n === 1 ? '1 run' : `ours ${round(ours.min)}–${round(ours.max)} over ${ours.n} runs`;
  return `${ratio.toFixed(2)} = ${round(ours.median)} / ${round(theirsMedian)} ms (${runs})`;
}

export const verdict = (met) => (met === true ? 'met' : met === false ? 'NOT MET' : '-');
