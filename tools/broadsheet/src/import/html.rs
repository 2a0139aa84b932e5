//! Foreign HTML, parsed natively with html5ever (through scraper's tree), walked by the model's one
//! allow-list (`broadsheet::model::html`) into our blocks. What is not WordPress-specific about
//! pictures lives here: a `<figure>` with its `<img>` and `<figcaption>`, a picture standing alone,
//! and embeds (`<iframe>`, `<video>`…), which become a link to their source.

use std::borrow::Cow;

use broadsheet::model::html::{self, ClaimElement, HtmlNode, LeftOut};
use broadsheet::model::{Block, Image, Inline, RichText, SafeUrl};
use ego_tree::NodeRef;
use scraper::{Html, Node};

/// A parsed HTML fragment.
pub struct Fragment(Html);

impl Fragment {
    /// Parses like a browser parsing the inside of a `<body>`: never fails, whatever the input.
    pub fn parse(html: &str) -> Fragment {
        Fragment(Html::parse_fragment(html))
    }

    /// The fragment's root: walk its children.
    pub fn root(&self) -> Dom<'_> {
        Dom(self.0.root_element().into_inner_node())
    }
}

/// A node of a parsed fragment, as the model's walk sees it.
#[derive(Clone, Copy)]
pub struct Dom<'a>(pub NodeRef<'a, Node>);

trait IntoNode<'a> {
    fn into_inner_node(self) -> NodeRef<'a, Node>;
}

impl<'a> IntoNode<'a> for scraper::ElementRef<'a> {
    fn into_inner_node(self) -> NodeRef<'a, Node> {
        *self
    }
}

impl<'a> HtmlNode for Dom<'a> {
    fn element_name(&self) -> Option<Cow<'_, str>> {
        match self.0.value() {
            Node::Element(element) => Some(Cow::Borrowed(element.name())),
            _ => None,
        }
    }

    fn text(&self) -> Option<Cow<'_, str>> {
        match self.0.value() {
            Node::Text(text) => Some(Cow::Borrowed(&text.text)),
            _ => None,
        }
    }

    fn attribute(&self, name: &str) -> Option<Cow<'_, str>> {
        match self.0.value() {
            Node::Element(element) => element.attr(name).map(Cow::Borrowed),
            _ => None,
        }
    }

    fn attribute_names(&self) -> Vec<String> {
        match self.0.value() {
            Node::Element(element) => element.attrs().map(|(name, _)| name.to_owned()).collect(),
            _ => Vec::new(),
        }
    }

    fn children(&self) -> Vec<Self> {
        self.0.children().map(Dom).collect()
    }
}

impl<'a> Dom<'a> {
    pub fn name(&self) -> Option<&'a str> {
        match self.0.value() {
            Node::Element(element) => Some(element.name()),
            _ => None,
        }
    }

    pub fn attr(&self, name: &str) -> Option<&'a str> {
        match self.0.value() {
            Node::Element(element) => element.attr(name),
            _ => None,
        }
    }

    pub fn has_class(&self, class: &str) -> bool {
        match self.0.value() {
            Node::Element(element) => element.classes().any(|c| c == class),
            _ => false,
        }
    }

    pub fn has_class_prefix(&self, prefix: &str) -> bool {
        match self.0.value() {
            Node::Element(element) => element.classes().any(|c| c.starts_with(prefix)),
            _ => false,
        }
    }

    /// Every element below this one, in document order.
    pub fn descendants(&self) -> impl Iterator<Item = Dom<'a>> {
        self.0.descendants().skip(1).filter(|n| n.value().is_element()).map(Dom)
    }

    pub fn find(&self, name: &str) -> Option<Dom<'a>> {
        self.descendants().find(|d| d.name() == Some(name))
    }

    pub fn element_children(&self) -> impl Iterator<Item = Dom<'a>> {
        self.0.children().filter(|n| n.value().is_element()).map(Dom)
    }

    /// The raw text below this node (no whitespace collapsing).
    pub fn raw_text(&self) -> String {
        self.0.descendants().filter_map(|n| n.value().as_text().map(|t| t.text.to_string())).collect()
    }
}

/// The elements whose only useful part is where they point: they become a link to their source.
pub const EMBEDS: [&str; 5] = ["iframe", "video", "audio", "embed", "object"];

/// An embed's source, when it is a web address: `src`, `data`, or a `<source>` inside.
pub fn embed_source(node: &Dom<'_>) -> Option<SafeUrl> {
    let direct = node.attr("src").or_else(|| node.attr("data"));
    let nested = || node.find("source").and_then(|s| s.attr("src"));
    let raw = direct.or_else(nested)?;
    SafeUrl::parse(raw).filter(|url| !url.as_str().to_ascii_lowercase().starts_with("mailto:"))
}

/// A paragraph that is one link: how an embed is carried over.
pub fn link_paragraph(href: SafeUrl, text: &str) -> Block {
    let text = if text.trim().is_empty() { href.as_str().to_owned() } else { text.trim().to_owned() };
    Block::Paragraph(RichText(vec![Inline::Link { href: Some(href), title: String::new(), children: vec![Inline::Text(text)] }]))
}

/// A picture from an `<img>`; `None` when its address is refused.
pub fn image_of(img: &Dom<'_>, caption: RichText, left_out: &mut LeftOut) -> Option<Image> {
    // Lazy-loading themes keep the real address in data-src.
    let raw = img.attr("src").filter(|s| !s.trim().is_empty() && !s.starts_with("data:")).or_else(|| img.attr("data-src"));
    let Some(src) = raw.and_then(SafeUrl::parse) else {
        left_out.note("picture with a refused or missing address");
        return None;
    };
    let alt = img.attr("alt").map(|a| a.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|a| !a.is_empty());
    Some(Image { src, alt, caption, credit: None, width: None, height: None, srcset: Vec::new(), sizes: None })
}

/// True when the element holds nothing but one picture (maybe inside a link) and whitespace.
pub fn lone_image<'a>(node: &Dom<'a>) -> Option<Dom<'a>> {
    let images: Vec<_> = node.descendants().filter(|d| d.name() == Some("img")).collect();
    let [img] = images.as_slice() else { return None };
    // The walk reads a picture inside text as its alt text: a lone picture's words are its alt.
    let text = html::text_content(node);
    let alt = img.attr("alt").map(|a| a.split_whitespace().collect::<Vec<_>>().join(" ")).unwrap_or_default();
    let others = node.descendants().any(|d| !matches!(d.name(), Some("img" | "a" | "br" | "span" | "picture" | "source" | "noscript")));
    (text.trim().is_empty() || text.trim() == alt.trim()).then_some(*img).filter(|_| !others)
}

/// The generic claims every importer uses: figures, lone pictures, embeds.
#[derive(Default)]
pub struct Pictures;

impl<'a> ClaimElement<Dom<'a>> for Pictures {
    fn claim(&mut self, element: &Dom<'a>, name: &str, left_out: &mut LeftOut) -> Option<Vec<Block>> {
        claim_pictures(element, name, left_out)
    }
}

/// Figures, lone pictures and embeds; shared by the importers' own claims.
pub fn claim_pictures(element: &Dom<'_>, name: &str, left_out: &mut LeftOut) -> Option<Vec<Block>> {
    match name {
        "figure" => {
            // A figure of figures (a gallery) is walked through; each inner figure is claimed.
            if element.descendants().any(|d| d.name() == Some("figure")) {
                return None;
            }
            let caption = element
                .descendants()
                .find(|d| d.name() == Some("figcaption"))
                .map(|c| html::rich_text(&c, left_out))
                .unwrap_or_default();
            if let Some(img) = element.find("img") {
                // A picture whose address is refused leaves its caption's words behind.
                return Some(match image_of(&img, caption.clone(), left_out) {
                    Some(image) => vec![Block::Figure(image)],
                    None if !caption.plain_text().trim().is_empty() => vec![Block::Paragraph(caption)],
                    None => Vec::new(),
                });
            }
            let embed = element.descendants().find(|d| d.name().is_some_and(|n| EMBEDS.contains(&n)))?;
            Some(embed_link(&embed, &caption.plain_text(), left_out))
        }
        "img" => Some(image_of(element, RichText::default(), left_out).map(Block::Figure).into_iter().collect()),
        "p" | "a" | "div" | "picture" => {
            if let Some(img) = lone_image(element) {
                return Some(image_of(&img, RichText::default(), left_out).map(Block::Figure).into_iter().collect());
            }
            let embeds: Vec<_> = element.descendants().filter(|d| d.name().is_some_and(|n| EMBEDS.contains(&n))).collect();
            if embeds.is_empty() || name != "p" {
                return None;
            }
            // A paragraph holding an embed: its words, then a link to each embed's source.
            let mut scratch = LeftOut::default();
            let text = html::rich_text(element, &mut scratch);
            for (what, count) in scratch.entries() {
                if !EMBEDS.iter().any(|e| what == &format!("<{e}>")) {
                    (0..*count).for_each(|_| left_out.note(what));
                }
            }
            let mut blocks: Vec<Block> = Some(text).filter(|t| !t.plain_text().trim().is_empty()).map(Block::Paragraph).into_iter().collect();
            for embed in embeds {
                blocks.extend(embed_link(&embed, "", left_out));
            }
            Some(blocks)
        }
        name if EMBEDS.contains(&name) => Some(embed_link(element, "", left_out)),
        _ => None,
    }
}

/// An embed as a link to its source (nothing, with a note, when it has no web address).
pub fn embed_link(embed: &Dom<'_>, text: &str, left_out: &mut LeftOut) -> Vec<Block> {
    let name = embed.name().unwrap_or("embed");
    match embed_source(embed) {
        Some(src) => {
            let host = src.as_str().split("//").nth(1).and_then(|rest| rest.split('/').next()).unwrap_or_default().to_owned();
            left_out.note(&format!("embed (<{name}> from {host}, kept as a link)"));
            vec![link_paragraph(src, text)]
        }
        None => {
            left_out.note(&format!("<{name}>"));
            Vec::new()
        }
    }
}

/// The blocks of an HTML fragment, with the importer's claims first and the generic ones after.
pub fn blocks_of(html: &str, claims: &mut impl for<'a> ClaimElement<Dom<'a>>, left_out: &mut LeftOut) -> Vec<Block> {
    let fragment = Fragment::parse(html);
    html::blocks(&fragment.root(), claims, left_out)
}

/// The text of an HTML fragment (a title, an excerpt): entities decoded, tags gone, one line.
pub fn plain_text(html: &str) -> String {
    let fragment = Fragment::parse(html);
    html::text_content(&fragment.root())
}

/// Inline HTML (a caption) as rich text.
pub fn rich_text_of(html: &str, left_out: &mut LeftOut) -> RichText {
    let fragment = Fragment::parse(html);
    let text = html::rich_text(&fragment.root(), left_out);
    text
}
