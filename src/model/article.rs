//! The article format, version 1 (documented in `docs/article-format.md`, schema in
//! `public/schema/article-v1.schema.json`).

use serde::{Deserialize, Serialize};

use super::image::ImageFile;
use super::{parse_value, FormatError, Image, RichText, SafeUrl, Timestamp};

/// The format version this build reads. A file with a higher version is still read (unknown fields
/// and block types are ignored), so old readers keep working while the format grows.
pub const FORMAT_VERSION: u32 = 1;

/// A whole article, validated: every URL passed the allow-list, every date is RFC 3339.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Article {
    pub format: u32,
    pub slug: String,
    /// A kicker above the title, e.g. "Featured post".
    pub label: Option<String>,
    pub title: String,
    pub summary: Option<String>,
    /// A BCP 47 language tag; dates are formatted in it.
    pub language: String,
    pub published: Timestamp,
    pub updated: Option<Timestamp>,
    pub authors: Vec<Author>,
    pub tags: Vec<String>,
    pub lead_image: Option<Image>,
    pub body: Vec<Block>,
    pub gallery: Vec<Image>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    pub name: String,
    #[serde(default, deserialize_with = "lenient_url")]
    pub url: Option<SafeUrl>,
}

/// A block of the article's body.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Block {
    Paragraph(RichText),
    /// `level` is 2 to 4: the title is the page's only `h1`.
    Heading { level: u8, text: RichText },
    Figure(Image),
    Quote { text: RichText, cite: Option<String> },
    List { ordered: bool, items: Vec<RichText> },
}

/// Non-fatal findings while reading a file: what was left out and why. Views log them for the author.
pub type Warnings = Vec<String>;

impl Article {
    /// Reads an article file. A missing or mistyped required field is an error that names it;
    /// unknown fields and block types are ignored; an image with a refused URL is left out.
    pub fn from_json(text: &str) -> Result<(Article, Warnings), FormatError> {
        let file: ArticleFile = super::parse_json(text)?;
        let mut warnings = Vec::new();
        let article = file.check(&mut warnings)?;
        Ok((article, warnings))
    }

    /// Makes every relative URL in the article absolute, against the article file's URL (so an
    /// article reads the same wherever it is shown: the site itself, or a widget on another site).
    /// `resolve` is the platform's URL parser; the model has none of its own.
    pub fn resolve_urls(&mut self, resolve: &dyn Fn(&str) -> Option<String>) {
        for author in &mut self.authors {
            if let Some(url) = &mut author.url {
                *url = url.resolved(resolve);
            }
        }
        if let Some(image) = &mut self.lead_image {
            image.resolve_urls(resolve);
        }
        for block in &mut self.body {
            match block {
                Block::Paragraph(text) | Block::Heading { text, .. } | Block::Quote { text, .. } => {
                    text.resolve_links(resolve)
                }
                Block::Figure(image) => image.resolve_urls(resolve),
                Block::List { items, .. } => items.iter_mut().for_each(|item| item.resolve_links(resolve)),
            }
        }
        for image in &mut self.gallery {
            image.resolve_urls(resolve);
        }
    }

    /// Every image in reading order: the figures of the body, then the gallery.
    pub fn images(&self) -> impl Iterator<Item = &Image> {
        let figures = self.body.iter().filter_map(|block| match block {
            Block::Figure(image) => Some(image),
            _ => None,
        });
        figures.chain(self.gallery.iter())
    }
}

#[derive(Deserialize)]
struct ArticleFile {
    format: u32,
    slug: String,
    #[serde(default)]
    label: Option<String>,
    title: String,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    language: Option<String>,
    published: Timestamp,
    #[serde(default)]
    updated: Option<Timestamp>,
    #[serde(default)]
    authors: Vec<Author>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    lead_image: Option<ImageFile>,
    /// Read block by block (see [`read_block`]) so that errors name the field inside the block.
    body: Vec<serde_json::Value>,
    #[serde(default)]
    gallery: Vec<ImageFile>,
}

#[derive(Deserialize)]
struct TextBlockFile {
    text: RichText,
}

#[derive(Deserialize)]
struct HeadingFile {
    #[serde(default = "default_heading_level")]
    level: u8,
    text: RichText,
}

#[derive(Deserialize)]
struct QuoteFile {
    text: RichText,
    #[serde(default)]
    cite: Option<String>,
}

#[derive(Deserialize)]
struct ListFile {
    #[serde(default)]
    ordered: bool,
    items: Vec<RichText>,
}

fn default_heading_level() -> u8 {
    2
}

impl ArticleFile {
    fn check(self, warnings: &mut Warnings) -> Result<Article, FormatError> {
        if self.title.trim().is_empty() {
            return Err(FormatError::invalid("title", "must not be empty"));
        }
        if !is_valid_slug(&self.slug) {
            return Err(FormatError::invalid("slug", "use only a-z, 0-9 and '-'"));
        }
        let body = self
            .body
            .into_iter()
            .enumerate()
            .filter_map(|(i, block)| read_block(block, &format!("body[{i}]"), warnings).transpose())
            .collect::<Result<_, _>>()?;
        let gallery = self
            .gallery
            .into_iter()
            .enumerate()
            .filter_map(|(i, image)| image.check(&format!("gallery[{i}]"), warnings))
            .collect();
        Ok(Article {
            format: self.format,
            slug: self.slug,
            label: self.label.filter(|label| !label.trim().is_empty()),
            title: self.title,
            summary: self.summary,
            language: self.language.filter(|l| !l.trim().is_empty()).unwrap_or_else(|| "en".into()),
            published: self.published,
            updated: self.updated,
            authors: self.authors.into_iter().filter(|a| !a.name.trim().is_empty()).collect(),
            tags: self.tags,
            lead_image: self.lead_image.and_then(|image| image.check("lead_image", warnings)),
            body,
            gallery,
        })
    }
}

/// Reads one body block; `Ok(None)` for a block that is skipped (unknown type, refused image).
fn read_block(value: serde_json::Value, field: &str, warnings: &mut Warnings) -> Result<Option<Block>, FormatError> {
    let Some(kind) = value.get("type") else {
        return Err(FormatError::Missing { field: format!("{field}.type") });
    };
    let Some(kind) = kind.as_str().map(str::to_owned) else {
        return Err(FormatError::invalid(&format!("{field}.type"), "must be a string"));
    };
    let block = match kind.as_str() {
        "paragraph" => Block::Paragraph(parse_value::<TextBlockFile>(value, field)?.text),
        "heading" => {
            let HeadingFile { level, text } = parse_value(value, field)?;
            Block::Heading { level: level.clamp(2, 4), text }
        }
        "figure" => match parse_value::<ImageFile>(value, field)?.check(field, warnings) {
            Some(image) => Block::Figure(image),
            None => return Ok(None),
        },
        "quote" => {
            let QuoteFile { text, cite } = parse_value(value, field)?;
            Block::Quote { text, cite }
        }
        "list" => {
            let ListFile { ordered, items } = parse_value(value, field)?;
            Block::List { ordered, items }
        }
        other => {
            // A block type from a newer format version: skipped, so old readers keep working.
            warnings.push(format!("{field}: unknown block type {other:?}, skipped"));
            return Ok(None);
        }
    };
    Ok(Some(block))
}

/// A slug names a file (`articles/<slug>.json`) and a path (`/posts/<slug>`): keep it plain.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 200
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An optional URL that is dropped, not fatal, when it fails the allow-list.
fn lenient_url<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<SafeUrl>, D::Error> {
    Ok(Option::<String>::deserialize(deserializer)?.and_then(|raw| SafeUrl::parse(&raw)))
}
