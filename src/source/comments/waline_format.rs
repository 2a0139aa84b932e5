//! Waline 1.39's JSON (`@waline/vercel`, its `src/controller/comment.js`) into comment-model values.
//! Pure, tested natively: the one thing it cannot do alone, turn Waline's server-rendered comment
//! HTML into our tree, is handed in by the caller ([`CommentHtml`]: the browser's inert parser in
//! the app).
//!
//! Waline answers almost everything with HTTP 200 and an envelope `{"errno", "errmsg", "data"}`;
//! `errno` 0 is success, anything else a refusal in Waline's words (`"Comment too fast!"`,
//! `"Duplicate Content"`), which [`Refused`] carries to the reader.

use super::PAGE_SIZE;
use crate::json::Value;
use crate::model::{Block, Comment, CommentState, FormatError, Node, Origin, RichText, SafeUrl, SortOrder, ThreadPage, Timestamp};

/// Turns one comment's server-rendered HTML into what we show (never an HTML string): the text as
/// one run of prose, and as blocks.
pub type CommentHtml<'a> = &'a dyn Fn(&str) -> (RichText, Vec<Block>);

/// Waline said no: its `errno` and its own reason, when it gave one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub errno: i64,
    pub reason: Option<String>,
}

/// Why an answer could not be used: not Waline's JSON, or Waline's refusal.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    Malformed(FormatError),
    Refused(Refused),
}

impl From<FormatError> for Failure {
    fn from(error: FormatError) -> Self {
        Failure::Malformed(error)
    }
}

/// Waline's `sortBy` for our order.
pub fn sort_by(sort: SortOrder) -> &'static str {
    match sort {
        SortOrder::Oldest => "insertedAt_asc",
        SortOrder::Newest => "insertedAt_desc",
        SortOrder::MostLiked => "like_desc",
    }
}

/// Waline pages by number; we page by how many top-level comments are shown. The page that holds
/// the `offset`th one (a reader's own new comments can make `offset` fall inside a page: the
/// thread drops the ones it already shows).
pub fn page_number(offset: u32) -> u32 {
    offset / PAGE_SIZE + 1
}

/// The query for a page of the thread `path` (`GET /api/comment?…`).
pub fn thread_page_query(path: &str, sort: SortOrder, offset: u32) -> String {
    format!(
        "api/comment?path={}&page={}&pageSize={PAGE_SIZE}&sortBy={}",
        super::isso_format::encode_query_value(path),
        page_number(offset),
        sort_by(sort)
    )
}

/// The `data` of a successful answer read with `read`, or Waline's refusal.
fn open<T>(json: &str, read: impl FnOnce(&Node<'_>) -> Result<T, FormatError>) -> Result<T, Failure> {
    let mut refused = None;
    let data = Node::parse(json, |envelope| {
        envelope.object()?;
        let errno = envelope.get("errno").opt_f64()?.unwrap_or(0.0);
        if errno != 0.0 {
            // Waline's reasons are short sentences; the reader sees at most 300 characters of one.
            let reason = envelope.get("errmsg").opt_str().ok().flatten().map(|r| r.trim().chars().take(300).collect::<String>());
            refused = Some(Refused { errno: errno as i64, reason: reason.filter(|r| !r.is_empty()) });
            return Ok(None);
        }
        read(&envelope.get("data")).map(Some)
    })?;
    match (data, refused) {
        (Some(data), _) => Ok(data),
        (None, Some(refused)) => Err(Failure::Refused(refused)),
        (None, None) => unreachable!("either data or a refusal"),
    }
}

/// A refusal in an answer that is not HTTP 200 (401, 403: `{"errno":403,"errmsg":"Forbidden"}`).
pub fn refusal(json: &str) -> Option<Refused> {
    match open(json, |_| Ok(())) {
        Err(Failure::Refused(refused)) => Some(refused),
        _ => None,
    }
}

/// An id, a parent id or an account id: Waline sends numbers (SQL) or strings (LeanCloud, MongoDB).
fn id_text(node: &Node) -> Result<Option<String>, FormatError> {
    Ok(match node.value() {
        Some(Value::Number(n)) => Some(format!("{}", *n as i64)),
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Some(Value::String(_)) | None => None,
        Some(_) => return Err(node.invalid("expected an id (a number or text)")),
    })
}

/// The libravatar hash of an empty address: every comment posted without an email has it.
const EMPTY_MAIL_MD5: &str = "d41d8cd98f00b204e9800998ecf8427e";

/// One comment as Waline sends it. `nick` and `link` are raw, as typed; `comment` is HTML that
/// Waline rendered from Markdown and sanitised (DOMPurify: it still allows images and links to
/// anywhere); `orig` the Markdown as typed; `time` Unix milliseconds (`null` in answers to edits
/// and likes, which carry `insertedat` instead). `avatar` points at a third party: never loaded.
fn read_comment(comment: &Node, html: CommentHtml<'_>) -> Result<Comment, FormatError> {
    comment.object()?;
    let object_id = if comment.get("objectId").exists() { comment.get("objectId") } else { comment.get("id") };
    let id = id_text(&object_id)?.ok_or_else(|| object_id.missing())?;
    let owner = id_text(&comment.get("user_id"))?;
    let inserted = if comment.get("insertedAt").exists() { comment.get("insertedAt") } else { comment.get("insertedat") };
    let created = match comment.get("time").opt_f64()? {
        Some(ms) => ms / 1000.0,
        None => inserted.opt_str()?.and_then(Timestamp::parse).map_or(0.0, |t| t.unix_seconds() as f64),
    };
    let state = match comment.get("status").opt_str()? {
        Some("waiting") | Some("spam") => CommentState::AwaitingModeration,
        _ => CommentState::Published,
    };
    let nick = comment.get("nick").opt_string()?;
    let author_hash = poster_identity(owner.as_deref(), comment.get("avatar").opt_str()?, nick.as_deref());
    let mut replies = comment.get("children").list(|child| read_comment(child, html))?;
    replies.sort_by(|a, b| a.created.total_cmp(&b.created));
    let (text, blocks) = html(comment.get("comment").opt_str()?.unwrap_or_default());
    Ok(Comment {
        id,
        parent: id_text(&comment.get("rid"))?.or(id_text(&comment.get("pid"))?),
        author: nick.filter(|n| !n.trim().is_empty()),
        website: comment.get("link").opt_str()?.and_then(SafeUrl::parse).filter(|w| !w.is_relative()),
        text,
        blocks,
        source: comment.get("orig").opt_string()?.unwrap_or_default(),
        created,
        modified: None,
        likes: comment.get("like").opt_f64()?.map_or(0, |l| l.clamp(0.0, f64::from(u32::MAX)) as u32),
        author_hash,
        state,
        origin: Origin::Shared,
        replies,
        hidden_replies: 0,
        owner,
    })
}

/// What seeds the identicon: the account, else the hash of the email in Waline's avatar URL
/// (read, never loaded), else the name.
fn poster_identity(owner: Option<&str>, avatar: Option<&str>, nick: Option<&str>) -> String {
    if let Some(owner) = owner {
        return format!("user:{owner}");
    }
    let hash = avatar
        .and_then(|url| url.split(['?', '#']).next())
        .and_then(|url| url.rsplit('/').next())
        .filter(|h| h.len() == 32 && h.bytes().all(|b| b.is_ascii_hexdigit()) && *h != EMPTY_MAIL_MD5);
    match hash {
        Some(hash) => hash.to_owned(),
        None => format!("nick:{}", nick.unwrap_or_default().trim()),
    }
}

/// A thread page (`GET /api/comment?path=…`), asked for with [`thread_page_query`] at `offset`.
/// `total` is Waline's `count` (every comment the reader may see, replies included). Waline gives
/// the number of pages, not of top-level comments, so `hidden` counts the top-level comments that
/// the remaining pages can hold: more than zero exactly when there is more to load.
pub fn parse_thread(json: &str, html: CommentHtml<'_>) -> Result<ThreadPage, Failure> {
    open(json, |page| {
        page.object()?;
        let page_size = page.get("pageSize").opt_u32()?.filter(|size| *size > 0).unwrap_or(PAGE_SIZE);
        let number = page.get("page").opt_u32()?.unwrap_or(1).max(1);
        let pages = page.get("totalPages").opt_u32()?.unwrap_or(0);
        Ok(ThreadPage {
            comments: page.get("data").opt_items()?.iter().map(|c| read_comment(c, html)).collect::<Result<_, _>>()?,
            total: page.get("count").opt_u32()?.unwrap_or(0),
            hidden: pages.saturating_sub(number).saturating_mul(page_size),
        })
    })
}

/// One comment: the answer to a post, an edit or a like.
pub fn parse_comment(json: &str, html: CommentHtml<'_>) -> Result<Comment, Failure> {
    open(json, |data| read_comment(data, html))
}

/// The comment's HTML in an answer to a post, kept to show a comment awaiting moderation again.
pub fn comment_html_of(json: &str) -> Option<String> {
    open(json, |data| data.get("comment").opt_string()).ok().flatten()
}

/// The answer to `DELETE`: nothing, when it worked.
pub fn parse_deleted(json: &str) -> Result<(), Failure> {
    open(json, |_| Ok(()))
}

/// The answer to `GET /api/comment?type=count&url=A,B`: one count per thread, in order.
pub fn parse_counts(json: &str) -> Result<Vec<u32>, Failure> {
    open(json, |data| match data.value() {
        Some(Value::Number(_)) => Ok(vec![data.u32()?]),
        _ => data.list(Node::u32),
    })
}

/// A signed-in reader: Waline's account and the token that proves it (kept for the browser
/// session only).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub token: String,
    pub id: String,
    pub name: String,
    pub email: String,
    /// Waline's administrators may change every comment.
    pub administrator: bool,
}

impl Account {
    /// As kept in session storage.
    pub fn to_value(&self) -> Value {
        Value::object([
            ("token", Some(self.token.as_str().into())),
            ("id", Some(self.id.as_str().into())),
            ("name", Some(self.name.as_str().into())),
            ("email", Some(self.email.as_str().into())),
            ("administrator", Some(self.administrator.into())),
        ])
    }

    pub fn read(node: &Node) -> Result<Account, FormatError> {
        node.object()?;
        Ok(Account {
            token: node.get("token").str()?.to_owned(),
            id: node.get("id").str()?.to_owned(),
            name: node.get("name").opt_string()?.unwrap_or_default(),
            email: node.get("email").opt_string()?.unwrap_or_default(),
            administrator: node.get("administrator").flag()?,
        })
    }
}

/// The answer to `POST /api/token`. Waline refuses a wrong email or password with `errno` 1000
/// and no reason at all: `Refused { reason: None }`.
pub fn parse_sign_in(json: &str) -> Result<Account, Failure> {
    open(json, |user| {
        user.object()?;
        let object_id = if user.get("objectId").exists() { user.get("objectId") } else { user.get("id") };
        let token = user.get("token");
        if token.str()?.trim().is_empty() {
            return Err(token.invalid("empty"));
        }
        Ok(Account {
            token: token.str()?.to_owned(),
            id: id_text(&object_id)?.ok_or_else(|| object_id.missing())?,
            name: user.get("display_name").opt_string()?.unwrap_or_default(),
            email: user.get("email").opt_string()?.unwrap_or_default(),
            administrator: user.get("type").opt_str()? == Some("administrator"),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stands in for the browser's parser: the HTML as text, so the tests see what went where.
    fn as_text(html: &str) -> (RichText, Vec<Block>) {
        (RichText(vec![crate::model::Inline::Text(html.to_owned())]), Vec::new())
    }

    // A real answer from Waline 1.39.3 on PostgreSQL (two comments, one reply, one like).
    const THREAD: &str = r#"{"errno":0,"errmsg":"","data":{"page":1,"totalPages":3,"pageSize":20,"count":47,"data":[
      {"status":"approved","comment":"<p>Hello <em>world</em></p>\n","link":"javascript:alert(5)","nick":"Ann \\\\ O'Brien",
       "pid":null,"rid":null,"user_id":null,"sticky":null,"like":1,"objectId":1,"browser":"","os":"",
       "avatar":"https://seccdn.libravatar.org/avatar/8b5a6a28fc840441be692d74a81ccd1a","orig":"Hello *world*",
       "addr":"","time":1795980985000,"children":[
         {"status":"approved","comment":"<p>second</p>\n","link":null,"nick":"Bob","pid":1,"rid":1,"user_id":2,"like":0,
          "objectId":5,"avatar":"https://seccdn.libravatar.org/avatar/37a6","orig":"second","time":1795980999000},
         {"status":"waiting","comment":"<p>first</p>\n","link":"https://bob.example.org","nick":"","pid":1,"rid":1,
          "user_id":null,"like":0,"objectId":3,"avatar":"https://seccdn.libravatar.org/avatar/d41d8cd98f00b204e9800998ecf8427e",
          "orig":"first","time":1795980987000}]},
      {"status":"approved","comment":"<p>x</p>","link":"","nick":"","objectId":"abc","like":null,"time":1795980986000,"children":[]}]}}"#;

    #[test]
    fn reads_a_thread_page() {
        let page = parse_thread(THREAD, &as_text).unwrap();
        assert_eq!(page.total, 47);
        assert_eq!(page.hidden, 40, "two more pages of 20");
        let first = &page.comments[0];
        assert_eq!(first.id, "1");
        assert_eq!(first.parent, None);
        assert_eq!(first.author.as_deref(), Some("Ann \\\\ O'Brien"), "raw, byte for byte");
        assert_eq!(first.website, None, "a script URL never becomes a link");
        assert_eq!(first.text.plain_text(), "<p>Hello <em>world</em></p>\n", "the HTML goes to the caller's parser");
        assert_eq!(first.source, "Hello *world*");
        assert_eq!(first.created, 1795980985.0);
        assert_eq!(first.likes, 1);
        assert_eq!(first.author_hash, "8b5a6a28fc840441be692d74a81ccd1a");
        let replies: Vec<_> = first.replies.iter().map(|r| (r.id.as_str(), r.parent.as_deref())).collect();
        assert_eq!(replies, [("3", Some("1")), ("5", Some("1"))], "oldest first");
        assert_eq!(first.replies[0].state, CommentState::AwaitingModeration);
        assert_eq!(first.replies[0].author, None);
        assert_eq!(first.replies[0].author_hash, "nick:", "no email: the hash of nothing is not an identity");
        assert_eq!(first.replies[1].owner.as_deref(), Some("2"));
        assert_eq!(first.replies[1].author_hash, "user:2");
        assert_eq!(page.comments[1].id, "abc");
        assert_eq!(page.comments[1].likes, 0);
    }

    #[test]
    fn the_last_page_has_nothing_hidden() {
        let json = r#"{"errno":0,"data":{"page":3,"totalPages":3,"pageSize":20,"count":47,"data":[]}}"#;
        assert_eq!(parse_thread(json, &as_text).unwrap().hidden, 0);
        let empty = r#"{"errno":0,"errmsg":"","data":{"page":1,"totalPages":0,"pageSize":20,"count":0,"data":[]}}"#;
        assert_eq!(parse_thread(empty, &as_text).unwrap(), ThreadPage::default());
    }

    #[test]
    fn queries_page_by_page() {
        assert_eq!(
            thread_page_query("/posts/a b", SortOrder::MostLiked, 0),
            "api/comment?path=%2Fposts%2Fa+b&page=1&pageSize=20&sortBy=like_desc"
        );
        assert_eq!(page_number(20), 2);
        assert_eq!(page_number(21), 2, "a reader's own comment shifts the offset: the page holding it");
        assert_eq!(sort_by(SortOrder::Newest), "insertedAt_desc");
    }

    #[test]
    fn refusals_carry_walines_reason() {
        let refused = parse_comment(r#"{"errno":1000,"errmsg":"Comment too fast!"}"#, &as_text).unwrap_err();
        assert_eq!(refused, Failure::Refused(Refused { errno: 1000, reason: Some("Comment too fast!".into()) }));
        assert_eq!(refusal(r#"{"errno":403,"errmsg":"Forbidden"}"#), Some(Refused { errno: 403, reason: Some("Forbidden".into()) }));
        assert_eq!(refusal(r#"{"errno":0,"data":""}"#), None);
        assert_eq!(refusal("<html>"), None);
        assert!(matches!(parse_sign_in(r#"{"errno":1000}"#), Err(Failure::Refused(Refused { errno: 1000, reason: None }))));
    }

    #[test]
    fn reads_answers_to_writes() {
        // An edit's answer: lower-case SQL columns, `time` null.
        let edited = r#"{"errno":0,"errmsg":"","data":{"id":4,"user_id":2,"comment":"<p>changed</p>","insertedat":"2026-11-29T19:36:40.000Z",
          "link":"https://rita.example.org","nick":"Rita","pid":null,"rid":null,"status":"approved","like":0,"orig":"changed","time":null}}"#;
        let comment = parse_comment(edited, &as_text).unwrap();
        assert_eq!((comment.id.as_str(), comment.owner.as_deref()), ("4", Some("2")));
        assert_eq!(comment.created, 1795981000.0);
        assert_eq!(comment.website, SafeUrl::parse("https://rita.example.org"));
        assert_eq!(parse_deleted(r#"{"errno":0,"errmsg":"","data":""}"#), Ok(()));
        assert_eq!(parse_counts(r#"{"errno":0,"errmsg":"","data":[3,0]}"#), Ok(vec![3, 0]));
        assert_eq!(parse_counts(r#"{"errno":0,"errmsg":"","data":7}"#), Ok(vec![7]));
    }

    #[test]
    fn reads_a_sign_in() {
        let json = r#"{"errno":0,"errmsg":"","data":{"display_name":"Rita","email":"rita@example.org","password":null,
          "type":"guest","objectId":2,"token":"eyJ.Mg.x"}}"#;
        let account = parse_sign_in(json).unwrap();
        assert_eq!(account, Account { token: "eyJ.Mg.x".into(), id: "2".into(), name: "Rita".into(), email: "rita@example.org".into(), administrator: false });
        assert!(matches!(parse_sign_in(r#"{"errno":0,"data":{"objectId":2,"token":""}}"#), Err(Failure::Malformed(_))));
    }

    #[test]
    fn malformed_answers_name_the_field() {
        let Err(Failure::Malformed(error)) = parse_thread(r#"{"errno":0,"data":{"data":[{"nick":"x"}]}}"#, &as_text) else {
            panic!("accepted a comment without an id");
        };
        assert!(error.to_string().contains("data"), "{error}");
        assert!(matches!(parse_thread("<!doctype html>", &as_text), Err(Failure::Malformed(_))));
    }
}
