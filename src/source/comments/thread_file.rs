//! The local store's thread file, `comments/<slug>.json`, next to the article (documented in
//! `docs/comments.md`). Pure, tested natively.

use super::{PAGE_SIZE, REPLIES_SHOWN};
use crate::model::{count_all, nest, Comment, CommentState, FormatError, Node, Origin, RichText, SafeUrl, ThreadPage, Timestamp};

/// Reads a thread file into a two-level tree (oldest first).
pub fn parse_thread_file(json: &str) -> Result<Vec<Comment>, FormatError> {
    Node::parse(json, |file| read_thread_file(&file))
}

/// Reads a thread file already parsed (or embedded in a page's data).
pub fn read_thread_file(file: &Node) -> Result<Vec<Comment>, FormatError> {
    file.object()?;
    let flat = file.get("comments").items()?.iter().map(read_comment).collect::<Result<_, _>>()?;
    Ok(nest(flat))
}

fn read_comment(comment: &Node) -> Result<Comment, FormatError> {
    comment.object()?;
    let id = comment.get("id").str()?.to_owned();
    if id.trim().is_empty() {
        return Err(comment.get("id").invalid("must not be empty"));
    }
    let author = comment.get("author").opt_string()?;
    let text = comment.get("text").str()?.to_owned();
    Ok(Comment {
        author_hash: author.clone().unwrap_or_else(|| id.clone()),
        id,
        parent: comment.get("parent").opt_string()?,
        author: author.filter(|a| !a.trim().is_empty()),
        website: comment.get("website").opt_str()?.and_then(SafeUrl::parse).filter(|w| !w.is_relative()),
        text: RichText::parse(&text),
        blocks: Vec::new(),
        source: text,
        created: Timestamp::read(&comment.get("created"))?.unix_seconds() as f64,
        modified: comment.get("modified").optional(Timestamp::read)?.map(|m| m.unix_seconds() as f64),
        likes: comment.get("likes").opt_u32()?.unwrap_or(0),
        state: if comment.get("deleted").flag()? { CommentState::Deleted } else { CommentState::Published },
        origin: Origin::Shared,
        replies: Vec::new(),
        hidden_replies: 0,
        owner: None,
    })
}

/// One page of a whole (sorted) thread, as a server would answer it: `PAGE_SIZE` top-level comments
/// after `offset`, each with its first `REPLIES_SHOWN` replies (the rest counted as hidden).
pub fn page_of(tree: Vec<Comment>, offset: u32) -> ThreadPage {
    let total = count_all(&tree);
    let top = tree.len() as u32;
    let mut comments: Vec<Comment> = tree.into_iter().skip(offset as usize).take(PAGE_SIZE as usize).collect();
    for comment in &mut comments {
        let shown = REPLIES_SHOWN as usize;
        if comment.replies.len() > shown {
            comment.hidden_replies = (comment.replies.len() - shown) as u32;
            comment.replies.truncate(shown);
        }
    }
    let hidden = top.saturating_sub(offset + comments.len() as u32);
    ThreadPage { comments, total, hidden }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_thread_with_replies() {
        let tree = parse_thread_file(r#"{"format": 1, "comments": [
            {"id": "a", "author": "Ann", "text": "First", "created": "2020-08-27T09:00:00Z", "likes": 2},
            {"id": "b", "parent": "a", "text": "Reply", "created": "2020-08-27T10:00:00Z", "website": "javascript:x"},
            {"id": "c", "parent": "b", "text": "Reply to reply", "created": "2020-08-27T11:00:00Z"}
        ]}"#).unwrap();
        assert_eq!(tree.len(), 1);
        assert_eq!(tree[0].replies.len(), 2);
        assert_eq!(tree[0].likes, 2);
        assert_eq!(tree[0].replies[0].website, None);
        assert_eq!(tree[0].replies[1].parent.as_deref(), Some("a"));
    }

    #[test]
    fn a_broken_file_names_the_field() {
        let error = parse_thread_file(r#"{"format": 1, "comments": [{"id": "a", "text": "x", "created": "yesterday"}]}"#).unwrap_err();
        assert_eq!(error.field(), Some("comments[0].created"));
        assert_eq!(parse_thread_file(r#"{"format": 1}"#).unwrap_err().field(), Some("comments"));
    }

    #[test]
    fn a_page_holds_twenty_threads_with_their_first_replies() {
        let file = serde_json::json!({ "format": 1, "comments": (0..25).flat_map(|i| {
            let top = serde_json::json!({ "id": format!("t{i}"), "text": "top", "created": format!("2020-01-01T00:{i:02}:00Z") });
            let replies: Vec<_> = (0..i.min(5)).map(|r| serde_json::json!({ "id": format!("t{i}r{r}"), "parent": format!("t{i}"),
                "text": "re", "created": format!("2020-01-02T00:{r:02}:00Z") })).collect();
            std::iter::once(top).chain(replies)
        }).collect::<Vec<_>>() });
        let tree = parse_thread_file(&file.to_string()).unwrap();
        let page = page_of(tree.clone(), 0);
        assert_eq!(page.comments.len(), 20);
        assert_eq!(page.hidden, 5);
        assert_eq!(page.total, count_all(&tree));
        assert_eq!((page.comments[4].replies.len(), page.comments[4].hidden_replies), (3, 1));
        assert_eq!(page_of(tree, 20).comments.len(), 5);
    }

    #[test]
    fn the_demo_thread_reads() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/content/comments/nica-agreement.json");
        let tree = parse_thread_file(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert!(tree.len() >= 3 && tree.iter().any(|c| !c.replies.is_empty()));
    }
}
