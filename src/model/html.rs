//! HTML from elsewhere (imported posts, server-rendered comments) turned into our typed tree through
//! one allow-list, the way [`RichText::parse`] does for Markdown.
//!
//! The model parses no HTML itself: the caller parses it (html5ever natively, the browser's DOM in
//! the browser) and hands over the tree through [`HtmlNode`]. What the walk keeps: text, emphasis,
//! strong, strikethrough, code, line breaks, links whose target passes [`SafeUrl`], and, as blocks,
//! paragraphs, headings, quotes, lists and preformatted code. No attribute is ever copied except a
//! link's `href` and `title`. Script, style, template, embedded objects and forms are left out with
//! their contents; every other element becomes its contents. What is left out is noted in
//! [`LeftOut`], so that an importer can tell the author.

use std::borrow::Cow;

use super::{Block, Inline, RichText, SafeUrl};

/// A node of a parsed HTML tree: a cheap handle (html5ever's node reference, the browser's `Node`).
pub trait HtmlNode: Clone {
    /// The element's local name in lower case (`"p"`, `"a"`); `None` for text, comments and the rest.
    fn element_name(&self) -> Option<Cow<'_, str>>;
    /// The text of a text node; `None` for every other node.
    fn text(&self) -> Option<Cow<'_, str>>;
    /// The value of an element's attribute, by its lower-case name.
    fn attribute(&self, name: &str) -> Option<Cow<'_, str>>;
    /// The names of an element's attributes (to report event handlers, which are never copied).
    fn attribute_names(&self) -> Vec<String>;
    fn children(&self) -> Vec<Self>;
}

/// What a walk could not carry over, with how often: `("<script>", 2)`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LeftOut(Vec<(String, usize)>);

impl LeftOut {
    pub fn note(&mut self, what: &str) {
        match self.0.iter_mut().find(|(seen, _)| seen == what) {
            Some((_, count)) => *count += 1,
            None => self.0.push((what.to_owned(), 1)),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Each kind of thing left out, in the order first met, with its count.
    pub fn entries(&self) -> &[(String, usize)] {
        &self.0
    }

    pub fn extend(&mut self, other: &LeftOut) {
        for (what, count) in &other.0 {
            for _ in 0..*count {
                self.note(what);
            }
        }
    }
}

/// Elements left out with everything inside them.
const DROPPED: &[&str] = &[
    "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet",
    "form", "input", "button", "select", "textarea", "option", "video", "audio", "source", "track", "canvas",
    "svg", "math", "head", "title", "meta", "link", "base", "dialog", "map", "param", "slot",
];

/// Elements that start a new block: in running text they become a line break.
const BLOCK_LEVEL: &[&str] = &[
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "figure",
    "figcaption", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "section", "article",
    "header", "footer", "main", "aside", "nav", "hr", "dl", "dt", "dd", "address", "details", "summary",
    "fieldset", "center", "hgroup", "body", "html",
];

fn is_dropped(name: &str) -> bool {
    DROPPED.contains(&name)
}

fn is_block_level(name: &str) -> bool {
    BLOCK_LEVEL.contains(&name)
}

/// The inline content of `node`'s children as one run of prose: block elements inside it are
/// separated by line breaks, as [`RichText::parse`] flattens block syntax.
pub fn rich_text<N: HtmlNode>(node: &N, left_out: &mut LeftOut) -> RichText {
    rich_text_of(&node.children(), left_out)
}

/// Like [`rich_text`] for a run of sibling nodes.
pub fn rich_text_of<N: HtmlNode>(nodes: &[N], left_out: &mut LeftOut) -> RichText {
    let mut run = InlineRun { left_out: Some(left_out), ..InlineRun::default() };
    let mut root = Vec::new();
    run.walk(nodes, &mut root);
    trim_end(&mut root);
    RichText(root)
}

/// The text of `node` as a reader sees it, whitespace collapsed, without what is left out.
pub fn text_content<N: HtmlNode>(node: &N) -> String {
    rich_text(node, &mut LeftOut::default()).plain_text().trim().to_owned()
}

/// Builds inline nodes, collapsing whitespace as a browser does across element boundaries.
#[derive(Default)]
struct InlineRun<'a> {
    left_out: Option<&'a mut LeftOut>,
    /// Whitespace seen but not yet written: it becomes one space before the next word.
    pending_space: bool,
    /// Nothing written yet on this line: leading whitespace is dropped.
    at_line_start: bool,
    started: bool,
}

impl<'a> InlineRun<'a> {
    fn note(&mut self, what: &str) {
        if let Some(left_out) = self.left_out.as_deref_mut() {
            left_out.note(what);
        }
    }

    fn walk<N: HtmlNode>(&mut self, nodes: &[N], out: &mut Vec<Inline>) {
        if !self.started {
            self.started = true;
            self.at_line_start = true;
        }
        for node in nodes {
            if let Some(text) = node.text() {
                self.push_text(&text, out);
                continue;
            }
            let Some(name) = node.element_name() else { continue };
            self.check_attributes(node);
            match name.as_ref() {
                name if is_dropped(name) => self.note(&format!("<{name}>")),
                "em" | "i" | "cite" | "dfn" | "var" => self.container(node, out, Inline::Emphasis),
                "strong" | "b" => self.container(node, out, Inline::Strong),
                "s" | "del" | "strike" => self.container(node, out, Inline::Strikethrough),
                "code" | "kbd" | "samp" | "tt" => {
                    let code = collapse(&text_content(node));
                    if !code.is_empty() {
                        self.space_before_word(out);
                        out.push(Inline::Code(code));
                    }
                }
                // A break with nothing before it on its line (a paragraph opening with <br>, a
                // second <br> in a row) would only add blank space: Markdown has no empty line.
                "br" if self.at_line_start => {}
                "br" => {
                    trim_end(out);
                    out.push(Inline::LineBreak);
                    self.at_line_start = true;
                    self.pending_space = false;
                }
                "a" => self.link(node, out),
                "img" => self.image(node, out),
                name if is_block_level(name) => {
                    self.line_break(out);
                    self.walk(&node.children(), out);
                    self.line_break(out);
                }
                _ => self.walk(&node.children(), out),
            }
        }
    }

    fn check_attributes<N: HtmlNode>(&mut self, node: &N) {
        for name in node.attribute_names() {
            if name.len() > 2 && name.starts_with("on") {
                self.note(&format!("event handler ({name})"));
            }
        }
    }

    fn container<N: HtmlNode>(&mut self, node: &N, out: &mut Vec<Inline>, make: fn(Vec<Inline>) -> Inline) {
        let mut children = Vec::new();
        self.walk(&node.children(), &mut children);
        if !children.is_empty() {
            hoist_leading_space(&mut children, out);
            out.push(make(children));
        }
    }

    fn link<N: HtmlNode>(&mut self, node: &N, out: &mut Vec<Inline>) {
        let raw = node.attribute("href");
        let href = raw.as_deref().and_then(SafeUrl::parse);
        if let (Some(raw), None) = (&raw, &href) {
            // Named as the browser reads it: "java\tscript:" is "javascript:".
            let cleaned: String = raw.chars().filter(|c| *c > ' ').collect();
            let scheme = cleaned.split(':').next().unwrap_or_default().to_ascii_lowercase();
            self.note(&format!("link to a refused URL ({scheme}:)"));
        }
        let title = node.attribute("title").map(|t| collapse(&t)).unwrap_or_default();
        let mut children = Vec::new();
        self.walk(&node.children(), &mut children);
        if !children.is_empty() {
            hoist_leading_space(&mut children, out);
            out.push(Inline::Link { href, title, children });
        }
    }

    /// A picture inside running text keeps only its words: its alt text.
    fn image<N: HtmlNode>(&mut self, node: &N, out: &mut Vec<Inline>) {
        let alt = node.attribute("alt").map(|alt| collapse(&alt)).unwrap_or_default();
        if alt.is_empty() {
            self.note("picture inside text, without alt text");
        } else {
            self.note("picture inside text (kept as its alt text)");
            self.push_text(&alt, out);
        }
    }

    fn push_text(&mut self, text: &str, out: &mut Vec<Inline>) {
        let starts_with_space = text.starts_with(is_html_space);
        let ends_with_space = text.ends_with(is_html_space);
        let words = collapse(text);
        if words.is_empty() {
            self.pending_space |= starts_with_space || ends_with_space;
            return;
        }
        self.pending_space |= starts_with_space;
        self.space_before_word(out);
        append_text(out, &words);
        self.pending_space = ends_with_space;
    }

    fn space_before_word(&mut self, out: &mut Vec<Inline>) {
        if std::mem::take(&mut self.pending_space) && !self.at_line_start {
            append_text(out, " ");
        }
        self.at_line_start = false;
    }

    fn line_break(&mut self, out: &mut Vec<Inline>) {
        if !self.at_line_start {
            trim_end(out);
            out.push(Inline::LineBreak);
        }
        self.at_line_start = true;
        self.pending_space = false;
    }
}

fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

/// Runs of HTML whitespace become one space; leading and trailing whitespace goes.
fn collapse(text: &str) -> String {
    text.split(is_html_space).filter(|word| !word.is_empty()).collect::<Vec<_>>().join(" ")
}

/// A space that opens an element's content goes before the element (`a <em>b</em>`, not
/// `a<em> b</em>`): the same to a reader, and the only form Markdown can write.
fn hoist_leading_space(children: &mut Vec<Inline>, parent: &mut Vec<Inline>) {
    if let Some(Inline::Text(first)) = children.first_mut() {
        if let Some(rest) = first.strip_prefix(' ') {
            *first = rest.to_owned();
            if first.is_empty() {
                children.remove(0);
            }
            append_text(parent, " ");
        }
    }
}

fn append_text(out: &mut Vec<Inline>, text: &str) {
    match out.last_mut() {
        Some(Inline::Text(last)) => last.push_str(text),
        _ => out.push(Inline::Text(text.to_owned())),
    }
}

/// Drops trailing line breaks and a trailing space, which a reader would not see.
fn trim_end(nodes: &mut Vec<Inline>) {
    loop {
        match nodes.last_mut() {
            Some(Inline::LineBreak) => {
                nodes.pop();
            }
            Some(Inline::Text(text)) if text.ends_with(' ') => {
                text.truncate(text.trim_end_matches(' ').len());
                if text.is_empty() {
                    nodes.pop();
                }
            }
            _ => return,
        }
    }
}

/// Lets an importer handle elements of its own (a WordPress image block, a gallery) before the
/// generic walk: return the blocks it becomes, or `None` to let the walk handle it.
pub trait ClaimElement<N: HtmlNode> {
    fn claim(&mut self, element: &N, name: &str, left_out: &mut LeftOut) -> Option<Vec<Block>>;
}

/// Claims nothing: the generic walk only.
pub struct NoClaims;

impl<N: HtmlNode> ClaimElement<N> for NoClaims {
    fn claim(&mut self, _: &N, _: &str, _: &mut LeftOut) -> Option<Vec<Block>> {
        None
    }
}

/// The blocks of `node`'s children: paragraphs, headings (levels 1 to 6 become 2 to 4), quotes,
/// lists and code; containers (`div`, `section`, table cells…) are walked through; text outside any
/// block becomes a paragraph, as a browser would show it.
pub fn blocks<N: HtmlNode>(node: &N, claims: &mut impl ClaimElement<N>, left_out: &mut LeftOut) -> Vec<Block> {
    let mut out = Vec::new();
    walk_blocks(&node.children(), claims, left_out, &mut out);
    out
}

fn walk_blocks<N: HtmlNode>(nodes: &[N], claims: &mut impl ClaimElement<N>, left_out: &mut LeftOut, out: &mut Vec<Block>) {
    let mut run: Vec<N> = Vec::new();
    let flush = |run: &mut Vec<N>, left_out: &mut LeftOut, out: &mut Vec<Block>| {
        if !run.is_empty() {
            push_paragraph(out, rich_text_of(run, left_out));
            run.clear();
        }
    };
    for node in nodes {
        let Some(name) = node.element_name() else {
            if node.text().is_some() {
                run.push(node.clone());
            }
            continue;
        };
        let name = name.into_owned();
        if let Some(claimed) = claims.claim(node, &name, left_out) {
            flush(&mut run, left_out, out);
            out.extend(claimed);
            continue;
        }
        if !is_block_level(&name) && !is_dropped(&name) {
            run.push(node.clone());
            continue;
        }
        flush(&mut run, left_out, out);
        InlineRun { left_out: Some(left_out), ..InlineRun::default() }.check_attributes(node);
        match name.as_str() {
            name if is_dropped(name) => left_out.note(&format!("<{name}>")),
            "p" => push_paragraph(out, rich_text(node, left_out)),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name.as_bytes()[1] - b'0';
                let text = rich_text(node, left_out);
                if !is_blank(&text) {
                    out.push(Block::Heading { level: level.clamp(2, 4), text });
                }
            }
            "blockquote" => push_quote(node, left_out, out),
            "ul" | "ol" => push_list(node, name == "ol", left_out, out),
            "pre" => push_code(node, out),
            "hr" => {}
            "table" => {
                left_out.note("table (its cells are kept as paragraphs)");
                walk_blocks(&node.children(), claims, left_out, out);
            }
            _ => walk_blocks(&node.children(), claims, left_out, out),
        }
    }
    flush(&mut run, left_out, out);
}

fn is_blank(text: &RichText) -> bool {
    text.plain_text().trim().is_empty()
}

fn push_paragraph(out: &mut Vec<Block>, text: RichText) {
    if !is_blank(&text) {
        out.push(Block::Paragraph(text));
    }
}

/// A quotation; a `cite` or `footer` child at its end names who said it.
fn push_quote<N: HtmlNode>(node: &N, left_out: &mut LeftOut, out: &mut Vec<Block>) {
    let mut children = node.children();
    let cite = match children.iter().rposition(|child| child.element_name().is_some()) {
        Some(last) if matches!(children[last].element_name().as_deref(), Some("cite" | "footer")) => {
            let cite = text_content(&children[last]);
            children.truncate(last);
            Some(cite).filter(|cite| !cite.is_empty())
        }
        _ => None,
    };
    let text = rich_text_of(&children, left_out);
    if !is_blank(&text) {
        out.push(Block::Quote { text, cite });
    }
}

fn push_list<N: HtmlNode>(node: &N, ordered: bool, left_out: &mut LeftOut, out: &mut Vec<Block>) {
    let mut items = Vec::new();
    for child in node.children() {
        match child.element_name().as_deref() {
            Some("li") => {
                if child.children().iter().any(|c| matches!(c.element_name().as_deref(), Some("ul" | "ol"))) {
                    left_out.note("nested list (flattened into its item)");
                }
                let item = rich_text(&child, left_out);
                if !is_blank(&item) {
                    items.push(item);
                }
            }
            Some(name) if is_dropped(name) => left_out.note(&format!("<{name}>")),
            _ => {}
        }
    }
    if !items.is_empty() {
        out.push(Block::List { ordered, items });
    }
}

/// Preformatted text, as written; the language from a `language-*` or `lang-*` class.
fn push_code<N: HtmlNode>(node: &N, out: &mut Vec<Block>) {
    let mut text = String::new();
    raw_text(node, &mut text);
    let text = text.trim_end_matches(['\n', ' ', '\t']).trim_start_matches('\n').to_owned();
    let language = std::iter::once(node.attribute("class"))
        .chain(node.children().iter().filter(|c| c.element_name().as_deref() == Some("code")).map(|c| c.attribute("class")))
        .flatten()
        .find_map(|class| {
            class.split_whitespace().find_map(|c| c.strip_prefix("language-").or_else(|| c.strip_prefix("lang-")).map(str::to_owned))
        });
    if !text.trim().is_empty() {
        out.push(Block::Code { language, text });
    }
}

fn raw_text<N: HtmlNode>(node: &N, out: &mut String) {
    for child in node.children() {
        if let Some(text) = child.text() {
            out.push_str(&text);
        } else if let Some(name) = child.element_name() {
            match name.as_ref() {
                "br" => out.push('\n'),
                name if is_dropped(name) => {}
                _ => raw_text(&child, out),
            }
        }
    }
}

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;
