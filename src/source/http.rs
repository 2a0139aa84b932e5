//! One way to make a request: a time-out, abort when dropped, and the answer's status, headers and
//! body. Everything that talks HTTP goes through here.

use futures::future::{select, Either};
use gloo_net::http::{Method, RequestBuilder};
use web_sys::{AbortController, RequestCredentials};

/// An answer from the server, whatever its status.
pub struct Answer {
    pub status: u16,
    pub body: String,
    headers: gloo_net::http::Headers,
}

impl Answer {
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers.get(name)
    }

    /// An HTML page where a data file was asked for: what a host that answers every unknown
    /// address with its `index.html` (status 200) sends for a file that does not exist.
    pub fn is_html_page(&self) -> bool {
        self.header("Content-Type").is_some_and(|kind| kind.trim_start().to_ascii_lowercase().starts_with("text/html"))
    }
}

/// Why there is no answer at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoAnswer {
    /// Offline, DNS, CORS, connection refused.
    Unreachable(String),
    TimedOut,
}

/// A request to send.
pub struct Call<'a> {
    pub method: Method,
    pub url: &'a str,
    /// Sent as `application/json`.
    pub json: Option<String>,
    /// Send cookies to another origin (the comments server's edit cookie).
    pub credentials: bool,
    pub timeout_ms: u32,
    /// Sent as `Authorization: Bearer …` (a signed-in reader's token).
    pub bearer: Option<&'a str>,
}

impl<'a> Call<'a> {
    pub fn get(url: &'a str, timeout_ms: u32) -> Call<'a> {
        Call { method: Method::GET, url, json: None, credentials: false, timeout_ms, bearer: None }
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

/// `a=1&b=x+y` as decoded pairs.
fn query_pairs(query: &str) -> Vec<(String, String)> {
    let decode = |text: &str| {
        js_sys::decode_uri_component(&text.replace('+', " ")).ok().and_then(|s| s.as_string()).unwrap_or_else(|| text.to_owned())
    };
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key), decode(value))
        })
        .collect()
}

pub async fn send(call: Call<'_>) -> Result<Answer, NoAnswer> {
    let controller = AbortOnDrop(AbortController::new().ok());
    let signal = controller.0.as_ref().map(AbortController::signal);
    // gloo-net re-writes a URL's query (and adds a stray `&` to one it did not build), so the query
    // goes through its own parameters: the request's URL is then exactly the one asked for, which
    // lets a page's `<link rel=preload>` of the same URL answer it.
    let (address, query) = call.url.split_once('?').unwrap_or((call.url, ""));
    let mut builder = RequestBuilder::new(address).method(call.method).abort_signal(signal.as_ref());
    let pairs = query_pairs(query);
    if !pairs.is_empty() {
        builder = builder.query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    }
    if call.credentials {
        builder = builder.credentials(RequestCredentials::Include);
    }
    if let Some(token) = call.bearer {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    let timeout_ms = call.timeout_ms;
    let request = async move {
        let request = match call.json {
            Some(body) => builder.header("Content-Type", "application/json").body(body),
            None => builder.build(),
        }
        .map_err(|error| NoAnswer::Unreachable(error.to_string()))?;
        let response = request.send().await.map_err(|error| NoAnswer::Unreachable(error.to_string()))?;
        let body = response.text().await.map_err(|error| NoAnswer::Unreachable(error.to_string()))?;
        Ok(Answer { status: response.status(), body, headers: response.headers() })
    };
    match select(std::pin::pin!(request), gloo_timers::future::TimeoutFuture::new(timeout_ms)).await {
        Either::Left((result, _)) => result,
        Either::Right(_) => Err(NoAnswer::TimedOut),
    }
}
