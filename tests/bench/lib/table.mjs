// Tables on the console: the first column left-aligned, the others right-aligned.

/** Prints rows (arrays of cells) under `header`, columns as wide as their widest cell. */
export function printTable(header, rows, { align = null } = {}) {
  const all = [header, ...rows].map((row) => row.map((cell) => String(cell ?? '-')));
  const widths = header.map((_, c) => Math.max(...all.map((row) => row[c].length)));
  const left = (c) => (align ? align[c] === 'left' : c === 0);
  const line = (row) => row
    .map((cell, c) => (left(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
    .join('  ')
    .trimEnd();
  console.log(line(all[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  all.slice(1).forEach((row) => console.log(line(row)));
}
