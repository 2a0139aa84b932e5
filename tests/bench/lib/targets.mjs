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

export const verdict = (met) => (met === true ? 'met' : met === false ? 'NOT MET' : '-');
