//! Links to a site's other articles, below the one being read.

use leptos::prelude::*;

use super::LocalDate;
use crate::config::Config;
use crate::model::IndexEntry;
use crate::strings::Strings;

/// `entries` as a titled list of links (already chosen and ordered by the caller), in the page's
/// interface language; dates in `date_language` (a BCP 47 tag), each on the calendar of the place
/// it was published. Needs a [`Config`] in context for the links.
#[component]
pub fn OtherArticles(
    entries: Vec<IndexEntry>,
    strings: &'static Strings,
    #[prop(into)] date_language: String,
) -> impl IntoView {
    let config = expect_context::<Config>();
    let items = entries
        .into_iter()
        .map(|entry| {
            let href = config.post_path(&entry.slug);
            view! {
                <li>
                    <a href=href lang=entry.language>{entry.title}</a>
                    " "
                    <LocalDate timestamp=entry.published language=date_language.clone()/>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="more-articles" aria-labelledby="more-articles-heading">
            <h2 id="more-articles-heading">{strings.more_articles}</h2>
            <ul>{items}</ul>
        </nav>
    }
}
