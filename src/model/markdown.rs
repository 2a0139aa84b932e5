//! Inline Markdown (emphasis, strong, code, links) parsed with pulldown-cmark into a small typed tree.
//!
//! The tree is what views render: there is no HTML string anywhere. Raw HTML in the input becomes
//! text, links keep their text but lose an `href` that fails the [`SafeUrl`] allow-list, and block
//! syntax (headings, lists, images) is flattened to its inline content, since a text field is one run
//! of prose.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::{Serialize, Serializer};

use super::SafeUrl;

/// One run of prose, as a tree of inline nodes. In files it is a string of inline Markdown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RichText(pub Vec<Inline>);

/// A node of [`RichText`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Code(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Strikethrough(Vec<Inline>),
    /// `href` is `None` when the target failed the allow-list: the text stays, the link goes.
    Link { href: Option<SafeUrl>, title: String, children: Vec<Inline> },
    LineBreak,
}

impl RichText {
    /// Parses inline Markdown. Never fails: anything it does not model is kept as text.
    pub fn parse(source: &str) -> RichText {
        RichText::from_events(Parser::new_ext(source, Options::ENABLE_STRIKETHROUGH))
    }

    /// Builds the tree from pulldown-cmark events: for a caller that parses a whole Markdown
    /// document (the native `broadsheet` command) and hands over one block's inline events.
    pub fn from_events<'a>(events: impl IntoIterator<Item = Event<'a>>) -> RichText {
        let mut builder = TreeBuilder::default();
        for event in events {
            builder.push(event);
        }
        RichText(builder.finish())
    }

    /// The text without any markup, e.g. for `alt`, `<title>` or an accessible name.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        collect_text(&self.0, &mut out);
        out
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Makes every relative link target absolute (see [`SafeUrl::resolved`]).
    pub fn resolve_links(&mut self, resolve: &dyn Fn(&str) -> Option<String>) {
        fn walk(nodes: &mut [Inline], resolve: &dyn Fn(&str) -> Option<String>) {
            for node in nodes {
                match node {
                    Inline::Link { href, children, .. } => {
                        if let Some(url) = href {
                            *url = url.resolved(resolve);
                        }
                        walk(children, resolve);
                    }
                    Inline::Emphasis(children) | Inline::Strong(children) | Inline::Strikethrough(children) => {
                        walk(children, resolve)
                    }
                    Inline::Text(_) | Inline::Code(_) | Inline::LineBreak => {}
                }
            }
        }
        walk(&mut self.0, resolve);
    }
}

fn collect_text(nodes: &[Inline], out: &mut String) {
    for node in nodes {
        match node {
            Inline::Text(text) | Inline::Code(text) => out.push_str(text),
            Inline::LineBreak => out.push(' '),
            Inline::Emphasis(children)
            | Inline::Strong(children)
            | Inline::Strikethrough(children)
            | Inline::Link { children, .. } => collect_text(children, out),
        }
    }
}

/// An open container while the event stream is walked.
enum Open {
    Emphasis,
    Strong,
    Strikethrough,
    Link { href: Option<SafeUrl>, title: String },
    /// A tag we flatten (paragraph, heading, list item, image…): its children join the parent.
    Transparent,
}

#[derive(Default)]
struct TreeBuilder {
    stack: Vec<(Open, Vec<Inline>)>,
    root: Vec<Inline>,
    /// Set after a block ends, so the next block's text is separated from the previous one.
    pending_block_break: bool,
}

impl TreeBuilder {
    fn current(&mut self) -> &mut Vec<Inline> {
        match self.stack.last_mut() {
            Some((_, children)) => children,
            None => &mut self.root,
        }
    }

    /// Adds a node from the input, first separating it from the block before it.
    fn push_node(&mut self, node: Inline) {
        if std::mem::take(&mut self.pending_block_break) && !self.root_is_empty() {
            self.append(Inline::LineBreak);
        }
        self.append(node);
    }

    fn append(&mut self, node: Inline) {
        let current = self.current();
        // Adjacent text events (pulldown-cmark splits at special characters) merge into one node.
        if let (Inline::Text(new), Some(Inline::Text(last))) = (&node, current.last_mut()) {
            last.push_str(new);
            return;
        }
        current.push(node);
    }

    fn root_is_empty(&self) -> bool {
        self.root.is_empty() && self.stack.iter().all(|(_, children)| children.is_empty())
    }

    fn push(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => {
                let open = match tag {
                    Tag::Emphasis => Open::Emphasis,
                    Tag::Strong => Open::Strong,
                    Tag::Strikethrough => Open::Strikethrough,
                    Tag::Link { dest_url, title, .. } => Open::Link {
                        href: SafeUrl::parse(&dest_url),
                        title: title.into_string(),
                    },
                    _ => Open::Transparent,
                };
                self.stack.push((open, Vec::new()));
            }
            Event::End(end) => {
                let Some((open, children)) = self.stack.pop() else { return };
                let node = match open {
                    Open::Emphasis => Inline::Emphasis(children),
                    Open::Strong => Inline::Strong(children),
                    Open::Strikethrough => Inline::Strikethrough(children),
                    Open::Link { href, title } => Inline::Link { href, title, children },
                    Open::Transparent => {
                        for child in children {
                            self.append(child);
                        }
                        if is_block_end(&end) {
                            self.pending_block_break = true;
                        }
                        return;
                    }
                };
                self.push_node(node);
            }
            Event::Text(text) => self.push_node(Inline::Text(text.into_string())),
            Event::Code(code) => self.push_node(Inline::Code(code.into_string())),
            // Raw HTML is shown as the text the author typed, never interpreted.
            Event::Html(raw) | Event::InlineHtml(raw) => self.push_node(Inline::Text(raw.into_string())),
            Event::HardBreak => self.push_node(Inline::LineBreak),
            Event::SoftBreak => self.push_node(Inline::Text(" ".into())),
            Event::Rule => self.pending_block_break = true,
            Event::InlineMath(text) | Event::DisplayMath(text) | Event::FootnoteReference(text) => {
                self.push_node(Inline::Text(text.into_string()))
            }
            Event::TaskListMarker(_) => {}
        }
    }

    fn finish(mut self) -> Vec<Inline> {
        while let Some((_, children)) = self.stack.pop() {
            for child in children {
                self.append(child);
            }
        }
        self.root
    }
}

fn is_block_end(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::CodeBlock
    )
}

impl From<&str> for RichText {
    fn from(source: &str) -> Self {
        RichText::parse(source)
    }
}

impl Serialize for RichText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_markdown())
    }
}

#[cfg(test)]
mod tests {
    use super::Inline::*;
    use super::*;

    fn text(s: &str) -> Inline {
        Text(s.into())
    }

    #[test]
    fn parses_emphasis_strong_code_and_links() {
        let tree = RichText::parse("A *b* **c** `d` [e](https://e.example \"E\")");
        assert_eq!(
            tree.0,
            vec![
                text("A "),
                Emphasis(vec![text("b")]),
                text(" "),
                Strong(vec![text("c")]),
                text(" "),
                Code("d".into()),
                text(" "),
                Link {
                    href: SafeUrl::parse("https://e.example"),
                    title: "E".into(),
                    children: vec![text("e")]
                },
            ]
        );
    }

    #[test]
    fn raw_html_stays_text() {
        let tree = RichText::parse("x <script>alert(1)</script> <img src=x onerror=alert(1)>");
        assert_eq!(tree.plain_text(), "x <script>alert(1)</script> <img src=x onerror=alert(1)>");
        assert!(tree.0.iter().all(|node| matches!(node, Text(_))));
    }

    #[test]
    fn block_html_stays_text() {
        let tree = RichText::parse("<div onclick=\"alert(1)\">hi</div>");
        assert_eq!(tree.plain_text().trim(), "<div onclick=\"alert(1)\">hi</div>");
    }

    #[test]
    fn a_disallowed_link_keeps_its_text_but_loses_its_target() {
        let tree = RichText::parse("[click](javascript:alert(1))");
        assert_eq!(tree.0, vec![Link { href: None, title: String::new(), children: vec![text("click")] }]);
    }

    #[test]
    fn autolinks_pass_the_same_allow_list() {
        let tree = RichText::parse("<https://ok.example> <javascript:alert(1)>");
        let hrefs: Vec<_> = tree
            .0
            .iter()
            .filter_map(|node| match node {
                Link { href, .. } => Some(href.clone()),
                _ => None,
            })
            .collect();
        // pulldown-cmark reads only the first as an autolink; the second has no valid scheme for
        // an autolink and stays text, or becomes a link without a target. Either way no script URL.
        assert_eq!(hrefs.first(), Some(&SafeUrl::parse("https://ok.example")));
        assert!(hrefs.iter().skip(1).all(Option::is_none));
    }

    #[test]
    fn block_syntax_is_flattened_to_inline_text() {
        let tree = RichText::parse("# Title\n\n- one\n- two");
        assert_eq!(tree.0, vec![text("Title"), LineBreak, text("one"), LineBreak, text("two")]);
    }

    #[test]
    fn images_become_their_alt_text() {
        assert_eq!(RichText::parse("see ![a chart](x.png)").plain_text(), "see a chart");
    }

    #[test]
    fn nested_markup_is_a_tree() {
        let tree = RichText::parse("**bold *and italic***");
        assert_eq!(tree.0, vec![Strong(vec![text("bold "), Emphasis(vec![text("and italic")])])]);
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(RichText::parse("The *NICA* `collider`").plain_text(), "The NICA collider");
    }
}
