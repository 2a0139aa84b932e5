//! `/posts/<slug>`: one article by its slug.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::{loaded_slug, ArticleTitle, MoreArticles};
use crate::config::Config;
use crate::source::load_article;
use crate::strings::EN;
use crate::view::ArticleLoader;

#[component]
pub fn PostPage() -> impl IntoView {
    let config = expect_context::<Config>();
    let params = use_params_map();
    let article = LocalResource::new({
        let config = config.clone();
        move || {
            let config = config.clone();
            let slug = params.read().get("slug").unwrap_or_default();
            async move { load_article(&config, &slug).await }
        }
    });
    view! {
        <ArticleTitle article strings=&EN/>
        <ArticleLoader article strings=&EN home=config.home_path().to_owned()/>
        <MoreArticles current=loaded_slug(article)/>
    }
}
