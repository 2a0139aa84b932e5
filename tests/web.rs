//! Components in a real browser (headless Chromium through wasm-bindgen-test-runner):
//! `cargo test --target wasm32-unknown-unknown --test web` (see `make test`).
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use broadsheet::config::Config;
use broadsheet::model::Article;
use broadsheet::source::{load_article, load_index, SourceError};
use broadsheet::strings::EN;
use broadsheet::view::{ArticleLoader, ArticleView, LocalDate, RichTextView};
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = r#"{
  "format": 1, "slug": "sample", "label": "Featured post", "title": "A sample title",
  "language": "en", "published": "2020-08-26T18:00:00+03:00",
  "authors": [{ "name": "Ann" }, { "name": "Bo", "url": "https://bo.example" }],
  "body": [
    { "type": "paragraph", "text": "First *paragraph* with [a link](https://example.org)." },
    { "type": "figure", "src": "a-960.webp", "alt": "A diagram", "caption": "The caption", "credit": "Photo: X",
      "width": 960, "height": 640, "srcset": [{ "src": "a-480.webp", "width": 480 }, { "src": "a-960.webp", "width": 960 }] },
    { "type": "list", "items": ["one", "two"] }
  ]
}"#;

fn sample() -> Article {
    Article::from_json(SAMPLE).unwrap().0
}

/// Replaces the page's alert, confirm, prompt and print with a counter of calls (what a payload
/// that runs would call).
fn trap_dialogs() -> Rc<Cell<u32>> {
    let fired = Rc::new(Cell::new(0));
    let trap = Closure::<dyn Fn()>::new({
        let fired = fired.clone();
        move || fired.set(fired.get() + 1)
    });
    let window = web_sys::window().unwrap();
    for name in ["alert", "confirm", "prompt", "print"] {
        js_sys::Reflect::set(&window, &name.into(), trap.as_ref()).unwrap();
    }
    // The page keeps calling it for the rest of the run.
    trap.forget();
    fired
}

/// A fresh element in the page to mount into.
fn container() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let element: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&element).unwrap();
    element
}

/// Waits (up to 3 s) until `condition` holds on the DOM, then returns true; false on time-out.
async fn eventually(condition: impl Fn() -> bool) -> bool {
    for _ in 0..300 {
        if condition() {
            return true;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    condition()
}

fn text_of(root: &HtmlElement, selector: &str) -> Option<String> {
    root.query_selector(selector).unwrap().map(|element| element.text_content().unwrap_or_default())
}

async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

#[wasm_bindgen_test]
async fn shows_the_skeleton_then_the_article() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        let article = LocalResource::new(|| async {
            sleep(200).await;
            Ok::<_, SourceError>(sample())
        });
        view! { <ArticleLoader article strings=&EN home=Some("/".to_owned())/> }
    });
    leptos::task::tick().await;
    assert!(eventually(|| root.query_selector(".skeleton[aria-busy=true]").unwrap().is_some()).await);
    assert!(root.query_selector("h1").unwrap().is_none(), "no title while loading");

    assert!(eventually(|| text_of(&root, "article h1").as_deref() == Some("A sample title")).await);
    assert!(root.query_selector(".skeleton").unwrap().is_none());
    assert_eq!(text_of(&root, ".article-label").as_deref(), Some("Featured post"));
    assert_eq!(text_of(&root, ".article-byline").as_deref(), Some("By Ann and Bo"));
    let image = root.query_selector("figure img").unwrap().unwrap();
    assert_eq!(image.get_attribute("alt").as_deref(), Some("A diagram"));
    assert_eq!(image.get_attribute("width").as_deref(), Some("960"));
    assert_eq!(image.get_attribute("height").as_deref(), Some("640"));
    assert_eq!(image.get_attribute("srcset").as_deref(), Some("a-480.webp 480w, a-960.webp 960w"));
    assert_eq!(text_of(&root, "figcaption .figure-caption").as_deref(), Some("The caption"));
    assert_eq!(text_of(&root, "figcaption .figure-credit").as_deref(), Some("Photo: X"));
    assert_eq!(text_of(&root, "p em").as_deref(), Some("paragraph"));
    assert_eq!(root.query_selector_all("ul li").unwrap().length(), 2);
}

#[wasm_bindgen_test]
async fn an_error_is_announced_and_try_again_retries() {
    let root = container();
    let calls = Rc::new(Cell::new(0));
    let _handle = leptos::mount::mount_to(root.clone(), {
        let calls = calls.clone();
        move || {
            let article = LocalResource::new(move || {
                let calls = calls.clone();
                async move {
                    calls.set(calls.get() + 1);
                    sleep(20).await;
                    if calls.get() == 1 { Err(SourceError::Server(503)) } else { Ok(sample()) }
                }
            });
            view! { <ArticleLoader article strings=&EN home=Some("/".to_owned())/> }
        }
    });
    leptos::task::tick().await;
    assert!(eventually(|| root.query_selector("[role=alert]").unwrap().is_some()).await);
    let alert = text_of(&root, "[role=alert]").unwrap();
    assert!(alert.contains("error 503"), "{alert}");
    let button: HtmlElement = root.query_selector("[role=alert] button").unwrap().unwrap().unchecked_into();
    assert_eq!(button.text_content().as_deref(), Some("Try again"));

    button.click();
    assert!(eventually(|| text_of(&root, "article h1").as_deref() == Some("A sample title")).await);
    assert_eq!(calls.get(), 2);
    assert!(root.query_selector("[role=alert]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_missing_article_shows_not_found_with_a_link_home() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        let article = LocalResource::new(|| async { Err::<Article, _>(SourceError::NotFound) });
        view! { <ArticleLoader article strings=&EN home=Some("/news/".to_owned())/> }
    });
    leptos::task::tick().await;
    assert!(eventually(|| text_of(&root, "h1").as_deref() == Some("Article not found")).await);
    assert_eq!(root.query_selector(".not-found a").unwrap().unwrap().get_attribute("href").as_deref(), Some("/news/"));
}

/// Real requests to the test runner's own server and to a closed port.
#[wasm_bindgen_test]
async fn the_source_tells_missing_files_from_unreachable_servers() {
    let missing = Config::with_site_root("/no-such-site/");
    assert_eq!(load_article(&missing, "nothing-here").await, Err(SourceError::NotFound));
    assert!(matches!(load_index(&missing).await, Err(SourceError::NotFound)));
    assert_eq!(load_article(&missing, "../etc").await, Err(SourceError::NotFound), "unsafe slugs never reach the network");

    let closed = Config::with_site_root("http://127.0.0.1:9/");
    assert!(matches!(load_article(&closed, "a").await, Err(SourceError::Offline(_))));
}

#[wasm_bindgen_test]
async fn dates_are_formatted_by_intl_in_the_article_language() {
    let root = container();
    let timestamp = broadsheet::model::Timestamp::parse("2020-08-26T23:30:00+03:00").unwrap();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <p class="en"><LocalDate timestamp=timestamp.clone() language="en"/></p>
            <p class="ru"><LocalDate timestamp=timestamp.clone() language="ru"/></p>
            <p class="bad"><LocalDate timestamp=timestamp language="not a language!"/></p>
        }
    });
    // Late evening in Moscow is still 26 August there, whatever the reader's zone.
    assert!(eventually(|| text_of(&root, ".en time").as_deref() == Some("August 26, 2020")).await);
    assert_eq!(text_of(&root, ".ru time").as_deref(), Some("26 августа 2020 г."));
    assert_eq!(text_of(&root, ".bad time").as_deref(), Some("August 26, 2020"), "falls back to English");
    let time = root.query_selector(".en time").unwrap().unwrap();
    assert_eq!(time.get_attribute("datetime").as_deref(), Some("2020-08-26T23:30:00+03:00"));
}

/// Every payload of the shared XSS corpus in every author-controlled field: nothing runs, no handler
/// attribute or script URL reaches the DOM, and the text is shown as text.
#[wasm_bindgen_test]
async fn hostile_articles_render_as_text_and_run_nothing() {
    let fired = trap_dialogs();

    let corpus: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("../../shared/corpus/xss-vectors.json")).unwrap();
    let root = container();
    for vector in &corpus {
        let payload = vector["payload"].as_str().unwrap();
        let json = serde_json::json!({
            "format": 1, "slug": "x", "title": format!("T {payload}"), "label": payload, "summary": payload,
            "published": "2020-08-26T18:00:00Z", "language": "en",
            "authors": [{ "name": payload, "url": payload }],
            "body": [
                { "type": "paragraph", "text": payload },
                { "type": "paragraph", "text": format!("[link]({payload}) <{payload}>") },
                { "type": "heading", "text": payload },
                { "type": "quote", "text": payload, "cite": payload },
                { "type": "list", "items": [payload] },
                { "type": "figure", "src": "ok.webp", "alt": payload, "caption": payload, "credit": payload },
                { "type": "figure", "src": payload, "alt": "x" }
            ]
        });
        let (article, _) = Article::from_json(&json.to_string()).unwrap();
        let handle = leptos::mount::mount_to(root.clone(), move || view! { <ArticleView article/> });
        assert_eq!(text_of(&root, "h1"), Some(format!("T {payload}")), "the title shows as text");
        assert_no_active_content(&root, payload);
        drop(handle);
    }
    sleep(300).await; // let any image error or timer a payload might have planted fire
    assert_eq!(fired.get(), 0, "a payload ran script");
}

fn assert_no_active_content(root: &HtmlElement, payload: &str) {
    for tag in ["script", "iframe", "object", "embed", "svg", "math", "style", "form", "base", "meta", "link"] {
        assert!(root.query_selector(tag).unwrap().is_none(), "<{tag}> from {payload}");
    }
    let all = root.query_selector_all("*").unwrap();
    for i in 0..all.length() {
        let element: web_sys::Element = all.item(i).unwrap().unchecked_into();
        let names = element.get_attribute_names();
        for name in names.iter() {
            let name = name.as_string().unwrap().to_ascii_lowercase();
            assert!(!name.starts_with("on"), "handler attribute {name} from {payload}");
            if matches!(name.as_str(), "href" | "src" | "srcset" | "action" | "formaction" | "xlink:href") {
                let value = element.get_attribute(&name).unwrap_or_default().to_ascii_lowercase();
                let value: String = value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
                assert!(!value.starts_with("javascript:") && !value.starts_with("data:") && !value.starts_with("vbscript:"),
                    "{name}={value} from {payload}");
            }
        }
    }
}

#[wasm_bindgen_test]
async fn waline_html_is_read_inertly_into_our_blocks() {
    use broadsheet::model::{Block, Inline};
    use broadsheet::source::comments::comment_html;

    // What Waline 1.39.3 sent for a comment with emphasis, a quote, a list and code.
    let (text, blocks) = comment_html(
        "<p>Hello <em>world</em> <a href=\"javascript:alert(1)\">x</a></p>\n<blockquote>\n<p>quote</p>\n</blockquote>\n<ul>\n<li>a</li>\n</ul>\n<pre><code>let x = 1;\n</code></pre>\n",
    );
    assert_eq!(blocks.len(), 4, "{blocks:?}");
    assert!(matches!(&blocks[0], Block::Paragraph(_)));
    assert!(matches!(&blocks[1], Block::Quote { .. }));
    assert!(matches!(&blocks[2], Block::List { ordered: false, items } if items.len() == 1));
    assert!(matches!(&blocks[3], Block::Code { text, .. } if text.starts_with("let x = 1;")));
    assert!(text.plain_text().starts_with("Hello world x"));
    let Block::Paragraph(first) = &blocks[0] else { unreachable!() };
    assert!(first.0.iter().any(|node| matches!(node, Inline::Link { href: None, .. })), "a script link keeps its words only");

    let fired = trap_dialogs();
    let corpus: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("../../shared/corpus/xss-vectors.json")).unwrap();
    let root = container();
    for vector in &corpus {
        // Each payload as the HTML itself: worse than anything Waline's sanitiser lets through.
        let payload = vector["payload"].as_str().unwrap().to_owned();
        let (text, blocks) = comment_html(&payload);
        let named = payload.clone();
        let handle = leptos::mount::mount_to(root.clone(), move || {
            let list = blocks.into_iter().map(|block| match block {
                Block::Paragraph(text) | Block::Heading { text, .. } | Block::Quote { text, .. } => {
                    view! { <p><RichTextView text/></p> }.into_any()
                }
                Block::List { items, .. } => items.into_iter().map(|text| view! { <li><RichTextView text/></li> }).collect_view().into_any(),
                Block::Code { text, .. } => view! { <pre>{text}</pre> }.into_any(),
                Block::Figure(_) => panic!("a comment claimed a figure from {named:?}"),
            }).collect_view();
            view! { <div><RichTextView text/></div> {list} }
        });
        assert_no_active_content(&root, &payload);
        drop(handle);
    }
    sleep(500).await; // an inert document fires no image error, no timer
    assert_eq!(fired.get(), 0, "a payload ran script");
}

const GALLERY: &str = r#"{
  "format": 1, "slug": "pictures", "title": "Pictures", "published": "2020-08-26T18:00:00Z",
  "body": [
    { "type": "figure", "src": "one.webp", "alt": "One", "caption": "First", "width": 30, "height": 20 },
    { "type": "paragraph", "text": "Between." }
  ],
  "gallery": [
    { "src": "two.webp", "alt": "Two", "caption": "Second", "width": 30, "height": 20 },
    { "src": "three.webp", "alt": "Three", "caption": "Third", "width": 20, "height": 30 }
  ]
}"#;

fn button(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).unchecked_into()
}

/// The lightbox's code comes when it is first wanted: before that there is no dialog, so none open.
fn dialog_open(root: &HtmlElement) -> bool {
    root.query_selector("dialog").unwrap().is_some_and(|dialog| dialog.unchecked_into::<web_sys::HtmlDialogElement>().open())
}

fn active_label() -> Option<String> {
    web_sys::window()?.document()?.active_element()?.get_attribute("aria-label")
}

fn location_hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

#[wasm_bindgen_test]
async fn the_lightbox_opens_moves_closes_and_returns_focus() {
    let root = container();
    let (article, _) = Article::from_json(GALLERY).unwrap();
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <ArticleView article/> });
    assert_eq!(root.query_selector_all(".gallery-grid a").unwrap().length(), 2);
    assert!(!dialog_open(&root));

    let thumb = button(&root, ".gallery-grid li:nth-child(1) a");
    assert_eq!(thumb.get_attribute("aria-label").as_deref(), Some("Open image 2 of 3: Two"));
    let before = location_hash();
    thumb.click();
    assert!(eventually(|| dialog_open(&root)).await);
    assert_eq!(text_of(&root, ".lightbox-counter").as_deref(), Some("2 / 3"));
    assert_eq!(text_of(&root, ".lightbox-caption .figure-caption").as_deref(), Some("Second"));
    assert_eq!(location_hash(), "#image-2");
    assert_eq!(active_label().as_deref(), Some("Close"), "focus starts inside, on Close");

    button(&root, ".lightbox-next").click();
    assert!(eventually(|| text_of(&root, ".lightbox-counter").as_deref() == Some("3 / 3")).await);
    assert_eq!(location_hash(), "#image-3");
    button(&root, ".lightbox-next").click();
    assert!(eventually(|| text_of(&root, ".lightbox-counter").as_deref() == Some("1 / 3")).await, "wraps");
    button(&root, ".lightbox-previous").click();
    assert!(eventually(|| text_of(&root, ".lightbox-counter").as_deref() == Some("3 / 3")).await);

    button(&root, ".lightbox-close").click();
    assert!(eventually(|| !dialog_open(&root)).await);
    assert_eq!(active_label().as_deref(), Some("Open image 2 of 3: Two"), "focus returns to the thumbnail");
    assert!(eventually(|| location_hash() == before).await, "closing leaves the lightbox's history entry");

    button(&root, "figure button").click();
    assert!(eventually(|| text_of(&root, ".lightbox-counter").as_deref() == Some("1 / 3")).await);
    button(&root, ".lightbox-close").click();
    assert!(eventually(|| !dialog_open(&root)).await);
    assert_eq!(active_label().as_deref(), Some("Open image 1 of 3: One"));
}

#[wasm_bindgen_test]
async fn a_deep_link_opens_the_lightbox_and_back_closes_it() {
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#image-3")).unwrap();
    let root = container();
    let (article, _) = Article::from_json(GALLERY).unwrap();
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <ArticleView article/> });
    assert!(eventually(|| dialog_open(&root)).await);
    assert_eq!(text_of(&root, ".lightbox-counter").as_deref(), Some("3 / 3"));
    button(&root, ".lightbox-close").click();
    assert!(eventually(|| !dialog_open(&root)).await);
    assert_eq!(location_hash(), "", "a deep-linked lightbox clears its fragment on close");

    // Opened by the reader, the Back button closes it.
    button(&root, "figure button").click();
    assert!(eventually(|| dialog_open(&root)).await);
    history.back().unwrap();
    assert!(eventually(|| !dialog_open(&root)).await);
    assert_eq!(location_hash(), "");

    // A fragment that names no image opens nothing.
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#image-9")).unwrap();
    let other = container();
    let (article, _) = Article::from_json(GALLERY).unwrap();
    let _second = leptos::mount::mount_to(other.clone(), move || view! { <ArticleView article/> });
    sleep(50).await;
    assert!(!dialog_open(&other));
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&window.location().pathname().unwrap())).unwrap();
}

/// The widget will mount articles inside a shadow root: the lightbox must find its parts there.
#[wasm_bindgen_test]
async fn the_lightbox_works_inside_a_shadow_root() {
    let host = container();
    let shadow = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    shadow.append_child(&root).unwrap();
    let (article, _) = Article::from_json(GALLERY).unwrap();
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <ArticleView article/> });

    let thumb = button(&root, ".gallery-grid li:nth-child(2) a");
    let before = location_hash();
    thumb.click();
    assert!(eventually(|| dialog_open(&root)).await);
    assert_eq!(text_of(&root, ".lightbox-counter").as_deref(), Some("3 / 3"));
    let focused = shadow.active_element().and_then(|e| e.get_attribute("aria-label"));
    assert_eq!(focused.as_deref(), Some("Close"), "focus moves into the dialog inside the shadow root");
    button(&root, ".lightbox-previous").click();
    assert!(eventually(|| text_of(&root, ".lightbox-counter").as_deref() == Some("2 / 3")).await);
    button(&root, ".lightbox-close").click();
    assert!(eventually(|| !dialog_open(&root)).await);
    let focused = shadow.active_element().and_then(|e| e.get_attribute("aria-label"));
    assert_eq!(focused.as_deref(), Some("Open image 3 of 3: Three"));
    assert!(eventually(|| location_hash() == before).await, "closing goes back over the lightbox's entry");
}
