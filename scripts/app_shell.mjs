// What every build of the app writes around the WebAssembly, whoever builds it (trunk for
// development through scripts/post_build.mjs, scripts/assemble.mjs for releases):
// - boot-<hash>.js: starts the app. Trunk's own bootstrap is an inline <script>, which a strict
//   Content-Security-Policy (`script-src 'self'`) forbids; this is a file, loaded with SRI.
// - widget.js and widget-<hash>.css: the loader a host page includes to get <broadsheet-article>
//   elements, and the site's stylesheet made for a shadow root. widget.js keeps its name (hosts link
//   to it); everything it loads is hashed and found next to it.
// - 404.html: a copy of index.html, the SPA fallback static hosts serve for /posts/<slug>.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const hash = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);
export const integrity = (data) => `sha384-${createHash('sha384').update(data).digest('base64')}`;

/**
 * Writes boot-<hash>.js into `dir` and returns its name and integrity. The script is async: the
 * WebAssembly is fetched and compiled while the page is still being parsed, and the app starts once
 * the document is complete (it takes over what the page shows). Paths are relative to the script,
 * so the build works from any public URL. With `wasmIntegrity` the module is checked like every
 * other file of the build (Subresource Integrity).
 */
export function writeBoot(dir, { glue, wasm, wasmIntegrity = null }) {
  const boot = `// Starts the Broadsheet single-page app (written by scripts/app_shell.mjs).
const parsed = document.readyState === 'loading'
  ? new Promise((done) => document.addEventListener('DOMContentLoaded', done, { once: true }))
  : Promise.resolve();

// A pre-rendered page's comment form works before the app does, in part: what a reader types is
// kept from the first keystroke, under the key and in the shape of the app's own drafts, so the
// app (or a reload) finds it.
document.addEventListener('input', (event) => {
  const form = event.target.closest?.('form[data-draft-key]');
  if (!form) return;
  const value = (name) => form.elements.namedItem(name)?.value ?? '';
  const draft = { name: value('name'), email: value('email'), website: value('website'), text: value('comment') };
  try {
    if (Object.values(draft).some((v) => v !== '')) localStorage.setItem(form.dataset.draftKey, JSON.stringify(draft));
  } catch { /* no storage: the text stays in the form */ }
});

// Until the app takes the page over, its comment form says it is getting ready.
parsed.then(() => { for (const note of document.querySelectorAll('[data-getting-ready]')) note.hidden = false; });

try {
  // The module is asked for at once, beside the glue, not once the glue has arrived; at low
  // priority, so that the stylesheet and the page's first paint go first (measured on the phone
  // profile: LCP 20-40 ms sooner, the take-over no later).
  const wasm = fetch(new URL('./${wasm}', import.meta.url), { priority: 'low'${wasmIntegrity ? `, integrity: '${wasmIntegrity}'` : ''} });
  wasm.catch(() => {}); // a failure is reported below, by init
  const { default: init, start_spa } = await import('./${glue}');
  await init({ module_or_path: wasm });
  await parsed;
  start_spa();
} catch (error) {
  // Blocked, offline, or files a deploy removed: say so where it matters, keep what was typed.
  await parsed;
  for (const note of document.querySelectorAll('[data-getting-ready]')) note.hidden = true;
  for (const note of document.querySelectorAll('[data-unavailable]')) note.hidden = false;
  console.error('Broadsheet could not start:', error);
}
`;
  const name = `boot-${hash(boot)}.js`;
  writeFileSync(join(dir, name), boot);
  return { name, integrity: integrity(boot) };
}

/**
 * The site's stylesheet made for a shadow root: variables live on :host, the page rules apply to
 * the widget's root element, and rem (which the host page's <html> would set) becomes the widget's
 * own --bs-rem, so a host's font sizes cannot resize the widget.
 */
export function widgetCss(css) {
  return css
    .replaceAll(':root:not([data-theme="light"])', ':host(:not([theme="light"]))')
    .replace(/:root\[data-theme="(\w+)"\]/g, ':host([theme="$1"])')
    .replaceAll(':root', ':host')
    .replace(/(^|[\s,}])html\s*\{[^}]*\}/g, '$1')
    .replace(/(^|[\s,}])body(\s*[{,])/g, '$1.broadsheet$2')
    .replace(/(-?\d*\.?\d+)rem\b/g, 'calc($1 * var(--bs-rem))')
    .replace(':host {', ':host {\n  --bs-rem: 16px;\n  display: block;');
}

/** Writes widget-<hash>.css and widget.js into `dir`; `css` is the site's stylesheet file name. */
export function writeWidget(dir, { glue, wasm, wasmIntegrity = null, css }) {
  const styles = widgetCss(readFileSync(join(dir, css), 'utf8'));
  const cssName = `widget-${hash(styles)}.css`;
  writeFileSync(join(dir, cssName), styles);
  const widget = readFileSync(new URL('./widget.template.js', import.meta.url), 'utf8')
    .replaceAll('__GLUE__', glue)
    .replaceAll('__WASM__', wasm)
    .replaceAll("'__WASM_OPTIONS__'", JSON.stringify(wasmIntegrity ? { integrity: wasmIntegrity } : {}))
    .replaceAll('__CSS__', cssName);
  writeFileSync(join(dir, 'widget.js'), widget);
}
