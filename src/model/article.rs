//! The article format, version 1 (documented in `docs/article-format.md`, schema in
//! `public/schema/article-v1.schema.json`).

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::image::read_image;
use super::{FormatError, Image, Node, RichText, SafeUrl, Timestamp};

/// The format version this build reads. A file with a higher version is still read (unknown fields
/// and block types are ignored), so old readers keep working while the format grows.
pub const FORMAT_VERSION: u32 = 1;

/// A whole article, validated: every URL passed the allow-list, every date is RFC 3339.
///
/// Serializes as an article file (format 1): `serde_json::to_string(&article)` is what
/// [`Article::from_json`] reads back as the same article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Article {
    pub format: u32,
    pub slug: String,
    /// A kicker above the title, e.g. "Featured post".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// A BCP 47 language tag; dates are formatted in it.
    pub language: String,
    pub published: Timestamp,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<Timestamp>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Author>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_image: Option<Image>,
    pub body: Vec<Block>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub gallery: Vec<Image>,
    /// The same article in other languages, on the same site.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<Translation>,
}

/// Another language's version of an article: its file is `articles/<slug>.json` beside this one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Translation {
    /// Its BCP 47 language tag (the `language` of its own file).
    pub language: String,
    pub slug: String,
    /// Its title, in its language (for the link's tooltip).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Author {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<SafeUrl>,
}

/// A block of the article's body. Serializes as the file's `{ "type": …, … }` object.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(RichText),
    /// `level` is 2 to 4: the title is the page's only `h1`.
    Heading { level: u8, text: RichText },
    Figure(Image),
    Quote { text: RichText, cite: Option<String> },
    List { ordered: bool, items: Vec<RichText> },
    /// Preformatted text (a program, a log, a poem's layout), shown as written. `language` names
    /// what the text is (`rust`, `sh`), for readers and future highlighting; it is not shown.
    Code { language: Option<String>, text: String },
}

impl Serialize for Block {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Block::Figure(image) = self {
            return image.serialize_as_figure(serializer);
        }
        let mut map = serializer.serialize_map(None)?;
        match self {
            Block::Paragraph(text) => {
                map.serialize_entry("type", "paragraph")?;
                map.serialize_entry("text", text)?;
            }
            Block::Heading { level, text } => {
                map.serialize_entry("type", "heading")?;
                map.serialize_entry("level", level)?;
                map.serialize_entry("text", text)?;
            }
            Block::Quote { text, cite } => {
                map.serialize_entry("type", "quote")?;
                map.serialize_entry("text", text)?;
                if let Some(cite) = cite {
                    map.serialize_entry("cite", cite)?;
                }
            }
            Block::List { ordered, items } => {
                map.serialize_entry("type", "list")?;
                map.serialize_entry("ordered", ordered)?;
                map.serialize_entry("items", items)?;
            }
            Block::Code { language, text } => {
                map.serialize_entry("type", "code")?;
                if let Some(language) = language {
                    map.serialize_entry("language", language)?;
                }
                map.serialize_entry("text", text)?;
            }
            Block::Figure(_) => unreachable!("written above"),
        }
        map.end()
    }
}

/// Non-fatal findings while reading a file: what was left out and why. Views log them for the author.
pub type Warnings = Vec<String>;

impl Article {
    /// Reads an article file. A missing or mistyped required field is an error that names it;
    /// unknown fields and block types are ignored; an image with a refused URL is left out.
    pub fn from_json(text: &str) -> Result<(Article, Warnings), FormatError> {
        Node::parse(text, |file| Article::read(&file))
    }

    /// Reads an article from a file already parsed (or a part of one, such as a page's data).
    pub fn read(file: &Node) -> Result<(Article, Warnings), FormatError> {
        let mut warnings = Vec::new();
        let article = read_article(file, &mut warnings)?;
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
                Block::Code { .. } => {}
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

/// Reads the article at the top of a file.
fn read_article(file: &Node, warnings: &mut Warnings) -> Result<Article, FormatError> {
    file.object()?;
    let format = file.get("format").u32()?;
    let slug = file.get("slug").str()?;
    let title = file.get("title");
    if title.str()?.trim().is_empty() {
        return Err(title.invalid("must not be empty"));
    }
    if !is_valid_slug(slug) {
        return Err(file.get("slug").invalid("use only a-z, 0-9 and '-'"));
    }
    let published = Timestamp::read(&file.get("published"))?;
    let body = file.get("body").items()?;
    let body = body.iter().filter_map(|block| read_block(block, warnings).transpose()).collect::<Result<_, _>>()?;
    let gallery = file.get("gallery").opt_items()?;
    let gallery = gallery.iter().map(|image| read_image(image, warnings)).collect::<Result<Vec<_>, _>>()?;
    let language = file.get("language").opt_string()?.filter(|l| !l.trim().is_empty()).unwrap_or_else(|| "en".into());
    let translations = read_translations(&file.get("translations"), slug, &language, warnings)?;
    let authors = file.get("authors").list(|author| {
        Ok(Author {
            name: author.get("name").str()?.to_owned(),
            // A refused link is dropped, not fatal: the name stays.
            url: author.get("url").opt_str()?.and_then(SafeUrl::parse),
        })
    })?;
    Ok(Article {
        format,
        slug: slug.to_owned(),
        label: file.get("label").opt_string()?.filter(|label| !label.trim().is_empty()),
        title: title.str()?.to_owned(),
        summary: file.get("summary").opt_string()?,
        language,
        published,
        updated: file.get("updated").optional(Timestamp::read)?,
        authors: authors.into_iter().filter(|a| !a.name.trim().is_empty()).collect(),
        tags: file.get("tags").list(|tag| Ok(tag.str()?.to_owned()))?,
        lead_image: file.get("lead_image").optional(|image| read_image(image, warnings))?.flatten(),
        body,
        gallery: gallery.into_iter().flatten().collect(),
        translations,
    })
}

/// The usable entries of `translations`: a language tag other than the article's and the other
/// entries', a valid slug other than the article's own. The rest are left out with a warning, so
/// the article still shows; a `translations` that is not a list is an error naming it.
fn read_translations(list: &Node, own_slug: &str, own_language: &str, warnings: &mut Warnings) -> Result<Vec<Translation>, FormatError> {
    let mut kept: Vec<Translation> = Vec::new();
    for entry in list.opt_items()? {
        let text = |name: &str| entry.get(name).opt_string().ok().flatten();
        match (text("language"), text("slug")) {
            (Some(language), Some(slug))
                if is_valid_slug(&slug)
                    && slug != own_slug
                    && is_language_tag(&language)
                    && !language.eq_ignore_ascii_case(own_language)
                    && !kept.iter().any(|k| k.language.eq_ignore_ascii_case(&language)) =>
            {
                kept.push(Translation { language, slug, title: text("title") })
            }
            _ => warnings.push(format!(
                "{}: needs a language tag other than the article's and the others', and a slug (a-z, 0-9, '-') other than its own; left out",
                entry.path()
            )),
        }
    }
    Ok(kept)
}

/// The shape of a BCP 47 tag (`en`, `zh-Hans`, `ru-RU`), as the schema checks it.
pub fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let first_ok = subtags.next().is_some_and(|s| (2..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok && subtags.all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Reads one body block; `Ok(None)` for a block that is skipped (unknown type, refused image).
fn read_block(block: &Node, warnings: &mut Warnings) -> Result<Option<Block>, FormatError> {
    block.object()?;
    let kind = block.get("type").str()?;
    let text = || Ok::<_, FormatError>(RichText::parse(block.get("text").str()?));
    Ok(Some(match kind {
        "paragraph" => Block::Paragraph(text()?),
        "heading" => {
            let level = block.get("level").opt_u32()?.unwrap_or(2);
            Block::Heading { level: level.clamp(2, 4) as u8, text: text()? }
        }
        "figure" => match read_image(block, warnings)? {
            Some(image) => Block::Figure(image),
            None => return Ok(None),
        },
        "quote" => Block::Quote { text: text()?, cite: block.get("cite").opt_string()? },
        "list" => Block::List {
            ordered: block.get("ordered").flag()?,
            items: block.get("items").items()?.iter().map(|item| Ok(RichText::parse(item.str()?))).collect::<Result<_, _>>()?,
        },
        "code" => Block::Code {
            language: block.get("language").opt_string()?.filter(|l| !l.trim().is_empty()),
            text: block.get("text").str()?.to_owned(),
        },
        other => {
            // A block type from a newer format version: skipped, so old readers keep working.
            warnings.push(format!("{}: unknown block type {other:?}, skipped", block.path()));
            return Ok(None);
        }
    }))
}

/// A slug names a file (`articles/<slug>.json`) and a path (`/posts/<slug>`): keep it plain.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 200
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
