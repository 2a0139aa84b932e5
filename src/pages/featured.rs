//! `/`: the featured article.

use leptos::prelude::*;

use super::{ArticleTitle, MoreArticles, SiteIndex};
use crate::config::Config;
use crate::source::{load_article, SourceError};
use crate::view::ArticleLoader;

#[component]
pub fn FeaturedPage() -> impl IntoView {
    let config = expect_context::<Config>();
    let site = expect_context::<SiteIndex>();
    let strings = site.strings();
    let index = site.0;
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
        <ArticleTitle article strings/>
        <ArticleLoader article strings home=config.home_path().to_owned() on_retry=retry/>
        <MoreArticles article/>
    }
}
