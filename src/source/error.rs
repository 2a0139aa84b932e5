//! What can go wrong between the reader and a file.

use crate::model::FormatError;
use crate::strings::{fill, Strings};

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SourceError {
    /// The request never got an answer: offline, DNS, CORS, connection refused.
    #[error("network error: {0}")]
    Offline(String),
    #[error("no answer within {0} ms")]
    Timeout(u32),
    #[error("not found (404)")]
    NotFound,
    #[error("server error ({0})")]
    Server(u16),
    /// Any other answer that is not a success (403, 410, 429…).
    #[error("refused ({0})")]
    Refused(u16),
    #[error("malformed file: {0}")]
    Malformed(#[from] FormatError),
    /// The index lists nothing, so there is no featured article.
    #[error("the index lists no articles")]
    NoArticles,
}

impl SourceError {
    /// What to tell the reader, in their words (no stack traces, no jargon beyond an error number).
    pub fn explain(&self, strings: &Strings) -> String {
        match self {
            SourceError::Offline(_) => strings.error_offline.to_owned(),
            SourceError::Timeout(_) => strings.error_timeout.to_owned(),
            SourceError::NotFound => strings.not_found_text.to_owned(),
            SourceError::Server(status) => fill(strings.error_server, &[("status", &status.to_string())]),
            SourceError::Refused(status) => fill(strings.error_refused, &[("status", &status.to_string())]),
            SourceError::Malformed(format) => fill(strings.error_malformed, &[("what", &format.to_string())]),
            SourceError::NoArticles => strings.error_no_articles.to_owned(),
        }
    }

    pub fn from_status(status: u16) -> SourceError {
        match status {
            404 => SourceError::NotFound,
            500..=599 => SourceError::Server(status),
            _ => SourceError::Refused(status),
        }
    }
}
