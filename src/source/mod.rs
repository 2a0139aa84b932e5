//! The outside world in: HTTP requests for index, article and comment files and the comments
//! server, turned into `model` values or errors a reader can be told about. Nothing here renders.
//! The format adapters compile natively (tested with `cargo test --no-default-features`); the
//! parts that talk to the browser need the `csr` feature.

pub mod comments;
#[cfg(feature = "csr")]
mod error;
#[cfg(feature = "csr")]
mod fetch;
#[cfg(feature = "csr")]
pub(crate) mod http;
#[cfg(feature = "csr")]
pub mod storage;

#[cfg(feature = "csr")]
pub use error::SourceError;
#[cfg(feature = "csr")]
pub use fetch::{load_article, load_article_at, load_index};
