//! Leptos components that render `model` values. No browser API runs during render (effects and event
//! handlers only), and nothing queries the global `document`, so every component also works inside a
//! shadow root and, later, when rendered to HTML natively.

mod article;
mod comments;
pub(crate) mod date;
mod deep_link;
mod figure;
mod gallery;
mod lazy;
mod lightbox;
mod lightbox_handle;
mod loader;
mod other_articles;
mod rich_text;
mod states;
mod translations;

pub use article::ArticleView;
pub use comments::{CarriedDraft, CommentsSection, InitialThread};
pub use date::LocalDate;
pub use figure::FigureView;
pub use gallery::Gallery;
pub use lazy::{ChunkFailed, LazyComments, LazyLightbox};
#[cfg(feature = "csr")]
pub use lazy::{on_idle, when_near_or_idle};
pub use lightbox::Lightbox;
pub use lightbox_handle::LightboxHandle;
pub use loader::ArticleLoader;
pub use other_articles::OtherArticles;
pub use rich_text::RichTextView;
pub use states::{ArticleSkeleton, LoadError, NotFound};
pub use translations::{own_name, TranslationLinks};
