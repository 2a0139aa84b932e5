//! One way to fetch a file (`fetch_text`: timeout, abort on drop, status mapping) and one function
//! per resource the views need.

use futures::future::{select, Either};
use gloo_net::http::Request;
use web_sys::AbortController;

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
    let url = config.article_url(slug);
    let text = fetch_text(&url, config.fetch_timeout_ms).await?;
    let (article, warnings) = Article::from_json(&text)?;
    report(&url, &warnings);
    Ok(article)
}

/// Tells the article's author, in the console, what was left out of their file and why.
fn report(url: &str, warnings: &Warnings) {
    for warning in warnings {
        web_sys::console::warn_1(&format!("Broadsheet: {url}: {warning}").into());
    }
}

/// Cancels the request when dropped, so a page that is left (or a retry) does not leave it running.
struct AbortOnDrop(Option<AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = &self.0 {
            controller.abort();
        }
    }
}

/// GETs `url` and returns its body, or the reason it could not.
async fn fetch_text(url: &str, timeout_ms: u32) -> Result<String, SourceError> {
    let controller = AbortOnDrop(AbortController::new().ok());
    let signal = controller.0.as_ref().map(AbortController::signal);
    let request = async move {
        let response = Request::get(url)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|error| SourceError::Offline(error.to_string()))?;
        if !response.ok() {
            return Err(SourceError::from_status(response.status()));
        }
        response.text().await.map_err(|error| SourceError::Offline(error.to_string()))
    };
    let timeout = gloo_timers::future::TimeoutFuture::new(timeout_ms);
    match select(std::pin::pin!(request), timeout).await {
        Either::Left((result, _)) => result,
        Either::Right(_) => Err(SourceError::Timeout(timeout_ms)),
    }
}
