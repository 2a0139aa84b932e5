//! Comment stores: where a thread comes from and where new comments go. The views use one
//! interface, [`CommentStore`], whichever store the configuration names.

pub mod isso_format;
pub mod waline_format;
pub mod thread_file;

/// Top-level comments per page, and replies shown under each before "Show more replies".
pub const PAGE_SIZE: u32 = 20;
pub const REPLIES_SHOWN: u32 = 3;

#[cfg(feature = "views")]
mod isso;
#[cfg(feature = "views")]
mod local;
#[cfg(feature = "views")]
mod store;
#[cfg(feature = "views")]
mod waline;
#[cfg(feature = "views")]
mod waline_html;

#[cfg(feature = "views")]
pub use isso::IssoStore;
#[cfg(feature = "views")]
pub use local::LocalStore;
#[cfg(feature = "views")]
pub use store::{CommentError, CommentStore, Editable, TIMEOUT_MS};
#[cfg(feature = "views")]
pub use waline::WalineStore;
#[cfg(feature = "views")]
pub use waline_html::comment_html;

#[cfg(feature = "views")]
mod any {
    use super::*;
    use crate::config::{CommentsConfig, Config};
    use crate::model::{Comment, NewComment, SortOrder, ThreadPage};

    /// The configured store, chosen at run time from [`CommentsConfig`].
    #[derive(Clone)]
    pub enum AnyStore {
        Local(LocalStore),
        Isso(IssoStore),
        Waline(WalineStore),
    }

    impl AnyStore {
        /// The store for the article `slug` titled `title`; `None` when comments are off.
        pub fn for_article(config: &Config, slug: &str, title: &str) -> Option<AnyStore> {
            let thread = config.post_path(slug);
            match &config.comments {
                CommentsConfig::Off => None,
                CommentsConfig::Local => Some(AnyStore::Local(LocalStore::new(config.comments_url(slug), thread))),
                CommentsConfig::Isso { endpoint } => {
                    Some(AnyStore::Isso(IssoStore::new(endpoint.clone(), thread, title.to_owned())))
                }
                CommentsConfig::Waline { server } => Some(AnyStore::Waline(WalineStore::new(server.clone(), thread))),
            }
        }
    }

    macro_rules! each {
        ($self:ident, $store:ident => $body:expr) => {
            match $self {
                AnyStore::Local($store) => $body,
                AnyStore::Isso($store) => $body,
                AnyStore::Waline($store) => $body,
            }
        };
    }

    impl CommentStore for AnyStore {
        async fn load(&self, sort: SortOrder, offset: u32) -> Result<ThreadPage, CommentError> {
            each!(self, s => s.load(sort, offset).await)
        }
        async fn load_replies(&self, parent: &str, offset: u32) -> Result<(Vec<Comment>, u32), CommentError> {
            each!(self, s => s.load_replies(parent, offset).await)
        }
        async fn post(&self, parent: Option<&str>, comment: &NewComment) -> Result<Comment, CommentError> {
            each!(self, s => s.post(parent, comment).await)
        }
        async fn edit(&self, id: &str, comment: &NewComment) -> Result<Comment, CommentError> {
            each!(self, s => s.edit(id, comment).await)
        }
        async fn delete(&self, id: &str) -> Result<Option<Comment>, CommentError> {
            each!(self, s => s.delete(id).await)
        }
        async fn like(&self, id: &str, on: bool) -> Result<u32, CommentError> {
            each!(self, s => s.like(id, on).await)
        }
        fn editable(&self, comment: &Comment) -> Editable {
            each!(self, s => s.editable(comment))
        }
        fn liked(&self, id: &str) -> bool {
            each!(self, s => s.liked(id))
        }
        fn keeps_comments_locally(&self) -> bool {
            each!(self, s => s.keeps_comments_locally())
        }
        fn takes_likes_back(&self) -> bool {
            each!(self, s => s.takes_likes_back())
        }
        fn has_accounts(&self) -> bool {
            each!(self, s => s.has_accounts())
        }
        fn signed_in_as(&self) -> Option<String> {
            each!(self, s => s.signed_in_as())
        }
        async fn sign_in(&self, email: &str, password: &str) -> Result<String, CommentError> {
            each!(self, s => s.sign_in(email, password).await)
        }
        fn sign_out(&self) {
            each!(self, s => s.sign_out())
        }
    }
}

#[cfg(feature = "views")]
pub use any::AnyStore;
