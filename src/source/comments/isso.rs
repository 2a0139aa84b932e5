//! Isso 0.14 over its REST API (see `docs/isso-api-notes.md`): JSON bodies (Isso refuses other
//! content types as CSRF), credentials sent so its edit cookie travels, `X-Set-Cookie` read to learn
//! which comments this reader may edit and for how long.

use gloo_net::http::Method;

use super::isso_format::{
    encode_query_value, error_reason, parse_comment, parse_deleted, parse_replies, parse_thread, parse_vote,
    thread_page_query,
};
use super::store::{CommentError, CommentStore, Editable, PAGE_SIZE, TIMEOUT_MS};
use crate::model::{Comment, CommentState, NewComment, RichText, SortOrder, ThreadPage};
use crate::source::http::{send, Answer, Call};
use crate::json::Value;
use crate::model::{FormatError, Node};
use crate::source::storage::{self, Stored};

/// Isso's default edit window, used when its cookie does not say.
const DEFAULT_EDIT_SECONDS: f64 = 900.0;

#[derive(Clone)]
pub struct IssoStore {
    /// Ends in `/`.
    endpoint: String,
    /// The thread's id on the server: the article's path.
    uri: String,
    /// Sent with the first comment, so Isso does not fetch the page to find one.
    title: String,
}

/// Comments this reader posted, with the time their edit window closes (Unix seconds).
type Own = Vec<(String, f64)>;

impl IssoStore {
    pub fn new(endpoint: String, uri: String, title: String) -> IssoStore {
        IssoStore { endpoint, uri, title }
    }

    fn thread_query(&self) -> String {
        format!("uri={}&plain=1", encode_query_value(&self.uri))
    }

    fn own_key(&self) -> String {
        format!("broadsheet:isso-own:{}", self.endpoint)
    }

    /// Pending comments are listed to nobody, not even their author: we keep them to show them.
    fn pending_key(&self) -> String {
        format!("broadsheet:isso-pending:{}{}", self.endpoint, self.uri)
    }

    fn liked_key(&self) -> String {
        format!("broadsheet:isso-liked:{}", self.endpoint)
    }

    fn own(&self) -> Own {
        storage::read(&self.own_key()).unwrap_or_default()
    }

    /// Remembers that this reader may edit `id` until the window Isso's cookie states.
    fn remember_own(&self, id: &str, answer: &Answer) {
        let seconds = answer.header("X-Set-Cookie").and_then(|cookie| max_age(&cookie)).unwrap_or(DEFAULT_EDIT_SECONDS);
        let now = storage::now_seconds();
        let mut own: Own = self.own().into_iter().filter(|(other, until)| other != id && *until > now).collect();
        own.push((id.to_owned(), now + seconds));
        storage::write(&self.own_key(), &own);
    }

    fn forget(&self, id: &str) {
        let own: Own = self.own().into_iter().filter(|(other, _)| other != id).collect();
        storage::write(&self.own_key(), &own);
        let pending: Vec<PendingComment> = self.pending().into_iter().filter(|p| p.id != id).collect();
        storage::write(&self.pending_key(), &pending);
    }

    fn pending(&self) -> Vec<PendingComment> {
        storage::read(&self.pending_key()).unwrap_or_default()
    }

    async fn call(&self, method: Method, path_and_query: &str, json: Option<String>) -> Result<Answer, CommentError> {
        let url = format!("{}{path_and_query}", self.endpoint);
        let answer = send(Call { method, url: &url, json, credentials: true, timeout_ms: TIMEOUT_MS, bearer: None })
            .await?;
        match answer.status {
            200..=299 => Ok(answer),
            500..=599 => Err(CommentError::Server(answer.status)),
            status => Err(CommentError::Refused { status, reason: error_reason(&answer.body) }),
        }
    }

    /// The JSON body of a new or edited comment (Isso wants `null` for an empty author, email or
    /// website; `parent` and `title` only when there are any).
    fn body(&self, comment: &NewComment, parent: Option<u64>, title: bool) -> String {
        let or_null = |field: &Option<String>| Some(field.as_deref().map_or(Value::Null, Value::from));
        Value::object([
            ("text", Some(comment.text.as_str().into())),
            ("author", or_null(&comment.author)),
            ("email", or_null(&comment.email)),
            ("website", or_null(&comment.website)),
            ("parent", parent.map(|id| Value::Number(id as f64))),
            ("title", title.then(|| self.title.as_str().into())),
        ])
        .to_json()
    }
}

/// A comment awaiting moderation, kept in this browser so its author still sees it.
#[derive(Clone)]
struct PendingComment {
    id: String,
    parent: Option<String>,
    author: Option<String>,
    text: String,
    created: f64,
}

impl Stored for PendingComment {
    fn to_value(&self) -> Value {
        Value::object([
            ("id", Some(self.id.as_str().into())),
            ("parent", self.parent.as_deref().map(Value::from)),
            ("author", self.author.as_deref().map(Value::from)),
            ("text", Some(self.text.as_str().into())),
            ("created", Some(self.created.into())),
        ])
    }
    fn read(node: &Node) -> Result<Self, FormatError> {
        Ok(PendingComment {
            id: node.get("id").str()?.to_owned(),
            parent: node.get("parent").opt_string()?,
            author: node.get("author").opt_string()?,
            text: node.get("text").str()?.to_owned(),
            created: node.get("created").f64()?,
        })
    }
}

impl PendingComment {
    fn into_comment(self) -> Comment {
        let text = RichText::parse(&self.text);
        Comment::awaiting_moderation(self.id, self.parent, self.author, (text, Vec::new()), self.text, self.created)
    }
}

/// Edit, delete: a 403 there means the edit window closed or the cookie never reached us.
fn edit_refusal(error: CommentError) -> CommentError {
    match error {
        CommentError::Refused { status: 403, .. } => CommentError::EditRefused,
        other => other,
    }
}

/// `Max-Age=900` in a cookie string.
fn max_age(cookie: &str) -> Option<f64> {
    cookie
        .split(';')
        .find_map(|part| part.trim().strip_prefix("Max-Age=").or_else(|| part.trim().strip_prefix("max-age=")))
        .and_then(|value| value.trim().parse().ok())
}

fn numeric_id(id: &str) -> Result<u64, CommentError> {
    id.parse().map_err(|_| CommentError::Refused { status: 400, reason: None })
}

impl CommentStore for IssoStore {
    async fn load(&self, sort: SortOrder, offset: u32) -> Result<ThreadPage, CommentError> {
        let answer = self.call(Method::GET, &thread_page_query(&self.uri, sort, offset), None).await?;
        let mut page = parse_thread(&answer.body)?;
        if offset == 0 {
            // Our pending comments are in no listing: show them to their author.
            for pending in self.pending() {
                page.show_pending(pending.into_comment());
            }
        }
        Ok(page)
    }

    async fn load_replies(&self, parent: &str, offset: u32) -> Result<(Vec<Comment>, u32), CommentError> {
        let query = format!("?{}&parent={}&offset={offset}&limit={PAGE_SIZE}", self.thread_query(), numeric_id(parent)?);
        let answer = self.call(Method::GET, &query, None).await?;
        Ok(parse_replies(&answer.body)?)
    }

    async fn post(&self, parent: Option<&str>, comment: &NewComment) -> Result<Comment, CommentError> {
        let parent = parent.map(numeric_id).transpose()?;
        let body = self.body(comment, parent, true);
        let answer = self.call(Method::POST, &format!("new?{}", self.thread_query()), Some(body)).await?;
        let mut posted = parse_comment(&answer.body)?;
        // Isso answers writes with the text rendered to HTML; show what the reader wrote instead.
        posted.text = RichText::parse(&comment.text);
        posted.source = comment.text.clone();
        self.remember_own(&posted.id, &answer);
        if posted.state == CommentState::AwaitingModeration {
            let mut pending = self.pending();
            pending.push(PendingComment {
                id: posted.id.clone(),
                parent: posted.parent.clone(),
                author: posted.author.clone(),
                text: posted.source.clone(),
                created: posted.created,
            });
            storage::write(&self.pending_key(), &pending);
        }
        Ok(posted)
    }

    async fn edit(&self, id: &str, comment: &NewComment) -> Result<Comment, CommentError> {
        let body = self.body(comment, None, false);
        let answer = self.call(Method::PUT, &format!("id/{}", numeric_id(id)?), Some(body)).await.map_err(edit_refusal)?;
        let mut edited = parse_comment(&answer.body)?;
        edited.text = RichText::parse(&comment.text);
        edited.source = comment.text.clone();
        // PUT answers without the poster's hash; keep the comment's picture.
        edited.author_hash.clear();
        self.remember_own(&edited.id, &answer);
        Ok(edited)
    }

    async fn delete(&self, id: &str) -> Result<Option<Comment>, CommentError> {
        let answer = self.call(Method::DELETE, &format!("id/{}", numeric_id(id)?), None).await.map_err(edit_refusal)?;
        self.forget(id);
        Ok(parse_deleted(&answer.body)?)
    }

    async fn like(&self, id: &str, _on: bool) -> Result<u32, CommentError> {
        let answer = self.call(Method::POST, &format!("id/{}/like", numeric_id(id)?), Some("{}".into())).await?;
        let mut liked: Vec<String> = storage::read(&self.liked_key()).unwrap_or_default();
        if !liked.iter().any(|l| l == id) {
            liked.push(id.to_owned());
            storage::write(&self.liked_key(), &liked);
        }
        parse_vote(&answer.body)?.map_err(|message| CommentError::Refused { status: 200, reason: Some(message) })
    }

    fn editable(&self, comment: &Comment) -> Editable {
        match self.own().iter().find(|(id, _)| *id == comment.id) {
            Some((_, until)) if *until > storage::now_seconds() => Editable::Yes,
            Some(_) => Editable::WindowClosed,
            None => Editable::No,
        }
    }

    fn liked(&self, id: &str) -> bool {
        storage::read::<Vec<String>>(&self.liked_key()).unwrap_or_default().iter().any(|l| l == id)
    }

    fn keeps_comments_locally(&self) -> bool {
        false
    }
}
