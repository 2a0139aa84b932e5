//! A post's HTML into our blocks: shortcodes and classic-editor paragraphs first, then the HTML
//! walk with WordPress's own structures claimed (Gutenberg image, gallery and embed blocks, the
//! classic `wp-caption` and `gallery` markup) before the generic ones.

use broadsheet::model::html::{self, ClaimElement, LeftOut};
use broadsheet::model::{Block, Image, RichText};

use super::autop::autop;
use super::shortcodes::{self, Context};
use crate::import::html::{blocks_of, claim_pictures, embed_link, image_of, link_paragraph, Dom};

/// The body blocks and the gallery pictures of a post. `raw` is the content as stored (a WXR
/// export): classic-editor content then gets its paragraphs made as WordPress would. The REST
/// API's `content.rendered` is already HTML.
pub fn post_content(content: &str, raw: bool, context: &Context<'_>, left_out: &mut LeftOut) -> (Vec<Block>, Vec<Image>) {
    let mut html = shortcodes::expand(content, context, left_out);
    // Block-editor content carries its own markup; only classic content is made into paragraphs.
    if raw && !html.contains("<!-- wp:") {
        html = autop(&html);
    }
    let mut claims = WordPress::default();
    let blocks = blocks_of(&html, &mut claims, left_out);
    if !claims.gallery.is_empty() {
        left_out.note(&format!("gallery ({} pictures, shown after the article as its gallery)", claims.gallery.len()));
    }
    (blocks, claims.gallery)
}

#[derive(Default)]
struct WordPress {
    gallery: Vec<Image>,
}

impl<'a> ClaimElement<Dom<'a>> for WordPress {
    fn claim(&mut self, element: &Dom<'a>, name: &str, left_out: &mut LeftOut) -> Option<Vec<Block>> {
        if element.has_class("wp-block-gallery") || element.has_class("gallery") || element.has_class("tiled-gallery") {
            return Some(self.gallery(element, left_out));
        }
        if element.has_class("wp-block-embed") {
            return Some(embed(element, left_out));
        }
        if element.has_class("wp-caption") && name != "figure" {
            // The classic caption as rendered for HTML 4 themes: <div class="wp-caption"><img><p class="wp-caption-text">.
            let caption = element.descendants().find(|d| d.has_class("wp-caption-text")).map(|c| html::rich_text(&c, left_out)).unwrap_or_default();
            let img = element.find("img")?;
            return Some(image_of(&img, caption, left_out).map(Block::Figure).into_iter().collect());
        }
        if name == "p" {
            if let Some(url) = lone_address(element) {
                // A web address alone on its line is what WordPress auto-embeds (a video, a post).
                left_out.note("embed (an address alone on its line, kept as a link)");
                return Some(vec![link_paragraph(url, "")]);
            }
        }
        if element.has_class("wp-block-cover") {
            // A cover block: a background picture with words on it. The words are the content.
            left_out.note("cover block background picture");
            return None;
        }
        claim_pictures(element, name, left_out)
    }
}

impl WordPress {
    /// Every picture of a gallery (Gutenberg's, old and new markup, and the classic one) into the
    /// article's gallery; the gallery's own caption stays where it was, as a paragraph.
    fn gallery(&mut self, element: &Dom<'_>, left_out: &mut LeftOut) -> Vec<Block> {
        for img in element.descendants().filter(|d| d.name() == Some("img")) {
            let caption = caption_for(&img, element, left_out);
            let Some(image) = image_of(&img, caption, left_out) else { continue };
            // The same gallery shown twice (one post shows it in several layouts) is one gallery.
            if !self.gallery.iter().any(|seen| seen.src == image.src) {
                self.gallery.push(image);
            }
        }
        let own_caption = element
            .element_children()
            .find(|c| c.name() == Some("figcaption") || c.has_class("blocks-gallery-caption"))
            .map(|c| html::rich_text(&c, left_out))
            .filter(|t| !t.plain_text().trim().is_empty());
        own_caption.map(Block::Paragraph).into_iter().collect()
    }
}

/// A gallery picture's caption: the nearest `figcaption` (or classic `wp-caption-text`,
/// `gallery-caption`) up from the picture, without leaving the gallery.
fn caption_for(img: &Dom<'_>, gallery: &Dom<'_>, left_out: &mut LeftOut) -> RichText {
    let mut node = img.0.parent();
    while let Some(parent) = node {
        if parent.id() == gallery.0.id() {
            break;
        }
        let parent = Dom(parent);
        if let Some(caption) = parent
            .element_children()
            .find(|c| c.name() == Some("figcaption") || c.name() == Some("dd") || c.has_class("wp-caption-text") || c.has_class("gallery-caption"))
        {
            return html::rich_text(&caption, left_out);
        }
        node = parent.0.parent();
    }
    RichText::default()
}

/// The address a paragraph holds when it holds nothing else.
fn lone_address(paragraph: &Dom<'_>) -> Option<broadsheet::model::SafeUrl> {
    if paragraph.element_children().any(|c| c.name() != Some("a")) {
        return None;
    }
    let text = html::text_content(paragraph);
    let lower = text.to_ascii_lowercase();
    let is_address = (lower.starts_with("https://") || lower.starts_with("http://")) && !text.contains(char::is_whitespace);
    is_address.then(|| broadsheet::model::SafeUrl::parse(&text)).flatten()
}

/// A Gutenberg embed (YouTube, a tweet…): a link to what it shows, its caption as the link's words.
fn embed(element: &Dom<'_>, left_out: &mut LeftOut) -> Vec<Block> {
    let caption = element.descendants().find(|d| d.name() == Some("figcaption")).map(|c| html::text_content(&c)).unwrap_or_default();
    let provider = element
        .0
        .value()
        .as_element()
        .and_then(|e| e.classes().find_map(|c| c.strip_prefix("is-provider-").map(str::to_owned)))
        .unwrap_or_else(|| "embed".into());
    // The saved block holds the address as the wrapper's text; the rendered one an <iframe>.
    let from_wrapper = element
        .descendants()
        .find(|d| d.has_class("wp-block-embed__wrapper"))
        .and_then(|w| w.raw_text().split_whitespace().find_map(|word| broadsheet::model::SafeUrl::parse(word).filter(|u| !u.is_relative())));
    if let Some(url) = from_wrapper {
        left_out.note(&format!("embed ({provider}, kept as a link)"));
        return vec![link_paragraph(url, &caption)];
    }
    match element.descendants().find(|d| d.name().is_some_and(|n| crate::import::html::EMBEDS.contains(&n))) {
        Some(embed) => embed_link(&embed, &caption, left_out),
        None => {
            left_out.note(&format!("embed ({provider}) without an address"));
            Vec::new()
        }
    }
}
