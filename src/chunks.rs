//! The parts of the WebAssembly loaded on demand, one per thing a reader does: opening a picture,
//! reading and writing comments, and the two ways of showing an article from its JSON (the SPA and
//! the widget). A pre-rendered page needs none of them to show its article.
//!
//! With the `split` feature (the release build, `scripts/build_wasm.sh`) each function is a split
//! point: wasm-split moves it, and whatever only it needs, into a chunk of its own that is fetched on
//! the first call; a failed fetch is a [`ChunkError`], and the next call tries again. Without the
//! feature (trunk serve, component tests) they are plain async functions in one module.

use leptos::prelude::*;

use crate::config::Config;
use crate::json::Value;
use crate::model::{Image, SortOrder};
use crate::source::comments::thread_file::{page_of, read_thread_file};
use crate::source::comments::AnyStore;
use crate::strings::Strings;
use crate::view::{CommentsSection, Lightbox, LightboxHandle};

/// A part of the app could not be fetched (offline, blocked, or a deploy removed its file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkError;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for ChunkError {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> ChunkError {
        ChunkError
    }
}

/// Declares a split function (`chunk`, with its `preload` function) and its unsplit twin.
macro_rules! chunk {
    ($chunk:ident, $preload:ident; $(#[$doc:meta])* pub fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $out:ty $body:block) => {
        $(#[$doc])*
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($chunk, fallible, preload($preload))]
        pub fn $name($($arg: $ty),*) -> Result<$out, ChunkError> {
            Ok($body)
        }

        $(#[$doc])*
        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Result<$out, ChunkError> {
            Ok($body)
        }

        /// Fetches the chunk ahead of need (nothing to do when the module is not split).
        #[cfg(not(feature = "split"))]
        pub async fn $preload() -> Result<(), ChunkError> {
            Ok(())
        }
    };
}

chunk!(lightbox, preload_lightbox;
    /// The lightbox for `images`, opened and closed through `handle`.
    pub fn lightbox_view(images: Vec<Image>, handle: LightboxHandle, strings: &'static Strings, id: String) -> AnyView {
        view! { <Lightbox images handle strings id/> }.into_any()
    }
);

chunk!(comments, preload_comments;
    /// The live comments section of an article rendered in the browser (SPA, widget).
    pub fn comments_view(
        store: AnyStore,
        strings: &'static Strings,
        thread_key: String,
        language: String,
        offset_seconds: i32,
    ) -> AnyView {
        view! { <CommentsSection store strings thread_key language offset_seconds/> }.into_any()
    }
);

chunk!(comments, preload_comments_take_over;
    /// Mounts the live comments section over a pre-rendered page's static one (`static_section`),
    /// starting from the thread the page was built with.
    pub fn take_over_comments(part: crate::enhance::comments::TakeOver) -> () {
        crate::enhance::comments::take_over(part)
    }
);

chunk!(spa, preload_spa;
    /// The single-page app (router, pages, articles rendered from their JSON), mounted into `<body>`.
    pub fn mount_spa(config: Config) -> () {
        leptos::mount::mount_to_body(move || view! { <crate::app::App config/> });
    }
);

chunk!(widget, preload_widget;
    /// One article rendered from its JSON at `src`, for a widget (the configuration is in context);
    /// `strings` speak the widget's language until the article says otherwise.
    pub fn widget_view(config: Config, src: String, strings: &'static Strings) -> AnyView {
        let article = LocalResource::new(move || {
            let (config, src) = (config.clone(), src.clone());
            async move { crate::source::load_article_at(&config, &src).await }
        });
        // A widget has no "home" to link back to.
        let home: Option<String> = None;
        view! { <crate::view::ArticleLoader article strings home/> }.into_any()
    }
);

/// The first page (oldest first) of a thread file a pre-rendered page carries.
pub(crate) fn first_page(thread_file: Option<Value>) -> Option<crate::model::ThreadPage> {
    let mut tree = read_thread_file(&crate::model::Node::root(&thread_file?)).ok()?;
    SortOrder::Oldest.sort(&mut tree);
    Some(page_of(tree, 0))
}
