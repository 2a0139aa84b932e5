// What a page fetched, from the browser's own Resource Timing (and Navigation Timing for the
// document): each file's compressed body size as it came over the wire (encodedBodySize), when it
// was asked for and when it was in. Sums by kind, with pictures kept apart: they load by viewport
// and are no part of the code and styles budgets.

import { describeFile } from './site.mjs';
import { int, kb } from './stats.mjs';
import { printTable } from './table.mjs';

/** Runs in the page first (addInitScript): room for every entry of a long session. */
export function resourceBuffer() {
  performance.setResourceTimingBufferSize(2000);
}

/** Runs in the page (page.evaluate): every file fetched so far, the document first. */
export function collectResources() {
  const nav = performance.getEntriesByType('navigation')[0];
  const entry = (e, initiator) => ({
    url: e.name, initiator, start: e.startTime, end: e.responseEnd,
    encoded: e.encodedBodySize, decoded: e.decodedBodySize, transfer: e.transferSize,
  });
  return [
    ...(nav ? [entry(nav, 'navigation')] : []),
    ...performance.getEntriesByType('resource').map((e) => entry(e, e.initiatorType)),
  ];
}

const KINDS = [
  ['picture', /\.(webp|avif|png|jpe?g|gif|svg|ico)$/i],
  ['wasm', /\.wasm$/i],
  ['js', /\.m?js$/i],
  ['css', /\.css$/i],
  ['data', /\.json$|\/\?uri=|\/api\//i],
];

/** html, css, js, wasm, data (article or thread JSON), picture or other. */
export function kindOf(entry) {
  if (entry.initiator === 'navigation') return 'html';
  const path = entry.url.replace(/[?#].*$/, '');
  for (const [kind, re] of KINDS) if (re.test(path) || re.test(entry.url)) return kind;
  return /\.html?$|\/$/.test(path) ? 'html' : 'other';
}

export const CODE_KINDS = ['html', 'css', 'js', 'wasm', 'data', 'other'];

/**
 * The bytes of what had fully arrived by `until` (ms since navigation; all when null), pictures
 * apart; `exclude(entry)` leaves entries out (say, a host page's own document).
 */
export function bytesBy(entries, { until = null, exclude = () => false } = {}) {
  const arrived = entries.filter((e) => !exclude(e) && (until === null || e.end <= until));
  const byKind = Object.fromEntries([...CODE_KINDS, 'picture'].map((k) => [k, 0]));
  for (const e of arrived) byKind[kindOf(e)] += e.encoded;
  const code = CODE_KINDS.reduce((n, k) => n + byKind[k], 0);
  return { code, byKind, files: arrived.length };
}

/**
 * Code, styles or data asked for more than once with a body each time (a cache hit or a 304 has
 * none). Pictures are left out: the browser asks for the favicon again on each history entry.
 */
export function fetchedTwice(entries) {
  const counts = new Map();
  for (const e of entries) {
    if ((e.encoded > 0 || e.transfer > 0) && kindOf(e) !== 'picture') counts.set(e.url, (counts.get(e.url) ?? 0) + 1);
  }
  return [...counts].filter(([, n]) => n > 1).map(([url, n]) => `${url.split('/').pop()} (${n}x)`);
}

/** Prints one run's files in the order they were asked for: what, kind, bytes, asked and in. */
export function printWaterfall(entries, app, { marks = [], origin = '' } = {}) {
  const rows = [...entries].sort((a, b) => a.start - b.start).map((e) => [
    e.initiator === 'navigation' ? 'document' : describeFile(e.url, app),
    (e.url.startsWith(origin) ? e.url.slice(origin.length) || '/' : e.url).slice(0, 60),
    kindOf(e), int(e.encoded), e.start.toFixed(0), e.end.toFixed(0),
  ]);
  const timeline = [...rows.map((r) => ({ at: Number(r[4]), row: r })),
    ...marks.filter((m) => typeof m.at === 'number').map((m) => ({ at: m.at, row: [`-- ${m.label}`, '', '', '', '', m.at.toFixed(0)] }))]
    .sort((a, b) => a.at - b.at).map((x) => x.row);
  printTable(['file', 'path', 'kind', 'bytes', 'asked ms', 'in ms'], timeline, { align: ['left', 'left', 'left'] });
}

/** "html 7.1 + css 3.8 + js 11.2 + wasm 80.2 KB" */
export const kindsLine = (byKind) => CODE_KINDS.filter((k) => byKind[k] > 0).map((k) => `${k} ${kb(byKind[k])}`).join(' + ') + ' KB';
