//! `/posts/<slug>`: one article by its slug (and, without one, the app's "Page not found").

use leptos::prelude::*;
use leptos_router::params::ParamsMap;

use super::{ArticleTitle, MoreArticles, SiteIndex};
use crate::config::Config;
use crate::source::load_article;
use crate::view::ArticleLoader;

#[component]
pub fn PostPage() -> impl IntoView {
    let config = expect_context::<Config>();
    let site = expect_context::<SiteIndex>();
    let strings = site.strings();
    // The route's parameters (`use_params_map` without its panic): none when this is the app's
    // fallback for any other address, which has no page at all.
    let params = use_context::<ArcMemo<ParamsMap>>();
    let page = params.is_none();
    let article = LocalResource::new({
        let config = config.clone();
        move || {
            let config = config.clone();
            let slug = params.as_ref().and_then(|p| p.read().get("slug")).unwrap_or_default();
            async move {
                let loaded = load_article(&config, &slug).await;
                // A page that explains a failure speaks the site's language: have its index first
                // (already on its way; a failed index just leaves English).
                if loaded.is_err() {
                    let _ = site.0.await;
                }
                loaded
            }
        }
    });
    view! {
        <ArticleTitle article strings/>
        <ArticleLoader article strings home=config.home_path().to_owned() page/>
        <MoreArticles article/>
    }
}
