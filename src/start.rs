//! The single-page app's entry point (called by the build's `boot.js`): takes over a pre-rendered
//! page in place, or fetches the SPA's chunk and renders the page from the article's JSON.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::config::{Config, PageAddress};
use crate::language::Language;
use crate::strings::strings_for;
use crate::view::ChunkFailed;
use crate::{app, chunks, enhance};

/// Starts the app on this page.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start_spa() {
    console_error_panic_hook::set_once();
    let config = app::config_from_document();
    if enhance::enhance_prerendered(config.clone()) {
        return;
    }
    preload_page_data(&config);
    mount_spa(config);
}

/// Mounts the SPA when its chunk has arrived. If it cannot be fetched, the page says so and offers
/// to try again.
fn mount_spa(config: Config) {
    wasm_bindgen_futures::spawn_local(async move {
        if chunks::mount_spa(config.clone()).await.is_ok() {
            return;
        }
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let Some(holder) = document.create_element("main").ok().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
            return;
        };
        holder.set_class_name("page");
        if let Some(body) = document.body() {
            let _ = body.append_child(&holder);
        }
        let shown = holder.clone();
        let mounted = leptos::mount::mount_to(holder, move || {
            let (config, shown) = (StoredValue::new(config), StoredValue::new_local(shown));
            let retry = Callback::new(move |()| {
                shown.with_value(|notice| notice.remove());
                mount_spa(config.get_value());
            });
            // The site's language, as the page's <html lang> gives it (the index is not read yet).
            let language = document_language().map(|tag| Language::from_tag(&tag)).unwrap_or_default();
            view! { <ChunkFailed strings=strings_for(language) retry/> }
        });
        std::mem::forget(mounted);
    });
}

/// Asks for the data files the first page will read (the index, and the article at this address)
/// while the SPA's chunk is still on its way, instead of after it: the app's own request for the
/// same URL is then answered by the preload.
fn preload_page_data(config: &Config) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let (Some(head), Some(path)) = (document.head(), document.location().and_then(|l| l.pathname().ok())) else { return };
    let mut urls = vec![config.index_url()];
    if let Some(PageAddress::Post(slug)) = config.page_at(&path) {
        urls.push(config.article_url(&slug));
    }
    for url in urls {
        let Ok(link) = document.create_element("link") else { continue };
        for (name, value) in [("rel", "preload"), ("as", "fetch"), ("crossorigin", "anonymous"), ("href", &url)] {
            let _ = link.set_attribute(name, value);
        }
        let _ = head.append_child(&link);
    }
}

fn document_language() -> Option<String> {
    web_sys::window()?.document()?.document_element()?.get_attribute("lang")
}
