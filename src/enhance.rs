//! Makes a pre-rendered page interactive without rendering its article again: the article element
//! the reader is already looking at stays the same node. What needs the browser joins it: the
//! lightbox (figures and thumbnails open it) and the live comments section, which starts from the
//! same static thread the page shows, so nothing moves. Dates are left as the pre-renderer wrote
//! them (CLDR through ICU4X, what `Intl` prints too; were a browser's CLDR to differ, the page keeps
//! its text rather than flash a change).
//!
//! The pages are written by `tools/prerender` with the article's file embedded as data
//! (`<script type="application/json" id="broadsheet-page">`).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::config::Config;
use crate::json;
use crate::model::{Article, ImageLink, Node, SortOrder, ThreadPage};
use crate::source::comments::thread_file::{page_of, read_thread_file};
use crate::source::comments::{AnyStore, CommentStore};
use crate::source::fetch::absolute_url;
use crate::strings::{strings_for, Strings};
use crate::view::{CommentsSection, InitialThread, Lightbox, LightboxHandle};

/// What the pre-renderer embedded in the page.
struct Embedded {
    article: Article,
    thread: Option<ThreadPage>,
}

fn embedded(document: &web_sys::Document) -> Option<Embedded> {
    let text = document.get_element_by_id("broadsheet-page")?.text_content()?;
    let data = json::parse(&text).ok()?;
    let data = Node::root(&data);
    let (mut article, _) = Article::read(&data.get("article")).ok()?;
    let article_url = absolute_url(data.get("articleUrl").str().ok()?, None)?;
    article.resolve_urls(&|relative| absolute_url(relative, Some(&article_url)));
    let thread = data.get("thread").optional(read_thread_file).ok().flatten().map(|mut tree| {
        SortOrder::Oldest.sort(&mut tree);
        page_of(tree, 0)
    });
    Some(Embedded { article, thread })
}

/// Takes over a pre-rendered page; false when this page is not one (the app then renders it).
pub fn enhance_prerendered(config: Config) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    let Some(article_element) = document.query_selector("main article.article").ok().flatten() else { return false };
    let Some(Embedded { article, thread }) = embedded(&document) else { return false };

    let strings = strings_for(config.interface_language(&article.language));
    let lightbox = mount_lightbox(&document, &article_element, &article, strings);
    if let Some(handle) = lightbox {
        open_from_the_page(&article_element, handle);
    }
    mount_comments(&document, &article, thread, config, strings);
    // Says the page is interactive now (tests wait for it; before it, links are plain links).
    if let Ok(Some(main)) = document.query_selector("main") {
        let _ = main.set_attribute("data-enhanced", "");
    }
    true
}

/// The lightbox, mounted next to the article's figures; the handle that opens it.
fn mount_lightbox(document: &web_sys::Document, article_element: &Element, article: &Article, strings: &'static Strings) -> Option<LightboxHandle> {
    let images: Vec<_> = article.images().cloned().collect();
    if images.is_empty() {
        return None;
    }
    let holder: HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    // The page's own dialog is the inert, server-rendered shell of this one: take its place.
    match article_element.query_selector("dialog.lightbox").ok().flatten() {
        Some(shell) => shell.replace_with_with_node_1(&holder).ok()?,
        None => article_element.append_child(&holder).map(|_| ()).ok()?,
    }
    let handle = LightboxHandle::new(images.len(), ImageLink::page());
    let slug = article.slug.clone();
    let mounted = leptos::mount::mount_to(holder, move || view! { <Lightbox images handle strings id=slug/> });
    // The page lives as long as the document: nothing ever unmounts it.
    std::mem::forget(mounted);
    Some(handle)
}

/// Figures and thumbnails (marked `data-image-index` by their components) open the lightbox:
/// one listener on the article for click, and Space on thumbnails (links answer Enter already).
fn open_from_the_page(article_element: &Element, handle: LightboxHandle) {
    let on_event = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        let is_space = event.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key() == " ");
        if is_space == Some(false) {
            return;
        }
        let Some(opener) = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[data-image-index]").ok().flatten())
        else {
            return;
        };
        let Some(index) = opener.get_attribute("data-image-index").and_then(|i| i.parse::<usize>().ok()) else { return };
        event.prevent_default();
        handle.open(index, opener.dyn_into::<HtmlElement>().ok());
    });
    for name in ["click", "keydown"] {
        let _ = article_element.add_event_listener_with_callback(name, on_event.as_ref().unchecked_ref());
    }
    // Lives as long as the page.
    on_event.forget();
}

/// The live comments section in place of the static one, starting from the same thread.
fn mount_comments(document: &web_sys::Document, article: &Article, thread: Option<ThreadPage>, config: Config, strings: &'static Strings) {
    let Some(store) = AnyStore::for_article(&config, &article.slug, &article.title) else { return };
    let Some(static_section) = document.query_selector("main section.comments").ok().flatten() else { return };
    let Some(holder) = document.create_element("div").ok().and_then(|e| e.dyn_into::<HtmlElement>().ok()) else { return };
    holder.set_class_name("comments-holder");
    let thread_key = config.post_path(&article.slug);
    let language = config.date_language(&article.language);
    let offset_seconds = article.published.offset_seconds();
    // A thread from the page only when the page's store is the one that made it (the local one).
    let initial = if store.keeps_comments_locally() { thread } else { None };
    let shown = shown_dates(&static_section);
    let mounted = leptos::mount::mount_to(holder.clone(), move || {
        provide_context(config);
        provide_context(InitialThread(initial, shown));
        view! { <CommentsSection store strings thread_key language offset_seconds/> }
    });
    std::mem::forget(mounted);
    let _ = static_section.replace_with_with_node_1(&holder);
}

/// The dates the static thread shows, one `datetime\ttext` a line.
fn shown_dates(section: &Element) -> String {
    let mut shown = String::new();
    let Ok(times) = section.query_selector_all("time[datetime]") else { return shown };
    for i in 0..times.length() {
        let Some(time) = times.item(i).and_then(|node| node.dyn_into::<Element>().ok()) else { continue };
        if let (Some(datetime), Some(text)) = (time.get_attribute("datetime"), time.text_content()) {
            shown.extend([datetime.as_str(), "\t", text.as_str(), "\n"]);
        }
    }
    shown
}
