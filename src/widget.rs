//! The embeddable widget's entry point: one article, with its gallery and comments, mounted into an
//! element the host page gives us (inside a shadow root, by `widget.js`). No router, no `<head>`
//! writes, no global listeners beyond the lightbox's deep link. The article's own rendering is a
//! chunk (`crate::chunks::widget_view`), fetched while a skeleton holds its place.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::chunks;
use crate::config::{CommentsConfig, Config};
use crate::strings::strings_for;
use crate::view::{ArticleSkeleton, ChunkFailed};

/// A mounted widget. `unmount()` removes it and releases its listeners and timers.
#[wasm_bindgen]
pub struct ArticleWidget {
    mounted: Option<Box<dyn std::any::Any>>,
}

#[wasm_bindgen]
impl ArticleWidget {
    pub fn unmount(&mut self) {
        self.mounted = None;
    }
}

/// Mounts the article at `src` into `root`. `comments` uses the configuration syntax of the SPA
/// (`local`, `off`, `isso:<URL>`, `waline:<URL>`); `language` (the element's `lang`, a BCP 47 tag)
/// forces the interface's language, blank to follow the article's.
#[wasm_bindgen]
pub fn mount_article(root: web_sys::HtmlElement, src: String, comments: String, language: String) -> ArticleWidget {
    let comments = CommentsConfig::parse(&comments).unwrap_or_else(|problem| {
        web_sys::console::error_1(&format!("Broadsheet widget: {problem}; comments are off").into());
        CommentsConfig::Off
    });
    let config = Config::for_article_url(&src).with_comments(comments).with_language(&language);
    // The root speaks the interface's language (English until the article says otherwise); the
    // article and its comments carry their own `lang`.
    let strings = strings_for(config.language.unwrap_or_default());
    let _ = root.set_attribute("lang", strings.language.tag());
    let handle = leptos::mount::mount_to(root, move || {
        provide_context(config.clone());
        let attempt = RwSignal::new(0u32);
        let article = move || {
            attempt.track();
            let (config, src) = (config.clone(), src.clone());
            Suspend::new(async move {
                match chunks::widget_view(config, src, strings).await {
                    Ok(view) => view,
                    Err(_) => {
                        let retry = Callback::new(move |()| attempt.update(|n| *n += 1));
                        view! { <ChunkFailed strings retry/> }.into_any()
                    }
                }
            })
        };
        view! { <Suspense fallback=move || view! { <ArticleSkeleton strings/> }>{article}</Suspense> }
    });
    ArticleWidget { mounted: Some(Box::new(handle)) }
}
