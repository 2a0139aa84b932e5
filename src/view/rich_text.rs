//! Renders the Markdown tree as elements. There is no HTML string on this path: text nodes are text.

use leptos::prelude::*;

use crate::model::{Inline, RichText};

/// A run of inline Markdown (paragraph, caption, list item, comment…).
#[component]
pub fn RichTextView(text: RichText) -> impl IntoView {
    text.0.into_iter().map(inline_view).collect_view()
}

fn inline_view(node: Inline) -> AnyView {
    let children = |nodes: Vec<Inline>| nodes.into_iter().map(inline_view).collect_view();
    match node {
        Inline::Text(text) => text.into_any(),
        Inline::Code(code) => view! { <code>{code}</code> }.into_any(),
        Inline::Emphasis(nodes) => view! { <em>{children(nodes)}</em> }.into_any(),
        Inline::Strong(nodes) => view! { <strong>{children(nodes)}</strong> }.into_any(),
        Inline::Strikethrough(nodes) => view! { <s>{children(nodes)}</s> }.into_any(),
        Inline::LineBreak => view! { <br/> }.into_any(),
        Inline::Link { href: Some(href), title, children: nodes } => {
            let title = (!title.is_empty()).then_some(title);
            // Links leave the article: never hand the opened page a handle on ours.
            let rel = (!href.is_relative()).then_some("noopener noreferrer");
            view! { <a href=href.to_string() title=title rel=rel>{children(nodes)}</a> }.into_any()
        }
        // A refused target: keep the words, drop the link.
        Inline::Link { href: None, children: nodes, .. } => children(nodes).into_any(),
    }
}
