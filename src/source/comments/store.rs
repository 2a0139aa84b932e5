//! The one interface the comment views use, whichever store is configured.

use crate::model::{Comment, FormatError, NewComment, SortOrder, ThreadPage};
use crate::source::http::NoAnswer;
use crate::strings::{fill, Strings};

pub use super::PAGE_SIZE;
/// A comments server that has not answered in this time is reported as slow.
pub const TIMEOUT_MS: u32 = 10_000;

/// Whether the reader may change a comment now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Editable {
    Yes,
    /// It was the reader's, but the server's edit window has closed.
    WindowClosed,
    /// The reader posted it without signing in, on a server where only accounts may change
    /// comments (Waline): it can never be changed from here.
    PostedSignedOut,
    No,
}

/// Why a comment operation failed, in terms the view can explain.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum CommentError {
    #[error("the comments server could not be reached: {0}")]
    Unreachable(String),
    #[error("the comments server did not answer in time")]
    TimedOut,
    /// The server said no (4xx), with its own reason when it gave one.
    #[error("refused ({status}): {reason:?}")]
    Refused { status: u16, reason: Option<String> },
    /// Edit or delete refused: the edit window closed, or the browser dropped the server's cookie.
    #[error("editing is not possible")]
    EditRefused,
    #[error("server error ({0})")]
    Server(u16),
    #[error("malformed answer: {0}")]
    Malformed(#[from] FormatError),
    /// This browser would not keep the comment (no storage, or storage full).
    #[error("this browser's storage is unavailable")]
    Storage,
    /// The comments server did not accept this email and password.
    #[error("sign-in refused")]
    SignInFailed,
    /// Changing a comment needs a sign-in that this browser no longer has (signed out, session over).
    #[error("sign in first")]
    SignInNeeded,
    /// The comment belongs to another account.
    #[error("not this reader's comment")]
    NotYours,
}

/// A request that got no answer at all (offline, refused connection, timeout).
impl From<NoAnswer> for CommentError {
    fn from(no: NoAnswer) -> CommentError {
        match no {
            NoAnswer::Unreachable(why) => CommentError::Unreachable(why),
            NoAnswer::TimedOut => CommentError::TimedOut,
        }
    }
}

impl CommentError {
    pub fn explain(&self, strings: &Strings) -> String {
        match self {
            CommentError::Unreachable(_) => strings.comments_unreachable.to_owned(),
            CommentError::TimedOut => strings.comments_timeout.to_owned(),
            CommentError::Refused { reason: Some(reason), .. } => fill(strings.comments_refused_because, &[("reason", reason)]),
            CommentError::Refused { status, reason: None } => {
                fill(strings.comments_refused, &[("status", &status.to_string())])
            }
            CommentError::EditRefused => strings.comments_edit_refused.to_owned(),
            CommentError::Server(status) => fill(strings.comments_server_error, &[("status", &status.to_string())]),
            CommentError::Malformed(error) => fill(strings.comments_malformed, &[("what", &error.to_string())]),
            CommentError::Storage => strings.comments_storage.to_owned(),
            CommentError::SignInFailed => strings.sign_in_failed.to_owned(),
            CommentError::SignInNeeded => strings.sign_in_needed.to_owned(),
            CommentError::NotYours => strings.not_yours.to_owned(),
        }
    }
}

/// A place comments come from and go to. Implemented by the local store (a static thread file plus
/// this browser's storage) and by Isso; the views see only this.
#[allow(async_fn_in_trait)] // used with concrete types only (see `AnyStore`), never as `dyn`
pub trait CommentStore {
    /// A page of top-level comments, `offset` of them skipped, each with its first replies.
    async fn load(&self, sort: SortOrder, offset: u32) -> Result<ThreadPage, CommentError>;
    /// More replies of `parent`, `offset` skipped: the replies and how many remain after them.
    async fn load_replies(&self, parent: &str, offset: u32) -> Result<(Vec<Comment>, u32), CommentError>;
    /// Posts a comment, a reply when `parent` is given. The answer is the stored comment.
    async fn post(&self, parent: Option<&str>, comment: &NewComment) -> Result<Comment, CommentError>;
    async fn edit(&self, id: &str, comment: &NewComment) -> Result<Comment, CommentError>;
    /// Deletes; `Some` placeholder when the comment stays because it has replies.
    async fn delete(&self, id: &str) -> Result<Option<Comment>, CommentError>;
    /// Likes (`on`), or takes a like back (where [`CommentStore::takes_likes_back`]); the answer
    /// is the new count.
    async fn like(&self, id: &str, on: bool) -> Result<u32, CommentError>;
    /// Whether this reader may edit and delete `comment` now.
    fn editable(&self, comment: &Comment) -> Editable;
    /// Whether this reader already liked `id` (the button is then pressed).
    fn liked(&self, id: &str) -> bool;
    /// Where a reader's comments go, for the form's note ("Saved in this browser only").
    fn keeps_comments_locally(&self) -> bool;
    /// Whether pressing a pressed Like takes it back (else the server judges a second like).
    fn takes_likes_back(&self) -> bool {
        false
    }
    /// Whether readers sign in to an account on the comments server to change their comments.
    fn has_accounts(&self) -> bool {
        false
    }
    /// The name of the account this reader is signed in to, in this browser session.
    fn signed_in_as(&self) -> Option<String> {
        None
    }
    /// Signs in; the answer is the account's name.
    async fn sign_in(&self, _email: &str, _password: &str) -> Result<String, CommentError> {
        Err(CommentError::SignInFailed)
    }
    fn sign_out(&self) {}
}
