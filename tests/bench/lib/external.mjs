// Benchmarks colleagues own, run as they are (their own programs, their own options) when their
// file is in tests/bench/: the runner shows their output as it comes and puts the targets they
// print into its closing table. Each entry knows how to start one and how to read its verdicts;
// nothing here changes what they measure.
//
// A benchmark that wants its figure in the table without an entry here can print a line
//   target: <what> | goal <goal> | <today's value> | met|not met|-
// (found in any external benchmark's output, whatever else it prints).

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { root } from './site.mjs';
import { target } from './targets.mjs';

const venvPython = join(root, '.build/venv/bin/python');

/** `target: what | goal G | value | met` lines. */
function declaredTargets(output) {
  return [...output.matchAll(/^target: (.+?) \| goal (.+?) \| (.+?) \| (met|not met|-)\s*$/gm)]
    .map(([, name, goal, value, verdict]) => target(name, { goal, value, met: verdict === '-' ? null : verdict === 'met' }));
}

export const EXTERNAL = [
  {
    key: 'languages',
    file: 'tests/bench/languages.mjs',
    heading: 'Languages (issue 12): what Chinese and Russian add to a first load',
    command: () => [process.execPath, ['tests/bench/languages.mjs', '--build-baseline']],
    // "languages: 1234 B of the 6144 B budget (20%)" or "languages: tables and rules 900 B of the 6144 B budget (code not measured ...)"
    parse(output) {
      const m = output.match(/^languages: (tables and rules )?(-?\d+) B of the (\d+) B budget(.*)$/m);
      if (!m) return [];
      const [, partial, bytes, budget] = m;
      return [target('Languages (issue 12): bytes Chinese and Russian add to a first load', {
        goal: `<= ${budget} B`,
        value: partial ? `${bytes} B (tables and rules only: no baseline build to measure the code against)` : `${bytes} B (the costliest way of reading, against today's build in English only)`,
        met: partial ? null : Number(bytes) <= Number(budget),
      })];
    },
  },
  {
    key: 'waline',
    file: 'tests/bench/comments-waline.mjs',
    heading: 'Comments: 1,000-comment Waline thread, ours vs Waline\'s client',
    command: ({ runs }) => [process.execPath, ['tests/bench/comments-waline.mjs', ...(runs ? ['--runs', String(runs)] : [])]],
    // "phone: ours 812 ms vs Waline's client 1530 ms, ratio 0.53 (goal <= 0.5: not met)"
    parse(output) {
      return [...output.matchAll(/^(\w+): ours (\d+) ms vs Waline's client (\d+) ms, ratio ([\d.]+) \(goal <= ([\d.]+): (met|not met)\)/gm)]
        .map(([, profile, ours, theirs, ratio, goal, verdict]) => target(`Comments, 1,000-comment Waline thread, ${profile}, cold: ours / Waline's client`, {
          goal: `<= ${goal}`, value: `${ratio} (${ours} / ${theirs} ms)`, met: verdict === 'met',
        }));
    },
  },
  {
    key: 'pictures',
    file: 'tests/bench/pictures.py',
    heading: 'Picture pipeline: 20 photos of 4000x3000 through `broadsheet build`',
    command: () => [existsSync(venvPython) ? venvPython : 'python3', ['tests/bench/pictures.py']],
    // "== pictures, empty cache: every picture processed (wall clock 12.34 s)"; "metadata left in the output: 0 files"
    parse(output) {
      const rows = [...output.matchAll(/^== pictures, ([^:(]+)[^(]*\(wall clock ([\d.]+) s\)/gm)]
        .map(([, run, seconds]) => target(`Pictures: 20 photos built, ${run.trim()}`, { goal: '(printed)', value: `${seconds} s` }));
      const leaks = output.match(/^metadata left in the output: (\d+) files/m);
      if (leaks) rows.push(target('Pictures: camera metadata left in the output', { goal: '0 files', value: `${leaks[1]} files`, met: leaks[1] === '0' }));
      return rows;
    },
  },
];

/** Runs `bench` from the repository root, its output shown as it comes; resolves with the output and exit code. */
export function runExternal(bench, opts) {
  const [command, args] = bench.command(opts);
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const relay = (stream, to) => stream.on('data', (chunk) => { output += chunk; to.write(chunk); });
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on('error', (error) => done({ output, code: null, error: error.message }));
    child.on('close', (code) => done({ output, code }));
  });
}

/** The targets an external benchmark printed: its own entry's reading plus any declared lines. */
export const targetsOf = (bench, output) => [...bench.parse(output), ...declaredTargets(output)];
