//! The content model: plain Rust, no browser. Everything read from outside becomes these types or a
//! [`FormatError`] that names the field at fault.

mod article;
mod error;
mod gallery;
mod image;
mod index;
mod markdown;
mod timestamp;
mod url;

pub use article::{is_valid_slug, Article, Author, Block, Warnings, FORMAT_VERSION};
pub use error::FormatError;
pub use gallery::GalleryPosition;
pub(crate) use error::{parse_json, parse_value};
pub use image::{Image, ImageSource};
pub use index::{ArticleIndex, IndexEntry};
pub use markdown::{Inline, RichText};
pub use timestamp::Timestamp;
pub use url::SafeUrl;

#[cfg(test)]
mod tests;
