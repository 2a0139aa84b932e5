//! Pages rendered to HTML natively, by the same components the browser runs (`ssr`): the article
//! with its gallery and comments section, and the static frame around it. `tools/prerender` writes
//! them into a release build.

use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;

use crate::config::Config;
use crate::model::{Article, IndexEntry, ThreadPage};
use crate::strings::{strings_for, EN};
use crate::view::{ArticleView, InitialThread, OtherArticles};

/// Renders inside a server-side context, so components know they are not in a browser.
fn render<V: RenderHtml + 'static>(view: impl FnOnce() -> V) -> String {
    let owner = Owner::new_root(Some(std::sync::Arc::new(hydration_context::SsrSharedContext::new())));
    owner.with(move || view().to_html())
}

/// The `<article>` (with gallery, lightbox shell and comments section) as HTML. `thread` is the
/// first page of the static thread, shown to readers without JavaScript.
pub fn article_html(article: Article, thread: Option<ThreadPage>, config: Config) -> String {
    render(move || {
        provide_context(config);
        provide_context(InitialThread(thread, String::new()));
        view! { <ArticleView article/> }
    })
}

/// The site's masthead, linking home.
pub fn masthead_html(home: String) -> String {
    render(move || {
        view! {
            <header class="masthead">
                <a class="masthead-name" href=home>{EN.site_name}</a>
            </header>
        }
    })
}

/// Links to the other articles, newest first (`others` is already filtered and ordered), in the
/// language of the article whose page they end (`article_language`, a BCP 47 tag).
pub fn more_articles_html(others: Vec<IndexEntry>, config: Config, article_language: &str) -> String {
    let strings = strings_for(config.interface_language(article_language));
    let date_language = config.date_language(article_language);
    render(move || {
        provide_context(config);
        view! { <OtherArticles entries=others strings date_language/> }
    })
}
