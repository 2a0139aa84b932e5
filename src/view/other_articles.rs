//! Links to a site's other articles, below the one being read.

use leptos::prelude::*;

use super::LocalDate;
use crate::config::Config;
use crate::model::IndexEntry;
use crate::strings::EN;

/// `entries` as a titled list of links (already chosen and ordered by the caller). Needs a
/// [`Config`] in context for the links.
#[component]
pub fn OtherArticles(entries: Vec<IndexEntry>) -> impl IntoView {
    let config = expect_context::<Config>();
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
}
