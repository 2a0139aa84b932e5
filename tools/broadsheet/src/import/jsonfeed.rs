//! JSON Feed 1.1 and 1.0 (https://jsonfeed.org/version/1.1): each item becomes an article. Nothing
//! outside this module knows JSON Feed's field names.

use std::path::Path;

use broadsheet::model::html::LeftOut;
use broadsheet::model::{Article, Author, Block, Image, Inline, RichText, SafeUrl, FORMAT_VERSION};
use serde::Deserialize;

use super::html::{blocks_of, plain_text, Pictures};
use super::{slug_for, timestamp, title_from, ImportBatch, ImportError, Imported};
use crate::config::SiteConfig;

#[derive(Deserialize)]
struct Feed {
    version: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    home_page_url: Option<String>,
    #[serde(default)]
    feed_url: Option<String>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    author: Option<FeedAuthor>,
    #[serde(default)]
    authors: Vec<FeedAuthor>,
    items: Vec<serde_json::Value>,
}

#[derive(Clone, Deserialize)]
struct FeedAuthor {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

#[derive(Deserialize)]
struct Item {
    /// A string in 1.1; 1.0 feeds in the wild also use numbers, and some leave it out.
    #[serde(default)]
    id: serde_json::Value,
    #[serde(default)]
    url: Option<String>,
    /// What a link-blog item is about (the article it links to).
    #[serde(default)]
    external_url: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    content_html: Option<String>,
    #[serde(default)]
    content_text: Option<String>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    image: Option<String>,
    #[serde(default)]
    banner_image: Option<String>,
    #[serde(default)]
    date_published: Option<String>,
    #[serde(default)]
    date_modified: Option<String>,
    #[serde(default)]
    author: Option<FeedAuthor>,
    #[serde(default)]
    authors: Vec<FeedAuthor>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    language: Option<String>,
}

pub fn import(path: &Path, site: &SiteConfig) -> Result<ImportBatch, ImportError> {
    let error = |post: Option<&str>, message: &str| ImportError { file: path.to_owned(), post: post.map(str::to_owned), message: message.to_owned() };
    let text = std::fs::read_to_string(path).map_err(|e| error(None, &format!("cannot be read: {e}")))?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| error(None, &format!("is not valid JSON ({e})")))?;
    let feed: Feed = serde_path_to_error::deserialize(value)
        .map_err(|e| error(None, &format!("is not a JSON Feed: the field `{}` is wrong ({})", e.path(), e.inner())))?;
    if !feed.version.starts_with("https://jsonfeed.org/version/1") {
        return Err(error(None, &format!("is JSON Feed version {:?}; this reads 1.0 and 1.1", feed.version)));
    }
    let feed_key = feed.feed_url.clone().or(feed.home_page_url.clone()).or(feed.title.clone()).unwrap_or_else(|| path.display().to_string());
    let feed_authors: Vec<FeedAuthor> = if feed.authors.is_empty() { feed.author.clone().into_iter().collect() } else { feed.authors.clone() };
    let mut batch = ImportBatch::default();
    for (i, value) in feed.items.into_iter().enumerate() {
        let id_hint = value.get("id").map(|id| id.to_string()).unwrap_or_default();
        let name = format!("item [{i}] (id {id_hint})");
        let item: Item = match serde_path_to_error::deserialize(value) {
            Ok(item) => item,
            Err(e) => {
                batch.broken.push(error(Some(&name), &format!("the field `{}` is wrong ({})", e.path(), e.inner())));
                continue;
            }
        };
        let id = match &item.id {
            serde_json::Value::String(id) if !id.trim().is_empty() => id.clone(),
            serde_json::Value::Number(n) => n.to_string(),
            // Feeds in the wild leave the id out; the item's address identifies it as well.
            serde_json::Value::Null if item.url.as_deref().is_some_and(|u| !u.trim().is_empty()) => item.url.clone().unwrap_or_default(),
            _ => {
                batch.broken.push(error(Some(&name), "has no id, and no url to know it by (JSON Feed requires an id)"));
                continue;
            }
        };
        let name = format!("item {id:?}");
        let language = item.language.clone().or(feed.language.clone()).filter(|l| !l.trim().is_empty()).unwrap_or_else(|| site.language.clone());
        let base = item.url.as_deref().or(feed.home_page_url.as_deref()).and_then(|u| url::Url::parse(u).ok());
        let mut imported = match read_item(item, &feed_authors, language, &name) {
            Ok(imported) => imported,
            Err(message) => {
                batch.broken.push(error(Some(&name), &message));
                continue;
            }
        };
        super::settle_urls(&mut imported.article, base.as_ref(), &mut imported.left_out);
        imported.source = format!("jsonfeed:{feed_key}#{id}");
        batch.articles.push(imported);
    }
    Ok(batch)
}

fn read_item(item: Item, feed_authors: &[FeedAuthor], language: String, name: &str) -> Result<Imported, String> {
    let mut left_out = LeftOut::default();
    let mut notes = Vec::new();
    let mut body = match (&item.content_html, &item.content_text) {
        (Some(html), _) => blocks_of(html, &mut Pictures, &mut left_out),
        (None, Some(text)) => text_blocks(text),
        (None, None) => return Err("has neither content_html nor content_text".into()),
    };
    if let Some(external) = item.external_url.as_deref().and_then(SafeUrl::parse).filter(|u| !u.is_relative()) {
        notes.push("external_url (what the item links to) added as a link at the end".into());
        body.push(super::html::link_paragraph(external, ""));
    }
    let Some(published) = item.date_published.as_deref().or(item.date_modified.as_deref()) else {
        return Err("has no date_published: an article needs the date it was published".into());
    };
    let published = lenient_date(published, &mut notes).ok_or_else(|| format!("date_published {published:?} is not a date (JSON Feed asks for RFC 3339)"))?;
    let updated = item.date_modified.as_deref().and_then(|d| lenient_date(d, &mut notes)).filter(|u| u.unix_seconds() > published.unix_seconds());
    let summary = item.summary.as_deref().map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|s| !s.is_empty());
    let title = match item.title.as_deref().map(plain_text).filter(|t| !t.is_empty()) {
        Some(title) => title,
        None => {
            let words: String = body.iter().filter_map(|b| if let Block::Paragraph(t) = b { Some(t.plain_text()) } else { None }).collect::<Vec<_>>().join(" ");
            let title = summary.as_deref().and_then(title_from).or_else(|| title_from(&words)).unwrap_or_else(|| "Untitled".into());
            notes.push(format!("no title: titled {title:?} from its first words"));
            title
        }
    };
    let own_slug = item.url.as_deref().and_then(|u| url::Url::parse(u).ok()).and_then(|u| {
        u.path_segments().and_then(|mut s| s.rfind(|seg| !seg.is_empty()).map(str::to_owned))
    }).map(|s| s.trim_end_matches(".html").to_owned());
    let slug = slug_for(own_slug.as_deref(), &title, &format!("item-{}", slug::slugify(name)), &mut notes);
    let authors_source = if !item.authors.is_empty() { item.authors.clone() } else if let Some(a) = item.author.clone() { vec![a] } else { feed_authors.to_vec() };
    let authors = authors_source
        .into_iter()
        .filter_map(|a| a.name.filter(|n| !n.trim().is_empty()).map(|name| Author { name: name.trim().to_owned(), url: a.url.as_deref().and_then(SafeUrl::parse) }))
        .collect();
    let lead_image = item.image.as_deref().or(item.banner_image.as_deref()).and_then(|src| {
        let src = SafeUrl::parse(src);
        if src.is_none() {
            left_out.note("item image with a refused address");
        }
        Some(Image { src: src?, alt: None, caption: RichText::default(), credit: None, width: None, height: None, srcset: Vec::new(), sizes: None })
    });
    if lead_image.is_some() {
        notes.push("the feed gives no alt text for its image: add one to lead_image".into());
    }
    let article = Article {
        format: FORMAT_VERSION,
        slug,
        label: None,
        title,
        summary,
        language,
        published,
        updated,
        authors,
        tags: item.tags.into_iter().map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect(),
        lead_image,
        body,
        gallery: Vec::new(),
        translations: Vec::new(),
    };
    Ok(Imported { article, source: String::new(), name: name.to_owned(), left_out, notes })
}

/// An RFC 3339 date, as JSON Feed asks; feeds in the wild also write RFC 2822 (`Fri, 31 May 2019
/// 12:17:58 -0700`), which is read too, with a note.
fn lenient_date(text: &str, notes: &mut Vec<String>) -> Option<broadsheet::model::Timestamp> {
    if let Some(date) = timestamp(text) {
        return Some(date);
    }
    let parsed = time::OffsetDateTime::parse(text.trim(), &time::format_description::well_known::Rfc2822).ok()?;
    let rfc3339 = parsed.format(&time::format_description::well_known::Rfc3339).ok()?;
    notes.push(format!("date {text:?} is RFC 2822, not RFC 3339 as JSON Feed asks: read as {rfc3339}"));
    timestamp(&rfc3339)
}

/// `content_text`: plain text, paragraphs at blank lines, other newlines kept as line breaks. It
/// is not Markdown: what looks like markup stays text.
fn text_blocks(text: &str) -> Vec<Block> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(|paragraph| {
            let mut inlines = Vec::new();
            for line in paragraph.lines().map(str::trim).filter(|l| !l.is_empty()) {
                if !inlines.is_empty() {
                    inlines.push(Inline::LineBreak);
                }
                inlines.push(Inline::Text(line.split_whitespace().collect::<Vec<_>>().join(" ")));
            }
            inlines
        })
        .filter(|inlines| !inlines.is_empty())
        .map(|inlines| Block::Paragraph(RichText(inlines)))
        .collect()
}
