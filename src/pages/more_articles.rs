//! Links to the site's other articles, below the one being read.

use leptos::prelude::*;

use super::SiteIndex;
use crate::config::Config;
use crate::strings::EN;
use crate::view::LocalDate;

/// The index, newest first, without `current`. Shows nothing until the current article is known,
/// and nothing if the index cannot be read (the article above already says what went wrong).
#[component]
pub fn MoreArticles(#[prop(into)] current: Signal<Option<String>>) -> impl IntoView {
    let config = expect_context::<Config>();
    let index = expect_context::<SiteIndex>().0;
    let entries = move || {
        let current = current.get()?;
        index.with(|loaded| {
            let index = loaded.as_ref()?.as_ref().ok()?;
            let others: Vec<_> =
                index.newest_first().into_iter().filter(|entry| entry.slug != current).cloned().collect();
            (!others.is_empty()).then_some(others)
        })
    };
    move || {
        entries().map(|entries| {
            let items = entries
                .into_iter()
                .map(|entry| {
                    let href = config.post_path(&entry.slug);
                    view! {
                        <li>
                            <a href=href>{entry.title}</a>
                            " "
                            <LocalDate timestamp=entry.published language="en"/>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <nav class="more-articles" aria-labelledby="more-articles-heading">
                    <h2 id="more-articles-heading">{EN.more_articles}</h2>
                    <ul>{items}</ul>
                </nav>
            }
        })
    }
}
