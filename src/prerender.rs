//! The article rendered to HTML natively, by the same components the browser runs (`ssr`).

use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;

use crate::config::Config;
use crate::model::{Article, ThreadPage};
use crate::view::{ArticleView, InitialThread};

/// The `<article>` (with gallery, lightbox shell and comments section) as HTML.
pub fn article_html(article: Article, thread: Option<ThreadPage>, config: Config) -> String {
    // A server-side context: components then know they are not in a browser (no listeners).
    let owner = Owner::new_root(Some(std::sync::Arc::new(hydration_context::SsrSharedContext::new())));
    owner.with(move || {
        provide_context(config);
        provide_context(InitialThread(thread));
        view! { <ArticleView article/> }.to_html()
    })
}
