//! The allow-list walk over hand-built trees (the native importer tests it again behind html5ever,
//! with real WordPress and JSON Feed content and the hostile corpus).

use std::borrow::Cow;

use super::*;
use crate::model::Inline::*;

#[derive(Clone, Debug)]
enum Node {
    Element { name: &'static str, attributes: Vec<(&'static str, String)>, children: Vec<Node> },
    Text(String),
    Comment,
}

impl HtmlNode for Node {
    fn element_name(&self) -> Option<Cow<'_, str>> {
        match self {
            Node::Element { name, .. } => Some(Cow::Borrowed(name)),
            _ => None,
        }
    }
    fn text(&self) -> Option<Cow<'_, str>> {
        match self {
            Node::Text(text) => Some(Cow::Borrowed(text)),
            _ => None,
        }
    }
    fn attribute(&self, wanted: &str) -> Option<Cow<'_, str>> {
        match self {
            Node::Element { attributes, .. } => {
                attributes.iter().find(|(name, _)| *name == wanted).map(|(_, value)| Cow::Borrowed(value.as_str()))
            }
            _ => None,
        }
    }
    fn attribute_names(&self) -> Vec<String> {
        match self {
            Node::Element { attributes, .. } => attributes.iter().map(|(name, _)| name.to_string()).collect(),
            _ => Vec::new(),
        }
    }
    fn children(&self) -> Vec<Node> {
        match self {
            Node::Element { children, .. } => children.clone(),
            _ => Vec::new(),
        }
    }
}

fn el(name: &'static str, children: Vec<Node>) -> Node {
    Node::Element { name, attributes: Vec::new(), children }
}

fn el_with(name: &'static str, attributes: &[(&'static str, &str)], children: Vec<Node>) -> Node {
    let attributes = attributes.iter().map(|(n, v)| (*n, v.to_string())).collect();
    Node::Element { name, attributes, children }
}

fn t(text: &str) -> Node {
    Node::Text(text.into())
}

fn text(s: &str) -> Inline {
    Text(s.into())
}

fn inline(children: Vec<Node>) -> (Vec<Inline>, LeftOut) {
    let mut left_out = LeftOut::default();
    let tree = rich_text(&el("div", children), &mut left_out);
    (tree.0, left_out)
}

fn body(children: Vec<Node>) -> (Vec<Block>, LeftOut) {
    let mut left_out = LeftOut::default();
    let blocks = blocks(&el("body", children), &mut NoClaims, &mut left_out);
    (blocks, left_out)
}

fn notes(left_out: &LeftOut) -> Vec<String> {
    left_out.entries().iter().map(|(what, count)| format!("{what} x{count}")).collect()
}

#[test]
fn keeps_emphasis_strong_strikethrough_code_and_breaks() {
    let (tree, left_out) = inline(vec![
        t("A "),
        el("em", vec![t("b")]),
        t(" "),
        el("b", vec![t("c")]),
        t(" "),
        el("del", vec![t("d")]),
        t(" "),
        el("code", vec![t("e  f")]),
        el("br", vec![]),
        el("i", vec![t("g")]),
    ]);
    assert_eq!(
        tree,
        vec![
            text("A "),
            Emphasis(vec![text("b")]),
            text(" "),
            Strong(vec![text("c")]),
            text(" "),
            Strikethrough(vec![text("d")]),
            text(" "),
            Code("e f".into()),
            LineBreak,
            Emphasis(vec![text("g")]),
        ]
    );
    assert!(left_out.is_empty());
}

#[test]
fn collapses_whitespace_across_elements_as_a_browser_does() {
    let (tree, _) = inline(vec![t("\n  One\n two "), el("em", vec![t(" three ")]), t("  four\n")]);
    assert_eq!(tree, vec![text("One two "), Emphasis(vec![text("three")]), text(" four")]);
}

#[test]
fn script_style_and_template_contents_are_left_out_and_noted() {
    let (tree, left_out) = inline(vec![
        t("before "),
        el("script", vec![t("alert(1)")]),
        el("style", vec![t("p { color: red }")]),
        el("template", vec![el("p", vec![t("hidden")])]),
        el("iframe", vec![]),
        t("after"),
    ]);
    assert_eq!(RichText(tree).plain_text(), "before after");
    assert_eq!(notes(&left_out), ["<script> x1", "<style> x1", "<template> x1", "<iframe> x1"]);
}

#[test]
fn links_pass_the_url_allow_list_and_keep_their_words_when_refused() {
    let (tree, left_out) = inline(vec![
        el_with("a", &[("href", "https://ok.example/"), ("title", " The  title ")], vec![t("ok")]),
        t(" "),
        el_with("a", &[("href", " JaVa\tScRiPt:alert(1)"), ("onclick", "alert(2)")], vec![t("bad")]),
        t(" "),
        el_with("a", &[("href", "data:text/html,<script>alert(3)</script>")], vec![t("data")]),
        t(" "),
        el("a", vec![t("anchor")]),
    ]);
    assert_eq!(
        tree,
        vec![
            Link { href: SafeUrl::parse("https://ok.example/"), title: "The title".into(), children: vec![text("ok")] },
            text(" "),
            Link { href: None, title: String::new(), children: vec![text("bad")] },
            text(" "),
            Link { href: None, title: String::new(), children: vec![text("data")] },
            text(" "),
            Link { href: None, title: String::new(), children: vec![text("anchor")] },
        ]
    );
    assert_eq!(
        notes(&left_out),
        ["event handler (onclick) x1", "link to a refused URL (javascript:) x1", "link to a refused URL (data:) x1"]
    );
}

#[test]
fn unknown_elements_become_their_text_and_no_attribute_is_copied() {
    let (tree, _) = inline(vec![
        el_with("span", &[("style", "color:red"), ("class", "x")], vec![t("a")]),
        el("sup", vec![t("2")]),
        el_with("font", &[("face", "Comic Sans")], vec![t(" b")]),
    ]);
    assert_eq!(tree, vec![text("a2 b")]);
}

#[test]
fn a_picture_inside_text_keeps_its_alt_text() {
    let (tree, left_out) = inline(vec![
        t("smile "),
        el_with("img", &[("src", "https://s.w.org/smile.png"), ("alt", "🙂"), ("onerror", "alert(1)")], vec![]),
        el_with("img", &[("src", "x.png")], vec![]),
    ]);
    assert_eq!(tree, vec![text("smile 🙂")]);
    assert_eq!(
        notes(&left_out),
        [
            "event handler (onerror) x1",
            "picture inside text (kept as its alt text) x1",
            "picture inside text, without alt text x1"
        ]
    );
}

#[test]
fn breaks_that_only_add_blank_space_are_dropped() {
    let (tree, _) = inline(vec![el("br", vec![]), t("a "), el("br", vec![]), el("br", vec![]), t(" b"), el("br", vec![])]);
    assert_eq!(tree, vec![text("a"), LineBreak, text("b")]);
}

#[test]
fn blocks_inside_running_text_become_line_breaks() {
    let (tree, _) = inline(vec![el("p", vec![t("one")]), el("p", vec![t(" two ")]), t("three")]);
    assert_eq!(tree, vec![text("one"), LineBreak, text("two"), LineBreak, text("three")]);
}

#[test]
fn reads_paragraphs_headings_quotes_lists_and_code() {
    let (blocks, left_out) = body(vec![
        el("h1", vec![t("Title")]),
        el("p", vec![t("Para "), el("strong", vec![t("bold")])]),
        el("h5", vec![t("Deep")]),
        el("blockquote", vec![el("p", vec![t("Said")]), el("p", vec![t("twice")]), el("cite", vec![t(" Someone ")])]),
        el("ol", vec![el("li", vec![t("one")]), t(" "), el("li", vec![t("two")])]),
        el("ul", vec![el("li", vec![t("a")])]),
        el_with("pre", &[("class", "wp-block-code")], vec![el_with("code", &[("class", "language-rust")], vec![t("fn main() {\n    let x = 1;\n}\n")])]),
    ]);
    assert_eq!(
        blocks,
        vec![
            Block::Heading { level: 2, text: RichText(vec![text("Title")]) },
            Block::Paragraph(RichText(vec![text("Para "), Strong(vec![text("bold")])])),
            Block::Heading { level: 4, text: RichText(vec![text("Deep")]) },
            Block::Quote { text: RichText(vec![text("Said"), LineBreak, text("twice")]), cite: Some("Someone".into()) },
            Block::List { ordered: true, items: vec![RichText(vec![text("one")]), RichText(vec![text("two")])] },
            Block::List { ordered: false, items: vec![RichText(vec![text("a")])] },
            Block::Code { language: Some("rust".into()), text: "fn main() {\n    let x = 1;\n}".into() },
        ]
    );
    assert!(left_out.is_empty(), "{left_out:?}");
}

#[test]
fn text_outside_blocks_becomes_a_paragraph_and_containers_are_walked() {
    let (blocks, _) = body(vec![
        t("loose "),
        el("em", vec![t("words")]),
        el("div", vec![el("section", vec![el("p", vec![t("deep")])]), t("tail")]),
        t("  \n "),
    ]);
    assert_eq!(
        blocks,
        vec![
            Block::Paragraph(RichText(vec![text("loose "), Emphasis(vec![text("words")])])),
            Block::Paragraph(RichText(vec![text("deep")])),
            Block::Paragraph(RichText(vec![text("tail")])),
        ]
    );
}

#[test]
fn empty_paragraphs_are_skipped() {
    let (blocks, _) = body(vec![el("p", vec![t("\u{a0}")]), el("p", vec![el("br", vec![])]), el("p", vec![]), el("h2", vec![t(" ")])]);
    assert!(blocks.is_empty(), "{blocks:?}");
}

#[test]
fn nested_lists_and_tables_are_flattened_with_a_note() {
    let (blocks, left_out) = body(vec![
        el("ul", vec![el("li", vec![t("outer"), el("ul", vec![el("li", vec![t("inner")])])])]),
        el("table", vec![el("tbody", vec![el("tr", vec![el("td", vec![t("cell")])])])]),
    ]);
    assert_eq!(
        blocks,
        vec![
            Block::List { ordered: false, items: vec![RichText(vec![text("outer"), LineBreak, text("inner")])] },
            Block::Paragraph(RichText(vec![text("cell")])),
        ]
    );
    assert_eq!(notes(&left_out), ["nested list (flattened into its item) x1", "table (its cells are kept as paragraphs) x1"]);
}

#[test]
fn dropped_blocks_are_noted_with_their_contents_gone() {
    let (blocks, left_out) = body(vec![
        el_with("form", &[("action", "https://evil.example")], vec![el("input", vec![]), el("p", vec![t("inside form")])]),
        el("script", vec![t("alert(1)")]),
        el_with("div", &[("onmouseover", "alert(1)")], vec![t("kept")]),
    ]);
    assert_eq!(blocks, vec![Block::Paragraph(RichText(vec![text("kept")]))]);
    assert_eq!(notes(&left_out), ["<form> x1", "<script> x1", "event handler (onmouseover) x1"]);
}

struct ImagesAsFigures;

impl ClaimElement<Node> for ImagesAsFigures {
    fn claim(&mut self, element: &Node, name: &str, _: &mut LeftOut) -> Option<Vec<Block>> {
        (name == "img").then(|| {
            let src = element.attribute("src").and_then(|src| SafeUrl::parse(&src));
            src.map(|src| {
                Block::Figure(crate::model::Image {
                    src,
                    alt: element.attribute("alt").map(Cow::into_owned),
                    caption: RichText::default(),
                    credit: None,
                    width: None,
                    height: None,
                    srcset: Vec::new(),
                    sizes: None,
                })
            })
            .into_iter()
            .collect()
        })
    }
}

#[test]
fn an_importer_claims_its_own_elements_in_reading_order() {
    let mut left_out = LeftOut::default();
    let tree = el(
        "body",
        vec![t("before"), el_with("img", &[("src", "a.png"), ("alt", "A")], vec![]), t("after"), el_with("img", &[("src", "javascript:x")], vec![])],
    );
    let blocks = blocks(&tree, &mut ImagesAsFigures, &mut left_out);
    assert_eq!(blocks.len(), 3, "{blocks:?}");
    assert!(matches!(&blocks[0], Block::Paragraph(p) if p.plain_text() == "before"));
    assert!(matches!(&blocks[1], Block::Figure(image) if image.src.as_str() == "a.png" && image.alt.as_deref() == Some("A")));
    assert!(matches!(&blocks[2], Block::Paragraph(p) if p.plain_text() == "after"));
}

#[test]
fn comments_and_other_nodes_are_ignored() {
    let (tree, _) = inline(vec![t("a"), Node::Comment, t("b")]);
    assert_eq!(tree, vec![text("ab")]);
}

#[test]
fn hostile_text_stays_text_and_hostile_hrefs_never_become_links() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/xss-vectors.json");
    let corpus: Vec<serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for vector in &corpus {
        let payload = vector["payload"].as_str().unwrap();
        let (tree, _) = inline(vec![el("p", vec![t(payload)]), el_with("a", &[("href", payload)], vec![t("x")])]);
        for node in &tree {
            match node {
                Text(_) | LineBreak => {}
                Link { href, .. } => {
                    if let Some(href) = href {
                        assert_eq!(SafeUrl::parse(href.as_str()).as_ref(), Some(href), "{payload}");
                        let lower = href.as_str().to_ascii_lowercase();
                        assert!(!lower.trim_start().starts_with("javascript:") && !lower.starts_with("data:"), "{payload}");
                    }
                }
                other => panic!("{payload}: unexpected {other:?}"),
            }
        }
        let words = collapse(payload);
        assert!(RichText(tree).plain_text().starts_with(&words), "{payload}");
    }
}

#[test]
fn left_out_counts_repeats() {
    let mut left_out = LeftOut::default();
    left_out.note("<script>");
    left_out.note("<iframe>");
    left_out.note("<script>");
    assert_eq!(left_out.entries(), [("<script>".to_string(), 2), ("<iframe>".to_string(), 1)]);
}
