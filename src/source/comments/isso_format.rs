//! Isso 0.14's JSON (see `docs/isso-api-notes.md`) into comment-model values. Pure, tested natively.

use super::{PAGE_SIZE, REPLIES_SHOWN};
use crate::model::{Comment, CommentState, FormatError, Node, Origin, RichText, SafeUrl, SortOrder, ThreadPage};

/// The query for a page of the thread `uri` (`GET /?uri=…`), exactly as the client asks for it, so
/// that a pre-rendered page can preload the first page and the app's request finds it ready.
pub fn thread_page_query(uri: &str, sort: SortOrder, offset: u32) -> String {
    format!(
        "?uri={}&plain=1&limit={PAGE_SIZE}&offset={offset}&nested_limit={REPLIES_SHOWN}&sort={}",
        encode_query_value(uri),
        sort.as_str()
    )
}

/// A query value as the browser's `URLSearchParams` writes it (form encoding: `A-Z a-z 0-9 * - . _`
/// kept, space as `+`, the rest percent-encoded as UTF-8), so the preloaded URL and the app's request
/// are the same string.
pub fn encode_query_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b' ' => out.push('+'),
            b if b.is_ascii_alphanumeric() || b"*-._".contains(&b) => out.push(b as char),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A thread page (`GET /?uri=…&plain=1`). Isso's counts are kept as it means them: `total` is
/// every listed comment, `hidden` the top-level ones not returned.
pub fn parse_thread(json: &str) -> Result<ThreadPage, FormatError> {
    Node::parse(json, |thread| {
        thread.object()?;
        Ok(ThreadPage {
            comments: thread.get("replies").list(read_comment)?,
            total: count(&thread.get("total_replies"))?,
            hidden: count(&thread.get("hidden_replies"))?,
        })
    })
}

/// More replies of one comment (`GET /?uri=…&parent=N`): the replies and how many remain.
pub fn parse_replies(json: &str) -> Result<(Vec<Comment>, u32), FormatError> {
    let page = parse_thread(json)?;
    Ok((page.comments, page.hidden))
}

/// One comment (`POST /new`, `PUT /id/N`). `null` (an unknown id) is an error.
pub fn parse_comment(json: &str) -> Result<Comment, FormatError> {
    Node::parse(json, |comment| read_comment(&comment))
}

/// The answer to `DELETE /id/N`: `null` when the comment is gone, a placeholder when it had replies.
pub fn parse_deleted(json: &str) -> Result<Option<Comment>, FormatError> {
    Node::parse(json, |comment| comment.optional(read_comment))
}

/// The answer to `POST /id/N/like`: the new count, or Isso's reason for refusing the vote.
pub fn parse_vote(json: &str) -> Result<Result<u32, String>, FormatError> {
    Node::parse(json, |vote| {
        if !vote.exists() {
            return Err(vote.invalid("the comment does not exist"));
        }
        vote.object()?;
        Ok(match vote.get("message").opt_string()? {
            Some(message) => Err(message),
            None => Ok(count(&vote.get("likes"))?),
        })
    })
}

fn read_comment(comment: &Node) -> Result<Comment, FormatError> {
    comment.object()?;
    let id = comment.get("id").f64()?;
    let state = match comment.get("mode").opt_u32()?.unwrap_or(1) {
        2 => CommentState::AwaitingModeration,
        4 => CommentState::Deleted,
        _ => CommentState::Published,
    };
    let text = comment.get("text").opt_string()?.unwrap_or_default();
    Ok(Comment {
        id: number_id(id),
        parent: comment.get("parent").opt_f64()?.map(number_id),
        // Isso escapes author and website as HTML on the way in; we show text as text.
        author: comment.get("author").opt_str()?.map(unescape_html).filter(|a| !a.trim().is_empty()),
        website: comment.get("website").opt_str()?.and_then(|w| SafeUrl::parse(&unescape_html(w))).filter(|w| !w.is_relative()),
        text: RichText::parse(&text),
        blocks: Vec::new(),
        source: text,
        created: comment.get("created").f64()?,
        modified: comment.get("modified").opt_f64()?,
        likes: count(&comment.get("likes"))?,
        author_hash: comment.get("hash").opt_string()?.unwrap_or_default(),
        state,
        origin: Origin::Shared,
        replies: comment.get("replies").list(read_comment)?,
        hidden_replies: count(&comment.get("hidden_replies"))?,
        owner: None,
    })
}

/// Isso's ids are whole numbers; we keep them as text.
fn number_id(id: f64) -> String {
    format!("{}", id as i64)
}

/// An optional count. Isso's can go negative (`offset` without `limit`); a reader never sees one.
fn count(node: &Node) -> Result<u32, FormatError> {
    Ok(node.opt_f64()?.unwrap_or(0.0).clamp(0.0, f64::from(u32::MAX)) as u32)
}

/// Undoes Python's `html.escape` (what Isso applies to author and website). Written out because it
/// is exactly these five entities and a general HTML decoder would add weight for nothing.
pub fn unescape_html(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Isso answers errors with an HTML page whose `<p>` holds the reason: take that text, never the
/// markup. `None` when there is no such paragraph.
pub fn error_reason(body: &str) -> Option<String> {
    let start = body.find("<p>")? + 3;
    let end = start + body[start..].find("</p>")?;
    let reason = unescape_html(body[start..end].trim());
    (!reason.is_empty() && !reason.contains('<')).then(|| reason.chars().take(300).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const THREAD: &str = r#"{
      "id": null, "total_replies": 8, "hidden_replies": 4,
      "replies": [{
        "id": 1, "parent": null, "created": 1795488516.06, "modified": null, "mode": 1,
        "text": "First *comment*, with <b>html</b> & a [link](http://example.com).",
        "author": "Alice &lt;script&gt;", "website": "http://example.com/alice",
        "likes": 2, "dislikes": 0, "notification": 0, "hash": "1ac7927fd6af",
        "total_replies": 2, "hidden_replies": 1,
        "replies": [{ "id": 2, "parent": 1, "created": 1795488522.35, "modified": null, "mode": 1,
          "text": "A reply", "author": null, "website": "javascript:alert(1)", "likes": 0, "dislikes": 0,
          "notification": null, "hash": "4505c1eeda98" }]
      }, {
        "id": 3, "parent": null, "created": 1795488600.0, "mode": 4, "text": "", "author": null,
        "website": null, "likes": 0, "hash": "x", "total_replies": 1, "hidden_replies": 1, "replies": []
      }],
      "config": {}
    }"#;

    #[test]
    fn thread_queries_encode_the_uri_like_url_search_params() {
        assert_eq!(
            thread_page_query("/posts/nica-agreement", SortOrder::Oldest, 0),
            "?uri=%2Fposts%2Fnica-agreement&plain=1&limit=20&offset=0&nested_limit=3&sort=oldest"
        );
        assert_eq!(encode_query_value("a b/ü?&="), "a+b%2F%C3%BC%3F%26%3D");
        assert_eq!(encode_query_value("*-._!~'()"), "*-._%21%7E%27%28%29");
    }

    #[test]
    fn reads_a_thread_page() {
        let page = parse_thread(THREAD).unwrap();
        assert_eq!((page.total, page.hidden), (8, 4));
        let first = &page.comments[0];
        assert_eq!(first.id, "1");
        assert_eq!(first.author.as_deref(), Some("Alice <script>"), "shown as the text Alice typed");
        assert_eq!(first.website, SafeUrl::parse("http://example.com/alice"));
        assert_eq!(first.likes, 2);
        assert_eq!(first.hidden_replies, 1);
        assert!(first.text.plain_text().contains("<b>html</b>"), "raw HTML stays text");
        assert_eq!(first.replies[0].parent.as_deref(), Some("1"));
        assert_eq!(first.replies[0].website, None, "a script URL is dropped");
        assert_eq!(page.comments[1].state, CommentState::Deleted);
    }

    #[test]
    fn reads_answers_to_writes() {
        let posted = parse_comment(r#"{"id": 9, "parent": 1, "created": 1.0, "mode": 2, "text": "hi", "author": "A", "website": null, "likes": 0}"#).unwrap();
        assert_eq!(posted.state, CommentState::AwaitingModeration);
        assert_eq!(parse_deleted("null").unwrap(), None);
        assert!(parse_deleted(r#"{"id": 1, "created": 1.0, "mode": 4}"#).unwrap().is_some());
        assert_eq!(parse_vote(r#"{"likes": 3, "dislikes": 0}"#).unwrap(), Ok(3));
        assert!(parse_vote(r#"{"likes": 0, "dislikes": 0, "message": "Upvote denied"}"#).unwrap().is_err());
        assert!(parse_vote("null").is_err());
        assert!(parse_comment("null").is_err());
    }

    #[test]
    fn negative_counts_become_zero() {
        let page = parse_thread(r#"{"total_replies": 3, "hidden_replies": -2, "replies": []}"#).unwrap();
        assert_eq!(page.hidden, 0);
    }

    #[test]
    fn malformed_answers_are_errors_naming_the_field() {
        assert_eq!(parse_thread(r#"{"replies": [{"created": 1.0}]}"#).unwrap_err().field(), Some("replies[0].id"));
        assert!(parse_thread("<html>").is_err());
    }

    #[test]
    fn error_pages_give_their_reason_as_text() {
        let page = "<!doctype html>\n<html lang=en>\n<title>403 Forbidden</title>\n<h1>Forbidden</h1>\n<p>127.0.0.0: ratelimit exceeded (1, 2)</p>\n";
        assert_eq!(error_reason(page).as_deref(), Some("127.0.0.0: ratelimit exceeded (1, 2)"));
        assert_eq!(error_reason("<p>text is too short (minimum length: 3)</p>").as_deref(), Some("text is too short (minimum length: 3)"));
        assert_eq!(error_reason("<p><script>alert(1)</script></p>"), None);
        assert_eq!(error_reason("plain"), None);
    }
}
