//! `/`: the featured article.

use leptos::prelude::*;

use super::{loaded_slug, ArticleTitle, MoreArticles};
use crate::config::Config;
use crate::source::load_featured;
use crate::strings::EN;
use crate::view::ArticleLoader;

#[component]
pub fn FeaturedPage() -> impl IntoView {
    let config = expect_context::<Config>();
    let article = LocalResource::new({
        let config = config.clone();
        move || {
            let config = config.clone();
            async move { load_featured(&config).await }
        }
    });
    view! {
        <ArticleTitle article strings=&EN/>
        <ArticleLoader article strings=&EN home=config.home_path().to_owned()/>
        <MoreArticles current=loaded_slug(article)/>
    }
}
