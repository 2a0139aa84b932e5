//! The outside world in: HTTP requests for index and article files, turned into `model` values or a
//! [`SourceError`] a reader can be told about. Nothing here renders.

mod error;
mod fetch;

pub use error::SourceError;
pub use fetch::{load_article, load_index};
