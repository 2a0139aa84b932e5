//! The comments section: the thread under the article, its sort and paging, and the forms to
//! post, reply and edit, all through one [`CommentStore`](crate::source::comments::CommentStore).

mod account;
mod body;
mod comment;
mod form;
mod identicon;
mod relative_time;
mod thread;

pub use form::CarriedDraft;
pub use thread::{CommentsSection, InitialThread};
