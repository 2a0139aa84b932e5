//! The SPA's pages, one per route. Only the SPA shell uses these: they set the document title and
//! read the router, which an embedded widget must never do.

mod featured;
mod more_articles;
mod post;

pub use featured::FeaturedPage;
pub use more_articles::MoreArticles;
pub use post::PostPage;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::config::Config;
use crate::language::Language;
use crate::model::{Article, ArticleIndex};
use crate::source::SourceError;
use crate::strings::{strings_for, Strings};

/// The site's index, fetched once for the whole app and shared by the pages that need it, and the
/// language of the page shown (`<html lang>`: the article's once one is shown, else the site's;
/// pages set it, the app's shell writes it).
#[derive(Clone, Copy)]
pub struct SiteIndex(pub LocalResource<Result<ArticleIndex, SourceError>>, pub RwSignal<Option<String>>);

impl SiteIndex {
    pub fn new(config: Config) -> SiteIndex {
        let index = LocalResource::new(move || {
            let config = config.clone();
            async move { crate::source::load_index(&config).await }
        });
        SiteIndex(index, RwSignal::new(None))
    }

    /// The site's language tag, once the index is in (`en` before, and when it says none).
    pub fn language_tag(&self) -> String {
        self.0.with(|loaded| match loaded {
            Some(Ok(index)) => index.site_language().to_owned(),
            _ => "en".to_owned(),
        })
    }

    /// The words of the site's own pages (not found, errors, loading), in the site's language.
    pub fn strings(self) -> Signal<&'static Strings> {
        Signal::derive(move || strings_for(Language::from_tag(&self.language_tag())))
    }
}

/// The document title and language follow the article: its title, "Article not found", or the
/// site's name; the article's language once it is shown.
#[component]
fn ArticleTitle(article: LocalResource<Result<Article, SourceError>>, strings: Signal<&'static Strings>) -> impl IntoView {
    let text = move || {
        let strings = strings.get();
        article.with(|loaded| match loaded {
            Some(Ok(article)) => format!("{} — {}", article.title, strings.site_name),
            Some(Err(SourceError::NotFound)) => format!("{} — {}", strings.not_found_heading, strings.site_name),
            _ => strings.site_name.to_owned(),
        })
    };
    let language = expect_context::<SiteIndex>().1;
    Effect::new(move |_| {
        let shown = article.with(|loaded| loaded.as_ref().and_then(|r| r.as_ref().ok()).map(|a| a.language.clone()));
        language.set(shown);
    });
    on_cleanup(move || {
        let _ = language.try_set(None);
    });
    view! { <Title text/> }
}
