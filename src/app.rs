//! The single-page app's shell: router, document title and the site's frame. The only place that
//! touches the router or `<head>`; the widget will mount the views without it.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::config::{CommentsConfig, Config};
use crate::pages::{FeaturedPage, PostPage, SiteIndex};
use crate::strings::EN;

#[component]
pub fn App(config: Config) -> impl IntoView {
    provide_meta_context();
    provide_context(config.clone());
    let site = SiteIndex::new(config.clone());
    provide_context(site);
    // Written straight onto <html>: the shell owns the document (leptos_meta's <Html> cost ~1 KB).
    Effect::new(move |_| {
        let lang = site.1.get().unwrap_or_else(|| site.language_tag());
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", &lang);
        }
    });
    let home = config.home_path().to_owned();
    view! {
        // The site's name is the same in every language (a test keeps the tables so).
        <Title text=EN.site_name/>
        <Router base=config.router_base()>
            <header class="masthead">
                <a class="masthead-name" href=home>{EN.site_name}</a>
            </header>
            <main id="main" class="page">
                // Any other address: the post page without a slug says "Page not found", in the
                // site's language.
                <Routes fallback=PostPage>
                    <Route path=path!("/") view=FeaturedPage/>
                    <Route path=path!("/posts/:slug") view=PostPage/>
                </Routes>
            </main>
        </Router>
    }
}

/// The configuration for the SPA, read from `index.html` (edit it there; no rebuild needed):
/// the site root is the document's `<base href>`, which trunk sets from `--public-url`, so one build
/// serves from `/` or any sub-path; comments come from `<meta name="broadsheet-comments">`.
pub fn config_from_document() -> Config {
    let document = web_sys::window().and_then(|window| window.document());
    let base_path = document
        .as_ref()
        .and_then(|document| document.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new(&base).ok())
        .map(|url| url.pathname());
    let comments_setting = document
        .as_ref()
        .and_then(|document| document.query_selector("meta[name='broadsheet-comments']").ok().flatten())
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default();
    let comments = CommentsConfig::parse(&comments_setting).unwrap_or_else(|problem| {
        web_sys::console::error_1(&format!("Broadsheet: {problem}; comments are off").into());
        CommentsConfig::Off
    });
    Config::with_site_root(base_path.as_deref().unwrap_or("/")).with_comments(comments)
}
