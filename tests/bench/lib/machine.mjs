// The conditions time figures were taken under: this machine is shared (other engineers build on
// it), so every timed section prints its cores and load average next to its figures.

import { cpus, loadavg } from 'node:os';

export function conditions() {
  const [one, five, fifteen] = loadavg();
  return { cores: cpus().length, load1: one, load5: five, load15: fifteen, at: new Date().toISOString() };
}

export const conditionsLine = (c = conditions()) =>
  `machine: ${c.cores} cores, load average ${c.load1.toFixed(2)} / ${c.load5.toFixed(2)} / ${c.load15.toFixed(2)} (1 / 5 / 15 min)`;
