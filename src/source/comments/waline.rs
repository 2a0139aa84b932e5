//! Waline 1.39 over its REST API (`api/comment`, `api/token`), any of its nodes or their load
//! balancer: the nodes keep nothing of their own, so the store needs no affinity. Waline remembers
//! neither who liked a comment nor which anonymous reader wrote one: this browser keeps its likes
//! and its comments awaiting moderation, and changing a comment needs a Waline account, signed in
//! with email and password for this browser session only (`sessionStorage`, never `localStorage`).

use gloo_net::http::Method;

use super::isso_format::encode_query_value;
use super::store::{CommentError, CommentStore, Editable, TIMEOUT_MS};
use super::waline_format::{
    parse_comment, parse_deleted, parse_sign_in, parse_thread, refusal, thread_page_query, Account, Failure, Refused,
};
use super::waline_html::comment_html;
use crate::json::Value;
use crate::model::{Comment, CommentState, FormatError, NewComment, Node, SortOrder, ThreadPage};
use crate::source::http::{send, Answer, Call};
use crate::source::storage::{self, session, Stored};

#[derive(Clone)]
pub struct WalineStore {
    /// Ends in `/`; `api/…` is under it.
    server: String,
    /// The thread's `url` on the server: the article's path.
    path: String,
}

/// What this browser remembers of a comment it posted while signed out.
#[derive(Clone)]
struct Posted {
    id: String,
    /// Kept while it awaits moderation: nobody, not even its author, is shown it by Waline.
    pending: Option<PendingComment>,
}

#[derive(Clone)]
struct PendingComment {
    parent: Option<String>,
    author: Option<String>,
    /// Waline's HTML for it, read again through the allow-list when shown.
    html: String,
    source: String,
    created: f64,
}

impl Stored for Posted {
    fn to_value(&self) -> Value {
        let pending = self.pending.as_ref().map(|p| {
            Value::object([
                ("parent", p.parent.as_deref().map(Value::from)),
                ("author", p.author.as_deref().map(Value::from)),
                ("html", Some(p.html.as_str().into())),
                ("source", Some(p.source.as_str().into())),
                ("created", Some(p.created.into())),
            ])
        });
        Value::object([("id", Some(self.id.as_str().into())), ("pending", pending)])
    }

    fn read(node: &Node) -> Result<Self, FormatError> {
        let pending = node.get("pending").optional(|p| {
            Ok(PendingComment {
                parent: p.get("parent").opt_string()?,
                author: p.get("author").opt_string()?,
                html: p.get("html").str()?.to_owned(),
                source: p.get("source").opt_string()?.unwrap_or_default(),
                created: p.get("created").f64()?,
            })
        })?;
        Ok(Posted { id: node.get("id").str()?.to_owned(), pending })
    }
}

impl Stored for Account {
    fn to_value(&self) -> Value {
        Account::to_value(self)
    }

    fn read(node: &Node) -> Result<Self, FormatError> {
        Account::read(node)
    }
}

impl WalineStore {
    pub fn new(server: String, path: String) -> WalineStore {
        WalineStore { server, path }
    }

    fn session_key(&self) -> String {
        format!("broadsheet:waline-session:{}", self.server)
    }

    fn liked_key(&self) -> String {
        format!("broadsheet:waline-liked:{}", self.server)
    }

    fn posted_key(&self) -> String {
        format!("broadsheet:waline-posted:{}{}", self.server, self.path)
    }

    fn account(&self) -> Option<Account> {
        session::read(&self.session_key())
    }

    fn liked_ids(&self) -> Vec<String> {
        storage::read(&self.liked_key()).unwrap_or_default()
    }

    fn posted(&self) -> Vec<Posted> {
        storage::read(&self.posted_key()).unwrap_or_default()
    }

    fn forget(&self, id: &str) {
        let posted: Vec<Posted> = self.posted().into_iter().filter(|p| p.id != id).collect();
        storage::write(&self.posted_key(), &posted);
    }

    /// One request; Waline's own refusals (HTTP 200 with `errno`, or 401/403 with a JSON reason)
    /// come back as the answer's body for the caller to read.
    async fn call(&self, method: Method, path_and_query: &str, json: Option<String>, signed_in: bool) -> Result<Answer, CommentError> {
        let url = format!("{}{path_and_query}", self.server);
        let token = signed_in.then(|| self.account()).flatten().map(|account| account.token);
        let answer = send(Call { method, url: &url, json, credentials: false, timeout_ms: TIMEOUT_MS, bearer: token.as_deref() })
            .await?;
        match answer.status {
            200..=299 => Ok(answer),
            401 => {
                // A token Waline no longer accepts (its secret changed, the account was removed).
                if token.is_some() {
                    session::remove(&self.session_key());
                }
                Err(CommentError::SignInNeeded)
            }
            403 if signed_in => Err(CommentError::NotYours),
            500..=599 => Err(CommentError::Server(answer.status)),
            status => Err(CommentError::Refused { status, reason: refusal(&answer.body).and_then(|r| r.reason) }),
        }
    }

    fn pending_comments(&self) -> Vec<(String, PendingComment)> {
        self.posted().into_iter().filter_map(|p| p.pending.map(|pending| (p.id, pending))).collect()
    }
}

fn failure(error: Failure) -> CommentError {
    match error {
        Failure::Malformed(error) => CommentError::Malformed(error),
        Failure::Refused(Refused { reason, .. }) => CommentError::Refused { status: 200, reason },
    }
}

fn numeric_id(id: &str) -> Option<i64> {
    id.parse().ok()
}

fn user_agent() -> String {
    web_sys::window().and_then(|w| w.navigator().user_agent().ok()).unwrap_or_default()
}

impl CommentStore for WalineStore {
    async fn load(&self, sort: SortOrder, offset: u32) -> Result<ThreadPage, CommentError> {
        // Signed in, Waline also lists the reader's own comments that await moderation.
        let answer = self.call(Method::GET, &thread_page_query(&self.path, sort, offset), None, true).await?;
        let mut page = parse_thread(&answer.body, &comment_html).map_err(failure)?;
        if offset == 0 {
            for (id, pending) in self.pending_comments() {
                if page.lists(&id) {
                    continue;
                }
                let comment = Comment::awaiting_moderation(
                    id,
                    pending.parent,
                    pending.author,
                    comment_html(&pending.html),
                    pending.source,
                    pending.created,
                );
                page.show_pending(comment);
            }
        }
        Ok(page)
    }

    /// Waline sends every reply with its top-level comment: there are never more to load.
    async fn load_replies(&self, _parent: &str, _offset: u32) -> Result<(Vec<Comment>, u32), CommentError> {
        Ok((Vec::new(), 0))
    }

    async fn post(&self, parent: Option<&str>, comment: &NewComment) -> Result<Comment, CommentError> {
        let parent_id = parent.and_then(numeric_id);
        let number = |id: Option<i64>| id.map(|id| Value::Number(id as f64));
        // Our threads nest two levels: a reply answers its top-level comment (`pid` = `rid`).
        let json = Value::object([
            ("comment", Some(comment.text.as_str().into())),
            ("url", Some(self.path.as_str().into())),
            ("nick", Some(comment.author.as_deref().unwrap_or_default().into())),
            ("mail", Some(comment.email.as_deref().unwrap_or_default().into())),
            ("link", Some(comment.website.as_deref().unwrap_or_default().into())),
            ("ua", Some(user_agent().into())),
            ("pid", number(parent_id)),
            ("rid", number(parent_id)),
        ])
        .to_json();
        let answer = self.call(Method::POST, "api/comment", Some(json), true).await?;
        let posted = parse_comment(&answer.body, &comment_html).map_err(failure)?;
        if posted.owner.is_none() {
            let pending = (posted.state == CommentState::AwaitingModeration).then(|| PendingComment {
                parent: posted.parent.clone(),
                author: posted.author.clone(),
                html: super::waline_format::comment_html_of(&answer.body).unwrap_or_default(),
                source: comment.text.clone(),
                created: posted.created,
            });
            let mut all = self.posted();
            all.push(Posted { id: posted.id.clone(), pending });
            storage::write(&self.posted_key(), &all);
        }
        Ok(posted)
    }

    async fn edit(&self, id: &str, comment: &NewComment) -> Result<Comment, CommentError> {
        if self.account().is_none() {
            return Err(CommentError::SignInNeeded);
        }
        let json = Value::object([("comment", Some(comment.text.as_str().into()))]).to_json();
        let answer = self.call(Method::PUT, &format!("api/comment/{}", encode_query_value(id)), Some(json), true).await?;
        let mut edited = parse_comment(&answer.body, &comment_html).map_err(failure)?;
        edited.modified = Some(storage::now_seconds());
        Ok(edited)
    }

    async fn delete(&self, id: &str) -> Result<Option<Comment>, CommentError> {
        if self.account().is_none() {
            return Err(CommentError::SignInNeeded);
        }
        let answer = self.call(Method::DELETE, &format!("api/comment/{}", encode_query_value(id)), None, true).await?;
        parse_deleted(&answer.body).map_err(failure)?;
        self.forget(id);
        // Waline deletes the replies with it: nothing stays in its place.
        Ok(None)
    }

    async fn like(&self, id: &str, on: bool) -> Result<u32, CommentError> {
        // Exactly `{"like": …}`: Waline lets anyone like, and only like, with that body.
        let json = Value::object([("like", Some(on.into()))]).to_json();
        let answer = self.call(Method::PUT, &format!("api/comment/{}", encode_query_value(id)), Some(json), false).await?;
        let liked = parse_comment(&answer.body, &|_| Default::default()).map_err(failure)?;
        let mut ids: Vec<String> = self.liked_ids().into_iter().filter(|l| l != id).collect();
        if on {
            ids.push(id.to_owned());
        }
        storage::write(&self.liked_key(), &ids);
        Ok(liked.likes)
    }

    fn editable(&self, comment: &Comment) -> Editable {
        match (self.account(), &comment.owner) {
            (Some(account), _) if account.administrator => Editable::Yes,
            (Some(account), Some(owner)) if account.id == *owner => Editable::Yes,
            _ if comment.owner.is_none() && self.posted().iter().any(|p| p.id == comment.id) => Editable::PostedSignedOut,
            _ => Editable::No,
        }
    }

    fn liked(&self, id: &str) -> bool {
        self.liked_ids().iter().any(|l| l == id)
    }

    fn keeps_comments_locally(&self) -> bool {
        false
    }

    fn takes_likes_back(&self) -> bool {
        true
    }

    fn has_accounts(&self) -> bool {
        true
    }

    fn signed_in_as(&self) -> Option<String> {
        self.account().map(|account| if account.name.trim().is_empty() { account.email } else { account.name })
    }

    async fn sign_in(&self, email: &str, password: &str) -> Result<String, CommentError> {
        let json = Value::object([("email", Some(email.into())), ("password", Some(password.into()))]).to_json();
        let answer = self.call(Method::POST, "api/token", Some(json), false).await?;
        let account = match parse_sign_in(&answer.body) {
            Ok(account) => account,
            // Waline refuses a wrong email or password without a reason.
            Err(Failure::Refused(Refused { reason: None, .. })) => return Err(CommentError::SignInFailed),
            Err(other) => return Err(failure(other)),
        };
        if !session::write(&self.session_key(), &account) {
            return Err(CommentError::Storage);
        }
        Ok(self.signed_in_as().unwrap_or_default())
    }

    fn sign_out(&self) {
        session::remove(&self.session_key());
    }
}
