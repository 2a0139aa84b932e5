//! `/`: the featured article.

use leptos::prelude::*;

use super::{loaded_slug, ArticleTitle, MoreArticles, SiteIndex};
use crate::config::Config;
use crate::source::{load_article, SourceError};
use crate::strings::EN;
use crate::view::ArticleLoader;

#[component]
pub fn FeaturedPage() -> impl IntoView {
    let config = expect_context::<Config>();
    let index = expect_context::<SiteIndex>().0;
    let article = LocalResource::new({
        let config = config.clone();
        move || {
            let config = config.clone();
            async move {
                let index = index.await?;
                let entry = index.featured().ok_or(SourceError::NoArticles)?;
                load_article(&config, &entry.slug).await
            }
        }
    });
    // The index may be what failed: fetch both again.
    let retry = Callback::new(move |()| {
        index.refetch();
        article.refetch();
    });
    view! {
        <ArticleTitle article strings=&EN/>
        <ArticleLoader article strings=&EN home=config.home_path().to_owned() on_retry=retry/>
        <MoreArticles current=loaded_slug(article)/>
    }
}
