//! The content model: plain Rust, no browser. Everything read from outside becomes these types or a
//! [`FormatError`] that names the field at fault.

mod article;
mod comment;
mod error;
mod gallery;
pub mod html;
mod identicon;
mod image;
mod index;
mod markdown;
mod page_data;
mod read;
mod markdown_writer;
mod relative_time;
mod timestamp;
mod url;

pub use article::{is_language_tag, is_valid_slug, Article, Author, Block, Translation, Warnings, FORMAT_VERSION};
pub use comment::{
    count_all, nest, Comment, CommentDraft, CommentState, Field, FieldProblem, NewComment, Origin, SortOrder,
    ThreadPage, EMAIL_MAX, NAME_MAX, TEXT_MAX, TEXT_MIN, WEBSITE_MAX,
};
pub use error::FormatError;
pub use gallery::{GalleryPosition, ImageLink};
pub use identicon::Identicon;
pub use image::{Image, ImageSource};
pub use index::{ArticleIndex, IndexEntry};
pub use markdown::{Inline, RichText};
pub use page_data::PageData;
pub use read::Node;
pub use relative_time::{relative_time, RelativeTime};
pub use timestamp::Timestamp;
pub use url::SafeUrl;

#[cfg(test)]
mod tests;
