//! What the reader sees while an article loads, when it cannot be shown, and when it does not exist.

use leptos::prelude::*;

use crate::source::SourceError;
use crate::strings::Strings;

/// Grey blocks in the shape of an article, so the page does not jump when the text arrives.
#[component]
pub fn ArticleSkeleton(strings: &'static Strings) -> impl IntoView {
    view! {
        <div class="article skeleton" aria-busy="true">
            <p class="visually-hidden" role="status">{strings.loading_article}</p>
            <div class="skeleton-line skeleton-label"></div>
            <div class="skeleton-line skeleton-title"></div>
            <div class="skeleton-line skeleton-title skeleton-short"></div>
            <div class="skeleton-line skeleton-meta"></div>
            <div class="skeleton-block"></div>
            <div class="skeleton-line"></div>
            <div class="skeleton-line"></div>
            <div class="skeleton-line skeleton-short"></div>
        </div>
    }
}

/// The reason an article could not be shown, announced to screen readers, with a way forward.
#[component]
pub fn LoadError(
    error: SourceError,
    strings: &'static Strings,
    /// Called by the "Try again" button.
    on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="load-error" role="alert">
            <h1>{strings.error_heading}</h1>
            <p>{error.explain(strings)}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>{strings.try_again}</button>
        </div>
    }
}

/// "Article not found" (or a generic page-not-found), with a link to the featured article.
#[component]
pub fn NotFound(
    strings: &'static Strings,
    /// Where "home" is (the site root); no link when there is no home (inside a widget).
    #[prop(into)]
    home: Option<String>,
    /// An article was asked for, as opposed to some other address.
    #[prop(optional)]
    article: bool,
) -> impl IntoView {
    let (heading, text) = if article {
        (strings.not_found_heading, strings.not_found_text)
    } else {
        (strings.page_not_found_heading, strings.page_not_found_text)
    };
    view! {
        <div class="not-found">
            <h1>{heading}</h1>
            <p>{text}</p>
            {home.map(|home| view! { <p><a class="button" href=home>{strings.back_home}</a></p> })}
        </div>
    }
}
