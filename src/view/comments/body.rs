//! A comment's text: one run of prose (Isso, the local store), or blocks (Waline's paragraphs,
//! quotes, lists and code). Headings inside a comment are shown as strong paragraphs: a comment
//! must not add entries to the page's outline.

use leptos::prelude::*;

use crate::model::{Block, Comment, RichText};
use crate::view::RichTextView;

#[component]
pub fn CommentBody(text: RichText, blocks: Vec<Block>) -> AnyView {
    if blocks.is_empty() {
        return view! { <p><RichTextView text/></p> }.into_any();
    }
    blocks.into_iter().map(block_view).collect_view().into_any()
}

/// The text and blocks of `comment`, for [`CommentBody`].
pub fn body_of(comment: &Comment) -> (RichText, Vec<Block>) {
    (comment.text.clone(), comment.blocks.clone())
}

fn block_view(block: Block) -> AnyView {
    let list_items = |items: Vec<RichText>| items.into_iter().map(|text| view! { <li><RichTextView text/></li> }).collect_view();
    match block {
        Block::Paragraph(text) => view! { <p><RichTextView text/></p> }.into_any(),
        Block::Heading { text, .. } => view! { <p><strong><RichTextView text/></strong></p> }.into_any(),
        Block::Quote { text, .. } => view! { <blockquote><p><RichTextView text/></p></blockquote> }.into_any(),
        Block::List { ordered: true, items } => view! { <ol>{list_items(items)}</ol> }.into_any(),
        Block::List { ordered: false, items } => view! { <ul>{list_items(items)}</ul> }.into_any(),
        Block::Code { text, .. } => view! { <pre class="code-block"><code>{text}</code></pre> }.into_any(),
        // Comments claim no figures: images in a comment's HTML became their alt text.
        Block::Figure(image) => view! { <p>{image.alt.clone()}</p> }.into_any(),
    }
}
