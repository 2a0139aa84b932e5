//! One article resource, shown as skeleton, then article, error or not-found.

use leptos::prelude::*;

use super::{ArticleSkeleton, ArticleView, LoadError, NotFound};
use crate::model::Article;
use crate::source::SourceError;
use crate::strings::Strings;

/// Shows `article` as it loads. The resource is the caller's, so a page can also read it (for the
/// document title) without fetching twice.
#[component]
pub fn ArticleLoader(
    article: LocalResource<Result<Article, SourceError>>,
    /// The words of the loading, error and not-found states (the article speaks its own language).
    #[prop(into)]
    strings: Signal<&'static Strings>,
    /// The site root, for the not-found page's link home (none in a widget).
    #[prop(into)]
    home: Option<String>,
    /// What "Try again" does; by default, fetch the article again.
    #[prop(optional)]
    on_retry: Option<Callback<()>>,
    /// Not found means no page at all at this address (not a missing article).
    #[prop(optional)]
    page: bool,
) -> impl IntoView {
    let retry = on_retry.unwrap_or_else(|| Callback::new(move |()| article.refetch()));
    view! {
        <Suspense fallback=move || view! { <ArticleSkeleton strings=strings.get()/> }>
            {move || {
                let home = home.clone();
                Suspend::new(async move {
                    let loaded = article.await;
                    // Read after the wait: the site's language may have arrived meanwhile.
                    let strings = strings.get_untracked();
                    match loaded {
                        Ok(article) => view! { <ArticleView article/> }.into_any(),
                        Err(SourceError::NotFound) => view! { <NotFound strings home article=!page/> }.into_any(),
                        Err(error) => view! { <LoadError error strings on_retry=retry/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
