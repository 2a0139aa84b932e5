//! Links to the site's other articles, below the one being read.

use leptos::prelude::*;

use super::SiteIndex;
use crate::config::Config;
use crate::model::Article;
use crate::source::SourceError;
use crate::strings::strings_for;
use crate::view::OtherArticles;

/// The index, newest first, without the article shown and its translations, in its language. Shows nothing
/// until the article is known, and nothing if the index cannot be read (the article above already
/// says what went wrong).
#[component]
pub fn MoreArticles(article: LocalResource<Result<Article, SourceError>>) -> impl IntoView {
    let index = expect_context::<SiteIndex>().0;
    let config = expect_context::<Config>();
    let list = move || {
        let (current, language, translations) = article.with(|loaded| {
            let article = loaded.as_ref()?.as_ref().ok()?;
            let translations: Vec<String> = article.translations.iter().map(|t| t.slug.clone()).collect();
            Some((article.slug.clone(), article.language.clone(), translations))
        })?;
        let entries = index.with(|loaded| {
            let index = loaded.as_ref()?.as_ref().ok()?;
            // Less the article's own translations: it links to those already.
            let others: Vec<_> = index
                .newest_first()
                .into_iter()
                .filter(|entry| entry.slug != current && !translations.contains(&entry.slug))
                .cloned()
                .collect();
            (!others.is_empty()).then_some(others)
        })?;
        let strings = strings_for(config.interface_language(&language));
        let date_language = config.date_language(&language);
        Some(view! { <OtherArticles entries strings date_language/> })
    };
    move || list()
}
