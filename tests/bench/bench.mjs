// Broadsheet's benchmark: runs each measurement of the release build (dist/, scripts/release.sh)
// in turn, then prints one table: every target of issue 11 (and the ones colleagues' benchmarks
// print), today's value (median, with its spread) and whether it is met. It measures and reports;
// it asserts nothing, and exits 0 unless a measurement could not run.
//
//   node tests/bench/bench.mjs [--runs N] [--json FILE] [--only KEY,...]
//
// One file per measurement, each saying in its header what it measures and how:
//   bytes        bytes.mjs        what dist/ ships, and what each way of reading needs (no browser)
//   interactive  interactive.mjs  pre-rendered page: interactive (checked), bytes by then; a reader's taps
//   paint        paint.mjs        LCP / FCP / CLS against a plain HTML page, brotli host and gzip host
//   spa          spa.mjs          an article the SPA renders from JSON: bytes and time to its h1
//   widget       widget.mjs       the widget on a host page: bytes and time to its h1; Isso's client beside it
//   comments     comments.mjs     1,000-comment Isso thread, ours vs Isso's client, cold and repeat
//   lightbox     lightbox.mjs     next (preloaded) image in the lightbox
//   lighthouse   lighthouse.mjs   Lighthouse mobile scores (optional: scripts/setup.sh bench installs it)
// and colleagues' benchmarks when their files are there (lib/external.mjs): languages, waline, pictures.
// Shared helpers live in lib/: static hosts, browser and profiles, resources, stats, tables.
//
// --runs N sets the number of runs of every timed measurement (each has its own default);
// --only runs just the named sections (the old keys timeToH1, lightboxNext, commentsVsIsso and
// prerenderVsPlain still work); --json writes every figure to FILE.

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { EXTERNAL, runExternal, targetsOf } from './lib/external.mjs';
import { conditions, conditionsLine } from './lib/machine.mjs';
import { requireBuild, root } from './lib/site.mjs';
import { printTable } from './lib/table.mjs';
import { target, verdict } from './lib/targets.mjs';

const MEASUREMENTS = ['bytes', 'interactive', 'paint', 'spa', 'widget', 'comments', 'lightbox', 'lighthouse'];

function parseArgs(argv) {
  const opts = { runs: null, json: null, only: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') opts.runs = Number(argv[++i]);
    else if (arg === '--json') opts.json = argv[++i];
    else if (arg === '--only') opts.only = (argv[++i] ?? '').split(',').filter(Boolean);
    else throw new Error(`unknown argument ${arg} (use --runs N, --json FILE, --only KEY,...)`);
  }
  if (opts.runs !== null && (!Number.isInteger(opts.runs) || opts.runs < 1)) throw new Error('--runs needs a positive integer');
  if (opts.json === undefined) throw new Error('--json needs a file name');
  if (opts.only && opts.only.length === 0) throw new Error('--only needs section keys, comma-separated');
  return opts;
}

/** The sections to run, in order: ours (loaded on demand), then colleagues' that are present. */
async function sections(only) {
  const ours = await Promise.all(MEASUREMENTS.map(async (name) => {
    const m = await import(`./${name}.mjs`);
    return { key: m.key, aliases: m.aliases ?? [], heading: m.heading, run: (opts) => m.run(opts.runs ? { runs: opts.runs } : {}) };
  }));
  const theirs = EXTERNAL.filter((b) => existsSync(join(root, b.file))).map((b) => ({
    key: b.key, aliases: [], heading: `${b.heading} (${b.file})`,
    run: async (opts) => {
      const { output, code, error } = await runExternal(b, opts);
      if (code !== 0) throw new Error(`${b.file} ${error ? `could not start: ${error}` : `exited with ${code}`}`);
      return { targets: targetsOf(b, output) };
    },
  }));
  const all = [...ours, ...theirs];
  if (!only) return all;
  const named = (s, k) => s.key === k || s.aliases.includes(k);
  const unknown = only.filter((k) => !all.some((s) => named(s, k)));
  if (unknown.length) {
    const missing = EXTERNAL.filter((b) => unknown.includes(b.key)).map((b) => `${b.key} (${b.file} is not here)`);
    throw new Error(`--only: no section ${unknown.join(', ')}${missing.length ? `: ${missing.join(', ')}` : ''} `
      + `(keys: ${all.map((s) => s.key).join(', ')})`);
  }
  return all.filter((s) => only.some((k) => named(s, k)));
}

function printTargets(rows, started, machine) {
  console.log('\n== Targets (issue 11, and what other benchmarks here print) ==\n');
  printTable(['target', 'goal', 'today (median (min–max, runs))', 'verdict'],
    rows.map((t) => [t.name, t.goal, t.value, verdict(t.met)]), { align: ['left', 'left', 'left', 'left'] });
  const count = (v) => rows.filter((t) => t.met === v).length;
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`\n${count(true)} met, ${count(false)} not met, ${count(null)} printed without a verdict; `
    + `${minutes} min; ${machine.start.cores} cores, load average at start ${machine.start.load1.toFixed(2)}, `
    + `at the end ${machine.end.load1.toFixed(2)} (1 min)`);
}

async function main() {
  const started = Date.now();
  const opts = parseArgs(process.argv.slice(2));
  requireBuild();
  const todo = await sections(opts.only);
  const machine = { start: conditions() };
  console.log(`Broadsheet bench, ${new Date().toISOString()}; ${conditionsLine(machine.start)}`);
  const report = { date: new Date().toISOString(), runs: opts.runs, machine, sections: {} };
  const rows = [];
  let failed = false;
  for (const section of todo) {
    console.log(`\n== ${section.heading} ==\n${conditionsLine()}\n`);
    try {
      const result = await section.run(opts);
      report.sections[section.key] = result;
      rows.push(...(result.targets ?? []));
    } catch (error) {
      failed = true;
      console.log(`\n${section.key}: could not run: ${error.stack || error}`);
      report.sections[section.key] = { error: String(error.message || error) };
      rows.push(target(`${section.heading}`, { goal: '-', value: `could not run: ${String(error.message || error).split('\n')[0]}` }));
    }
  }
  machine.end = conditions();
  report.targets = rows;
  printTargets(rows, started, machine);
  if (opts.json) {
    writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`figures written to ${opts.json}`);
  }
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`bench: cannot run: ${error.stack || error}`);
  process.exitCode = 1;
});
