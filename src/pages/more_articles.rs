//! Links to the site's other articles, below the one being read.

use leptos::prelude::*;

use super::SiteIndex;
use crate::view::OtherArticles;

/// The index, newest first, without `current`. Shows nothing until the current article is known,
/// and nothing if the index cannot be read (the article above already says what went wrong).
#[component]
pub fn MoreArticles(#[prop(into)] current: Signal<Option<String>>) -> impl IntoView {
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
    move || entries().map(|entries| view! { <OtherArticles entries/> })
}
