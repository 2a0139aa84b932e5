//! The outside world in: HTTP requests for index, article and comment files and the comments
//! server, turned into `model` values or errors a reader can be told about. Nothing here renders.
//! The format adapters compile natively (tested with `cargo test --no-default-features`); the
//! parts that talk to the browser need the `csr` feature.

pub mod comments;
#[cfg(feature = "views")]
mod error;
#[cfg(feature = "views")]
pub(crate) mod fetch;
#[cfg(feature = "views")]
pub(crate) mod http;
#[cfg(feature = "views")]
pub mod storage;

#[cfg(feature = "views")]
pub use error::SourceError;
#[cfg(feature = "views")]
pub use fetch::{load_article, load_article_at, load_index};
