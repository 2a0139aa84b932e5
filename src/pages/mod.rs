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
use crate::model::{Article, ArticleIndex};
use crate::source::SourceError;
use crate::strings::Strings;

/// The site's index, fetched once for the whole app and shared by the pages that need it.
#[derive(Clone, Copy)]
pub struct SiteIndex(pub LocalResource<Result<ArticleIndex, SourceError>>);

impl SiteIndex {
    pub fn new(config: Config) -> SiteIndex {
        SiteIndex(LocalResource::new(move || {
            let config = config.clone();
            async move { crate::source::load_index(&config).await }
        }))
    }
}

/// The document title follows the article: its title, "Article not found", or the site's name.
#[component]
fn ArticleTitle(article: LocalResource<Result<Article, SourceError>>, strings: &'static Strings) -> impl IntoView {
    let text = move || {
        article.with(|loaded| match loaded {
            Some(Ok(article)) => format!("{} — {}", article.title, strings.site_name),
            Some(Err(SourceError::NotFound)) => format!("{} — {}", strings.not_found_heading, strings.site_name),
            _ => strings.site_name.to_owned(),
        })
    };
    view! { <Title text/> }
}

/// The slug of the article once it has loaded, so the list of other articles can leave it out.
fn loaded_slug(article: LocalResource<Result<Article, SourceError>>) -> Signal<Option<String>> {
    Signal::derive(move || article.with(|loaded| loaded.as_ref()?.as_ref().ok().map(|a| a.slug.clone())))
}
