//! The zero-server store: the thread is the static file `comments/<slug>.json` beside the article;
//! the reader's own comments, edits and likes stay in this browser's storage.

use super::store::{CommentError, CommentStore, Editable, TIMEOUT_MS};
use super::thread_file::{page_of, parse_thread_file};
use crate::model::{Comment, CommentState, NewComment, Origin, RichText, SafeUrl, SortOrder, ThreadPage};
use crate::source::http::{send, Call};
use crate::json::Value;
use crate::model::{FormatError, Node};
use crate::source::storage::{self, Stored};

/// A comment kept in this browser.
#[derive(Clone)]
struct Kept {
    id: String,
    parent: Option<String>,
    author: Option<String>,
    website: Option<String>,
    text: String,
    created: f64,
    modified: Option<f64>,
}

impl Stored for Kept {
    fn to_value(&self) -> Value {
        Value::object([
            ("id", Some(self.id.as_str().into())),
            ("parent", self.parent.as_deref().map(Value::from)),
            ("author", self.author.as_deref().map(Value::from)),
            ("website", self.website.as_deref().map(Value::from)),
            ("text", Some(self.text.as_str().into())),
            ("created", Some(self.created.into())),
            ("modified", self.modified.map(Value::from)),
        ])
    }
    fn read(node: &Node) -> Result<Self, FormatError> {
        Ok(Kept {
            id: node.get("id").str()?.to_owned(),
            parent: node.get("parent").opt_string()?,
            author: node.get("author").opt_string()?,
            website: node.get("website").opt_string()?,
            text: node.get("text").str()?.to_owned(),
            created: node.get("created").f64()?,
            modified: node.get("modified").opt_f64()?,
        })
    }
}

#[derive(Clone)]
pub struct LocalStore {
    file_url: String,
    /// Storage keys are per thread.
    thread: String,
}

impl LocalStore {
    /// `file_url`: the thread file; `thread`: a stable name for this thread (the article's path).
    pub fn new(file_url: String, thread: String) -> LocalStore {
        LocalStore { file_url, thread }
    }

    fn kept_key(&self) -> String {
        format!("broadsheet:local-comments:{}", self.thread)
    }

    fn liked_key(&self) -> String {
        format!("broadsheet:liked:{}", self.thread)
    }

    fn kept(&self) -> Vec<Kept> {
        storage::read(&self.kept_key()).unwrap_or_default()
    }

    fn keep(&self, kept: &[Kept]) -> Result<(), CommentError> {
        storage::write(&self.kept_key(), &kept.to_vec()).then_some(()).ok_or(CommentError::Storage)
    }

    fn liked_ids(&self) -> Vec<String> {
        storage::read(&self.liked_key()).unwrap_or_default()
    }

    /// The whole thread: the file's comments, then this browser's, nested two levels.
    async fn full_thread(&self, sort: SortOrder) -> Result<Vec<Comment>, CommentError> {
        let answer = send(Call::get(&self.file_url, TIMEOUT_MS)).await?;
        let mut flat = match answer.status {
            // No thread file yet (or a host answering with its index.html): no comments yet.
            200..=299 if answer.is_html_page() => Vec::new(),
            200..=299 => flatten(parse_thread_file(&answer.body)?),
            404 => Vec::new(),
            500..=599 => return Err(CommentError::Server(answer.status)),
            status => return Err(CommentError::Refused { status, reason: None }),
        };
        flat.extend(self.kept().into_iter().map(from_kept));
        let liked = self.liked_ids();
        for comment in &mut flat {
            if liked.contains(&comment.id) {
                comment.likes += 1;
            }
        }
        let mut tree = crate::model::nest(flat);
        sort.sort(&mut tree);
        Ok(tree)
    }
}

fn flatten(tree: Vec<Comment>) -> Vec<Comment> {
    let mut flat = Vec::new();
    for mut comment in tree {
        let replies = std::mem::take(&mut comment.replies);
        flat.push(comment);
        flat.extend(replies);
    }
    flat
}

fn from_kept(kept: Kept) -> Comment {
    Comment {
        author_hash: kept.author.clone().unwrap_or_else(|| "this-browser".into()),
        id: kept.id,
        parent: kept.parent,
        author: kept.author,
        website: kept.website.and_then(|w| SafeUrl::parse(&w)),
        text: RichText::parse(&kept.text),
        blocks: Vec::new(),
        source: kept.text,
        created: kept.created,
        modified: kept.modified,
        likes: 0,
        state: CommentState::Published,
        origin: Origin::ThisBrowser,
        replies: Vec::new(),
        hidden_replies: 0,
        owner: None,
    }
}

impl CommentStore for LocalStore {
    async fn load(&self, sort: SortOrder, offset: u32) -> Result<ThreadPage, CommentError> {
        Ok(page_of(self.full_thread(sort).await?, offset))
    }

    async fn load_replies(&self, parent: &str, offset: u32) -> Result<(Vec<Comment>, u32), CommentError> {
        let tree = self.full_thread(SortOrder::Oldest).await?;
        let replies = tree.into_iter().find(|c| c.id == parent).map(|c| c.replies).unwrap_or_default();
        let rest: Vec<Comment> = replies.into_iter().skip(offset as usize).collect();
        Ok((rest, 0))
    }

    async fn post(&self, parent: Option<&str>, comment: &NewComment) -> Result<Comment, CommentError> {
        let kept = Kept {
            id: format!("local-{}", js_sys::Date::now() as u64),
            parent: parent.map(str::to_owned),
            author: comment.author.clone(),
            website: comment.website.clone(),
            text: comment.text.clone(),
            created: storage::now_seconds(),
            modified: None,
        };
        let mut all = self.kept();
        all.push(kept.clone());
        self.keep(&all)?;
        Ok(from_kept(kept))
    }

    async fn edit(&self, id: &str, comment: &NewComment) -> Result<Comment, CommentError> {
        let mut all = self.kept();
        let kept = all.iter_mut().find(|k| k.id == id).ok_or(CommentError::EditRefused)?;
        kept.text = comment.text.clone();
        kept.author = comment.author.clone();
        kept.website = comment.website.clone();
        kept.modified = Some(storage::now_seconds());
        let edited = kept.clone();
        self.keep(&all)?;
        Ok(from_kept(edited))
    }

    async fn delete(&self, id: &str) -> Result<Option<Comment>, CommentError> {
        let mut all = self.kept();
        let before = all.len();
        all.retain(|k| k.id != id);
        if all.len() == before {
            return Err(CommentError::EditRefused);
        }
        // Replies kept in this browser go with it: nobody else can see them.
        all.retain(|k| k.parent.as_deref() != Some(id));
        self.keep(&all)?;
        Ok(None)
    }

    async fn like(&self, id: &str, _on: bool) -> Result<u32, CommentError> {
        let mut liked = self.liked_ids();
        if !liked.iter().any(|l| l == id) {
            liked.push(id.to_owned());
            if !storage::write(&self.liked_key(), &liked) {
                return Err(CommentError::Storage);
            }
        }
        let tree = self.full_thread(SortOrder::Oldest).await?;
        let likes = flatten(tree).into_iter().find(|c| c.id == id).map_or(1, |c| c.likes);
        Ok(likes)
    }

    fn editable(&self, comment: &Comment) -> Editable {
        if comment.origin == Origin::ThisBrowser { Editable::Yes } else { Editable::No }
    }

    fn liked(&self, id: &str) -> bool {
        self.liked_ids().iter().any(|l| l == id)
    }

    fn keeps_comments_locally(&self) -> bool {
        true
    }
}
