//! One function per site file the views need: the index and the articles.

use super::http::{send, Call, NoAnswer};
use super::SourceError;
use crate::config::Config;
use crate::model::{is_valid_slug, Article, ArticleIndex, Warnings};

/// The articles listed in the site's index.
pub async fn load_index(config: &Config) -> Result<ArticleIndex, SourceError> {
    let text = fetch_text(&config.index_url(), config.fetch_timeout_ms).await?;
    Ok(ArticleIndex::from_json(&text)?)
}

/// One article by slug. An unsafe or unknown slug is [`SourceError::NotFound`].
pub async fn load_article(config: &Config, slug: &str) -> Result<Article, SourceError> {
    if !is_valid_slug(slug) {
        return Err(SourceError::NotFound);
    }
    load_article_at(config, &config.article_url(slug)).await
}

/// The article file at `url` (absolute, or relative to the page). Relative URLs inside it are
/// resolved against `url`.
pub async fn load_article_at(config: &Config, url: &str) -> Result<Article, SourceError> {
    let url = url.to_owned();
    let text = fetch_text(&url, config.fetch_timeout_ms).await?;
    let (mut article, warnings) = Article::from_json(&text)?;
    report(&url, &warnings);
    if let Some(base) = absolute_url(&url, None) {
        article.resolve_urls(&|relative| absolute_url(relative, Some(&base)));
    }
    Ok(article)
}

/// `url` made absolute against `base`, or against the document's base URL.
pub(crate) fn absolute_url(url: &str, base: Option<&str>) -> Option<String> {
    let document_base;
    let base = match base {
        Some(base) => base,
        None => {
            document_base = web_sys::window()?.document()?.base_uri().ok()??;
            &document_base
        }
    };
    web_sys::Url::new_with_base(url, base).ok().map(|url| url.href())
}

/// Tells the article's author, in the console, what was left out of their file and why.
fn report(url: &str, warnings: &Warnings) {
    for warning in warnings {
        web_sys::console::warn_1(&format!("Broadsheet: {url}: {warning}").into());
    }
}

/// GETs a site file and returns its body, or the reason it could not.
pub(crate) async fn fetch_text(url: &str, timeout_ms: u32) -> Result<String, SourceError> {
    let answer = send(Call::get(url, timeout_ms)).await.map_err(|no| match no {
        NoAnswer::Unreachable(why) => SourceError::Offline(why),
        NoAnswer::TimedOut => SourceError::Timeout(timeout_ms),
    })?;
    if !answer.ok() {
        return Err(SourceError::from_status(answer.status));
    }
    // A host that answers unknown addresses with index.html: the file is not there.
    if answer.is_html_page() {
        return Err(SourceError::NotFound);
    }
    Ok(answer.body)
}
