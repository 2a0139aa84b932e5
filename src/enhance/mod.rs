//! Makes a pre-rendered page interactive without rendering its article again: the article element
//! the reader is already looking at stays the same node. What needs the browser joins it: the
//! lightbox (figures and thumbnails open it) and the live comments section, which starts from the
//! same static thread the page shows, so nothing moves. Dates are left as the pre-renderer wrote
//! them (CLDR through ICU4X, what `Intl` prints too; were a browser's CLDR to differ, the page keeps
//! its text rather than flash a change).
//!
//! This is the always-loaded part, kept small: the lightbox's and the comments' own code are chunks
//! fetched when a reader is about to need them (`crate::chunks`, `view::lazy`). The pages are
//! written by `tools/prerender`, with what the take-over needs embedded as data
//! (`<script type="application/json" id="broadsheet-page">`, see [`PageData`]).

pub mod comments;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::config::{Config, PageAddress};
use crate::model::{ImageLink, PageData};
use crate::source::comments::{AnyStore, CommentStore};
use crate::strings::{strings_for, Strings};
use crate::view::{when_near_or_idle, ChunkFailed, LazyLightbox, LightboxHandle};
use comments::TakeOver;

/// Takes over a pre-rendered page; false when this page is not one, or is not the page of this
/// address (the app then renders the address itself).
pub fn enhance_prerendered(config: Config) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    let Some(article_element) = document.query_selector("main article.article").ok().flatten() else { return false };
    let Some(data) = document
        .get_element_by_id("broadsheet-page")
        .and_then(|script| script.text_content())
        .and_then(|text| PageData::from_json(&text).ok())
    else {
        return false;
    };
    // A host that answers every unknown address with index.html (the featured article's page)
    // must not show that article at another article's address, nor at an unknown one.
    let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    let ours = match config.page_at(&path) {
        Some(PageAddress::Home) => data.featured,
        Some(PageAddress::Post(slug)) => slug == data.slug,
        None => false,
    };
    if !ours {
        discard_page(&document);
        return false;
    }

    let strings = strings_for(config.interface_language(&data.language));
    if let Some(handle) = mount_lightbox(&article_element, &data, strings) {
        open_from_the_page(&article_element, handle);
    }
    mount_comments(&document, data, config, strings);
    // Says the page is interactive now (tests wait for it; before it, links are plain links).
    if let Ok(Some(main)) = document.query_selector("main") {
        let _ = main.set_attribute("data-enhanced", "");
    }
    true
}

/// Removes a pre-rendered page that is not the page of this address, and what its head says about
/// its article, so that the app renders the address from scratch.
fn discard_page(document: &web_sys::Document) {
    let stale = "body > *, link[rel=canonical], link[rel=alternate][hreflang], link[rel=preload][as=image], \
                 meta[property^='og:'], meta[name^='twitter:'], meta[name=description], script[type='application/ld+json']";
    if let Ok(nodes) = document.query_selector_all(stale) {
        for i in 0..nodes.length() {
            if let Some(element) = nodes.item(i).and_then(|node| node.dyn_into::<Element>().ok()) {
                // The app's own module scripts stay (they are running); so does <noscript>.
                let keep = match element.tag_name().as_str() {
                    "SCRIPT" => element.get_attribute("type").as_deref() == Some("module"),
                    "NOSCRIPT" => true,
                    _ => false,
                };
                if !keep {
                    element.remove();
                }
            }
        }
    }
}

/// The lightbox (its code loaded on first need), mounted next to the article's figures; the handle
/// that opens it.
fn mount_lightbox(
    article_element: &Element,
    data: &PageData,
    strings: &'static Strings,
) -> Option<LightboxHandle> {
    if data.images.is_empty() {
        return None;
    }
    let holder = new_holder()?;
    // The page's own dialog is the inert, server-rendered shell of this one: take its place.
    match article_element.query_selector("dialog.lightbox").ok().flatten() {
        Some(shell) => shell.replace_with_with_node_1(&holder).ok()?,
        None => article_element.append_child(&holder).map(|_| ()).ok()?,
    }
    let handle = LightboxHandle::new(data.images.len(), ImageLink::page());
    let (images, slug) = (data.images.clone(), data.slug.clone());
    let mounted = leptos::mount::mount_to(holder, move || view! { <LazyLightbox images handle strings id=slug/> });
    // The page lives as long as the document: nothing ever unmounts it.
    std::mem::forget(mounted);
    Some(handle)
}

/// Figures and thumbnails (marked `data-image-index` by their components) open the lightbox:
/// one listener on the article for click, and Space on thumbnails (links answer Enter already).
/// When the lightbox's code could not be fetched, thumbnails are left to be the links they are.
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
        if handle.is_unavailable() && opener.tag_name().eq_ignore_ascii_case("a") {
            return;
        }
        event.prevent_default();
        handle.open(index, opener.dyn_into::<HtmlElement>().ok());
    });
    for name in ["click", "keydown"] {
        let _ = article_element.add_event_listener_with_callback(name, on_event.as_ref().unchecked_ref());
    }
    // Lives as long as the page.
    on_event.forget();
}

/// The live comments section in place of the static one, when it nears the screen or the page is
/// idle. If its code cannot be fetched, the static section says so, with "Try again".
fn mount_comments(document: &web_sys::Document, data: PageData, config: Config, strings: &'static Strings) {
    let Some(store) = AnyStore::for_article(&config, &data.slug, &data.title) else { return };
    let Some(static_section) = document.query_selector("main section.comments").ok().flatten() else { return };
    let part = TakeOver {
        static_section: static_section.clone(),
        thread_key: config.post_path(&data.slug),
        // A thread from the page only when the page's store is the one that made it (the local one).
        thread_file: if store.keeps_comments_locally() { data.thread } else { None },
        language: config.date_language(&data.language),
        offset_seconds: data.offset_seconds,
        strings,
        store,
        config,
    };
    when_near_or_idle(&static_section, move || load_comments(part));
}

fn load_comments(part: TakeOver) {
    wasm_bindgen_futures::spawn_local(async move {
        let (section, strings, again) = (part.static_section.clone(), part.strings, part.clone());
        if crate::chunks::take_over_comments(part).await.is_err() {
            show_failure(&section, strings, move || load_comments(again.clone()));
        }
    });
}

/// A new, unattached `<div>` of the page's document, to mount a part into.
pub(crate) fn new_holder() -> Option<HtmlElement> {
    web_sys::window()?.document()?.create_element("div").ok()?.dyn_into().ok()
}

/// "Could not be loaded" with "Try again", at the top of the static comments section.
fn show_failure(static_section: &Element, strings: &'static Strings, retry: impl Fn() + 'static) {
    let Some(holder) = new_holder() else { return };
    let _ = static_section.insert_before(&holder, static_section.first_child().and_then(|h| h.next_sibling()).as_ref());
    let shown = holder.clone();
    let mounted = leptos::mount::mount_to(holder, move || {
        let (retry, shown) = (StoredValue::new_local(retry), StoredValue::new_local(shown));
        let on_retry = Callback::new(move |()| {
            shown.with_value(|notice| notice.remove());
            retry.with_value(|retry| retry());
        });
        view! { <ChunkFailed strings retry=on_retry/> }
    });
    std::mem::forget(mounted);
}
