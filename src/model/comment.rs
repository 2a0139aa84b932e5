//! Comments as readers see them, whichever store they come from, and the form a reader fills in.

use super::{Block, RichText, SafeUrl};

/// Where a comment stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommentState {
    Published,
    /// Accepted by a moderated server, not yet visible to others.
    AwaitingModeration,
    /// Removed, kept as a placeholder because it has replies.
    Deleted,
    /// Shown at once while the store has not answered yet (rolled back if it refuses).
    Sending,
}

/// Where a comment lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// On the comments server or in the site's thread file: everyone sees it.
    Shared,
    /// Kept in this browser only (the local store's own comments).
    ThisBrowser,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comment {
    /// The store's id (Isso's number as text, or the thread file's id).
    pub id: String,
    /// The top-level comment this replies to; threads nest two levels, as Isso's do.
    pub parent: Option<String>,
    pub author: Option<String>,
    pub website: Option<SafeUrl>,
    pub text: RichText,
    /// The text as blocks (paragraphs, quotes, lists, code) when the server sends it with that
    /// shape (Waline's HTML); empty when `text` is all of it (Isso, the local store). Views show
    /// these when there are any, else `text`.
    pub blocks: Vec<Block>,
    /// The Markdown as typed, for editing.
    pub source: String,
    /// Unix time, seconds.
    pub created: f64,
    pub modified: Option<f64>,
    pub likes: u32,
    /// Identifies the poster without revealing them (Isso's `hash`); seeds the identicon.
    pub author_hash: String,
    pub state: CommentState,
    pub origin: Origin,
    pub replies: Vec<Comment>,
    /// Replies that exist but were not loaded ("Show more replies").
    pub hidden_replies: u32,
    /// The server account that wrote it, on servers with accounts (Waline): who may change it.
    pub owner: Option<String>,
}

impl Comment {
    /// The reader's own comment that awaits moderation, as this browser remembers it: the server
    /// lists it to nobody yet (see [`ThreadPage::show_pending`]).
    pub fn awaiting_moderation(
        id: String,
        parent: Option<String>,
        author: Option<String>,
        (text, blocks): (RichText, Vec<Block>),
        source: String,
        created: f64,
    ) -> Comment {
        Comment {
            id,
            parent,
            author,
            website: None,
            text,
            blocks,
            source,
            created,
            modified: None,
            likes: 0,
            author_hash: String::new(),
            state: CommentState::AwaitingModeration,
            origin: Origin::Shared,
            replies: Vec::new(),
            hidden_replies: 0,
            owner: None,
        }
    }
}

/// One page of a thread, top-level comments in the asked order with their first replies.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ThreadPage {
    pub comments: Vec<Comment>,
    /// Every comment in the thread, replies included.
    pub total: u32,
    /// Top-level comments after this page ("Load more").
    pub hidden: u32,
}

impl ThreadPage {
    /// Whether the page lists the comment `id`, at the top level or as a reply.
    pub fn lists(&self, id: &str) -> bool {
        self.comments.iter().flat_map(|c| std::iter::once(c).chain(&c.replies)).any(|c| c.id == id)
    }

    /// Shows the reader's own comment that the server does not list yet (it awaits moderation):
    /// a reply under its comment when that is on the page, a top-level comment at the end.
    pub fn show_pending(&mut self, comment: Comment) {
        match comment.parent.as_deref() {
            Some(parent) => {
                if let Some(top) = self.comments.iter_mut().find(|c| c.id == parent) {
                    top.replies.push(comment);
                }
            }
            None => self.comments.push(comment),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortOrder {
    #[default]
    Oldest,
    Newest,
    MostLiked,
}

impl SortOrder {
    pub const ALL: [SortOrder; 3] = [SortOrder::Oldest, SortOrder::Newest, SortOrder::MostLiked];

    /// The value of the sort control and of Isso's `sort` parameter.
    pub fn as_str(self) -> &'static str {
        match self {
            SortOrder::Oldest => "oldest",
            SortOrder::Newest => "newest",
            SortOrder::MostLiked => "upvotes",
        }
    }

    pub fn from_str(value: &str) -> SortOrder {
        SortOrder::ALL.into_iter().find(|order| order.as_str() == value).unwrap_or_default()
    }

    /// Orders top-level comments in place (replies stay oldest first, as Isso returns them).
    pub fn sort(self, comments: &mut [Comment]) {
        let by_time = |a: &Comment, b: &Comment| a.created.total_cmp(&b.created);
        match self {
            SortOrder::Oldest => comments.sort_by(by_time),
            SortOrder::Newest => comments.sort_by(|a, b| by_time(b, a)),
            SortOrder::MostLiked => comments.sort_by(|a, b| b.likes.cmp(&a.likes).then_with(|| by_time(a, b))),
        }
    }
}

/// What a reader has typed into a comment form (kept as a draft until the store accepts it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommentDraft {
    pub name: String,
    pub email: String,
    pub website: String,
    pub text: String,
}

/// A draft that passed validation, ready to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewComment {
    pub author: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub text: String,
}

/// A field of the comment form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Email,
    Website,
    Comment,
}

/// Why a field was refused; the view words it through `strings`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldProblem {
    Required,
    TooShort,
    TooLong,
    NotAnEmail,
    NotAWebsite,
}

/// Length limits, shown next to the fields. Isso's own limits are wider (3–65,535 characters of
/// text, 254 for email and website); ours are what a comment needs and what the form can show.
pub const TEXT_MIN: usize = 3;
pub const TEXT_MAX: usize = 5000;
pub const NAME_MAX: usize = 100;
pub const EMAIL_MAX: usize = 254;
pub const WEBSITE_MAX: usize = 254;

impl CommentDraft {
    pub fn is_empty(&self) -> bool {
        self == &CommentDraft::default()
    }

    /// Checks every field; all problems at once, so the form can mark each.
    pub fn validate(&self) -> Result<NewComment, Vec<(Field, FieldProblem)>> {
        let mut problems = Vec::new();
        let text = self.text.trim_end();
        let length = text.trim_start().chars().count();
        if length == 0 {
            problems.push((Field::Comment, FieldProblem::Required));
        } else if length < TEXT_MIN {
            problems.push((Field::Comment, FieldProblem::TooShort));
        } else if text.chars().count() > TEXT_MAX {
            problems.push((Field::Comment, FieldProblem::TooLong));
        }
        let name = self.name.trim();
        if name.chars().count() > NAME_MAX {
            problems.push((Field::Name, FieldProblem::TooLong));
        }
        let email = self.email.trim();
        if email.chars().count() > EMAIL_MAX {
            problems.push((Field::Email, FieldProblem::TooLong));
        } else if !email.is_empty() && !looks_like_email(email) {
            problems.push((Field::Email, FieldProblem::NotAnEmail));
        }
        let website = self.website.trim();
        let website = (!website.is_empty()).then(|| normalise_website(website));
        match &website {
            Some(w) if w.chars().count() > WEBSITE_MAX => problems.push((Field::Website, FieldProblem::TooLong)),
            Some(w) if !looks_like_website(w) => problems.push((Field::Website, FieldProblem::NotAWebsite)),
            _ => {}
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        Ok(NewComment { author: some(name), email: some(email), website, text: text.to_owned() })
    }
}

/// One `@` with something on both sides and a dot in the domain: enough to catch typos; the server
/// is the judge of the rest.
fn looks_like_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else { return false };
    !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace) && !domain.contains('@')
}

/// "example.org/me" means "https://example.org/me", as readers type it.
fn normalise_website(website: &str) -> String {
    if website.contains("://") { website.to_owned() } else { format!("https://{website}") }
}

fn looks_like_website(website: &str) -> bool {
    let lower = website.to_ascii_lowercase();
    let Some(rest) = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")) else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit_once('@').map_or(host, |(_, host)| host);
    !host.is_empty() && !website.chars().any(char::is_whitespace) && (host.contains('.') || host.starts_with("localhost"))
}

/// Arranges a flat list of comments into two levels, as Isso does: a reply to a reply is attached
/// to its top-level ancestor. Replies whose parent is unknown become top-level comments.
pub fn nest(flat: Vec<Comment>) -> Vec<Comment> {
    use std::collections::HashMap;
    let parents: HashMap<String, Option<String>> = flat.iter().map(|c| (c.id.clone(), c.parent.clone())).collect();
    let top_of = |id: &str| {
        let mut current = id.to_owned();
        // Bounded: a cycle in a hostile file must not hang the page.
        for _ in 0..parents.len() {
            match parents.get(&current) {
                Some(Some(parent)) if parents.contains_key(parent) => current = parent.clone(),
                _ => break,
            }
        }
        current
    };
    let mut tops: Vec<Comment> = Vec::new();
    let mut replies: Vec<(String, Comment)> = Vec::new();
    for mut comment in flat {
        let top = top_of(&comment.id);
        if top == comment.id {
            comment.parent = None;
            tops.push(comment);
        } else {
            comment.parent = Some(top.clone());
            replies.push((top, comment));
        }
    }
    replies.sort_by(|a, b| a.1.created.total_cmp(&b.1.created));
    for (top, reply) in replies {
        if let Some(parent) = tops.iter_mut().find(|c| c.id == top) {
            parent.replies.push(reply);
        }
    }
    tops
}

/// Counts every comment of a tree, replies included.
pub fn count_all(comments: &[Comment]) -> u32 {
    comments.iter().map(|c| 1 + c.replies.len() as u32 + c.hidden_replies).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn comment(id: &str, parent: Option<&str>, created: f64, likes: u32) -> Comment {
        Comment {
            id: id.into(),
            parent: parent.map(Into::into),
            author: None,
            website: None,
            text: RichText::parse("text"),
            blocks: Vec::new(),
            source: "text".into(),
            created,
            modified: None,
            likes,
            author_hash: id.into(),
            state: CommentState::Published,
            origin: Origin::Shared,
            replies: Vec::new(),
            hidden_replies: 0,
            owner: None,
        }
    }

    #[test]
    fn nests_two_levels_like_isso() {
        let tree = nest(vec![
            comment("1", None, 1.0, 0),
            comment("2", Some("1"), 3.0, 0),
            comment("3", Some("2"), 2.0, 0),
            comment("4", None, 4.0, 0),
            comment("5", Some("missing"), 5.0, 0),
        ]);
        let ids: Vec<_> = tree.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["1", "4", "5"]);
        let replies: Vec<_> = tree[0].replies.iter().map(|c| (c.id.as_str(), c.parent.as_deref())).collect();
        assert_eq!(replies, [("3", Some("1")), ("2", Some("1"))], "oldest first, re-attached to the top");
        assert_eq!(tree[2].parent, None);
        assert_eq!(count_all(&tree), 5);
    }

    #[test]
    fn a_parent_cycle_does_not_hang() {
        let tree = nest(vec![comment("a", Some("b"), 1.0, 0), comment("b", Some("a"), 2.0, 0)]);
        assert_eq!(count_all(&tree), tree.iter().map(|c| 1 + c.replies.len() as u32).sum::<u32>());
    }

    #[test]
    fn sorts_by_time_or_likes() {
        let mut comments = vec![comment("a", None, 2.0, 1), comment("b", None, 1.0, 5), comment("c", None, 3.0, 1)];
        SortOrder::Newest.sort(&mut comments);
        assert_eq!(comments.iter().map(|c| c.id.as_str()).collect::<String>(), "cab");
        SortOrder::MostLiked.sort(&mut comments);
        assert_eq!(comments.iter().map(|c| c.id.as_str()).collect::<String>(), "bac");
        SortOrder::Oldest.sort(&mut comments);
        assert_eq!(comments.iter().map(|c| c.id.as_str()).collect::<String>(), "bac");
        assert_eq!(SortOrder::from_str("upvotes"), SortOrder::MostLiked);
        assert_eq!(SortOrder::from_str("nonsense"), SortOrder::Oldest);
    }

    fn draft(name: &str, email: &str, website: &str, text: &str) -> CommentDraft {
        CommentDraft { name: name.into(), email: email.into(), website: website.into(), text: text.into() }
    }

    #[test]
    fn a_good_draft_becomes_a_new_comment() {
        let new = draft(" Ann ", "ann@example.org", "example.org/ann", "Hello there  \n").validate().unwrap();
        assert_eq!(new.author.as_deref(), Some("Ann"));
        assert_eq!(new.website.as_deref(), Some("https://example.org/ann"));
        assert_eq!(new.text, "Hello there");
        let anonymous = draft("", "", "", "Hi!").validate().unwrap();
        assert_eq!((anonymous.author, anonymous.email, anonymous.website), (None, None, None));
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let problems = draft(&"n".repeat(NAME_MAX + 1), "not-an-email", "javascript:alert(1)", "  ").validate().unwrap_err();
        assert_eq!(problems, vec![
            (Field::Comment, FieldProblem::Required),
            (Field::Name, FieldProblem::TooLong),
            (Field::Email, FieldProblem::NotAnEmail),
            (Field::Website, FieldProblem::NotAWebsite),
        ]);
        assert_eq!(draft("", "", "", "ab").validate().unwrap_err(), vec![(Field::Comment, FieldProblem::TooShort)]);
        let long = "x".repeat(TEXT_MAX + 1);
        assert_eq!(draft("", "", "", &long).validate().unwrap_err(), vec![(Field::Comment, FieldProblem::TooLong)]);
        for bad in ["ftp://x.org", "http://", "not a url", "https://exa mple.org"] {
            assert!(draft("", "", bad, "Hello").validate().is_err(), "{bad}");
        }
        for good in ["https://example.org", "http://localhost:8080/x", "example.org"] {
            assert!(draft("", "", good, "Hello").validate().is_ok(), "{good}");
        }
    }
}
