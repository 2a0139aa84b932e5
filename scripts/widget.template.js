// Broadsheet's embeddable widget (written into the build by scripts/post_build.mjs).
//
//   <script type="module" src="https://cdn.example.org/broadsheet/widget.js"></script>
//   <broadsheet-article src="https://cdn.example.org/broadsheet/articles/nica-agreement.json"
//                       comments="local" theme="auto"></broadsheet-article>
//
// Each element renders one article (with its gallery and comments) inside its own shadow root, so
// the host's CSS does not reach in and ours does not leak out. Elements added later mount; removed
// elements unmount and release their listeners. Theme it with the --bs-* custom properties.
//
// Languages: the interface follows the article's `language`; a `lang` attribute overrides it. A
// click on one of the article's translation links loads that translation in place: the element's
// `src` becomes the translation's article file (hosts can watch the attribute), `lang` stays.
// Modified clicks (new tab, new window) follow the link to the translation's page as usual.
// The module is asked for at once, beside the glue and the styles, not once the glue has arrived.
const wasm = fetch(new URL('./__WASM__', import.meta.url), '__WASM_OPTIONS__');
wasm.catch(() => {}); // a failure is reported by init
const ready = import('./__GLUE__').then(async (glue) => {
  await glue.default({ module_or_path: wasm });
  return glue;
});
const styles = fetch(new URL('./__CSS__', import.meta.url))
  .then((response) => (response.ok ? response.text() : ''))
  .then((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    return sheet;
  });

class BroadsheetArticle extends HTMLElement {
  static observedAttributes = ['src', 'comments', 'lang', 'theme'];
  #widget = null;
  #generation = 0;
  /** A reader chose a translation: the next article shown takes the focus (its heading). */
  #focusArticle = false;

  connectedCallback() {
    this.#mount();
  }

  disconnectedCallback() {
    this.#generation += 1;
    this.#unmount();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#mount();
  }

  /** A plain click on a translation link (marked `data-article` by the article's view). */
  #onClick = (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.composedPath().find((node) => node instanceof HTMLAnchorElement && node.dataset.article);
    if (!link || !this.shadowRoot?.contains(link)) return;
    event.preventDefault();
    this.#focusArticle = true;
    this.setAttribute('src', link.dataset.article);
  };

  /**
   * Puts the focus on the heading of the article `shadow` shows once it is there, so that a reader
   * who chose a translation (from the keyboard, or with a screen reader) is not sent back to the top
   * of the host page: the link they used was replaced with the rest of the article.
   */
  #focusHeadingOf(shadow, generation) {
    const focus = () => {
      const heading = shadow.querySelector('article.article h1');
      if (!heading) return false;
      heading.tabIndex = -1;
      heading.focus();
      return true;
    };
    if (focus()) return;
    const watch = new MutationObserver(() => {
      if (generation !== this.#generation || focus()) watch.disconnect();
    });
    watch.observe(shadow, { childList: true, subtree: true });
  }

  #unmount() {
    this.#widget?.unmount();
    this.#widget?.free();
    this.#widget = null;
  }

  async #mount() {
    const generation = ++this.#generation;
    const [sheet, { mount_article }] = await Promise.all([styles, ready]);
    // Removed, or re-mounted with other attributes, while the module was loading.
    if (generation !== this.#generation || !this.isConnected) return;
    this.#unmount();
    let shadow = this.shadowRoot;
    if (!shadow) {
      shadow = this.attachShadow({ mode: 'open' });
      shadow.addEventListener('click', this.#onClick);
    }
    shadow.adoptedStyleSheets = [sheet];
    const root = document.createElement('div');
    root.className = 'broadsheet';
    shadow.replaceChildren(root);
    const src = new URL(this.getAttribute('src') || '', document.baseURI).href;
    this.#widget = mount_article(root, src, this.getAttribute('comments') || 'local', this.getAttribute('lang') || '');
    if (this.#focusArticle) {
      this.#focusArticle = false;
      this.#focusHeadingOf(shadow, generation);
    }
  }
}

if (!customElements.get('broadsheet-article')) customElements.define('broadsheet-article', BroadsheetArticle);
