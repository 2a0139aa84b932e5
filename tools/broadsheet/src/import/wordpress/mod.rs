//! WordPress: a REST API v2 posts response (`/wp-json/wp/v2/posts`, one post or an array, with or
//! without `_embed`) or an export file (WXR 1.1 or 1.2, Tools → Export). Nothing outside this
//! folder knows WordPress's field names.

mod autop;
mod content;
mod rest;
mod shortcodes;
mod wxr;

use std::path::Path;

use broadsheet::model::html::LeftOut;
use broadsheet::model::{Article, Author, Block, Image, FORMAT_VERSION};

use super::{slug_for, timestamp, title_from, ImportBatch, ImportError, Imported};
use crate::config::SiteConfig;

/// Reads a REST response or an export file, whichever `path` holds.
pub fn import(path: &Path, site: &SiteConfig) -> Result<ImportBatch, ImportError> {
    let bytes = std::fs::read(path).map_err(|e| error(path, None, &format!("cannot be read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|_| error(path, None, "is not UTF-8 text"))?;
    match text.trim_start_matches('\u{feff}').trim_start().chars().next() {
        Some('[' | '{') => rest::import(path, &text, site),
        Some('<') => wxr::import(path, &text, site),
        _ => Err(error(path, None, "is neither a WordPress REST API response (JSON) nor a WordPress export file (WXR)")),
    }
}

fn error(path: &Path, post: Option<&str>, message: &str) -> ImportError {
    ImportError { file: path.to_owned(), post: post.map(str::to_owned), message: message.to_owned() }
}

/// One post as both sources describe it, before it becomes an article.
struct Post {
    name: String,
    source: String,
    slug: Option<String>,
    title_html: String,
    published: Option<String>,
    updated: Option<String>,
    authors: Vec<Author>,
    tags: Vec<String>,
    excerpt_html: String,
    language: String,
    lead_image: Option<Image>,
    body: Vec<Block>,
    gallery: Vec<Image>,
    /// The post's own address: relative links and pictures are resolved against it.
    base: Option<url::Url>,
    left_out: LeftOut,
    notes: Vec<String>,
}

impl Post {
    fn into_imported(mut self, path: &Path) -> Result<Imported, ImportError> {
        let Some(published) = self.published.as_deref().and_then(timestamp) else {
            return Err(error(path, Some(&self.name), &format!("no usable publication date ({:?})", self.published.unwrap_or_default())));
        };
        let updated = self.updated.as_deref().and_then(timestamp).filter(|u| u.unix_seconds() > published.unix_seconds());
        let mut title = super::html::plain_text(&self.title_html);
        let summary = excerpt(&self.excerpt_html);
        if title.is_empty() {
            let words: String = self.body.iter().filter_map(|b| match b {
                Block::Paragraph(text) => Some(text.plain_text()),
                _ => None,
            }).collect::<Vec<_>>().join(" ");
            title = summary.as_deref().and_then(title_from).or_else(|| title_from(&words)).unwrap_or_else(|| "Untitled".into());
            self.notes.push(format!("no title: titled {title:?} from its first words"));
        }
        let slug = slug_for(self.slug.as_deref(), &title, &self.name, &mut self.notes);
        let mut article = Article {
            format: FORMAT_VERSION,
            slug,
            label: None,
            title,
            summary,
            language: self.language,
            published,
            updated,
            authors: self.authors,
            tags: self.tags,
            lead_image: self.lead_image,
            body: self.body,
            gallery: self.gallery,
            translations: Vec::new(),
        };
        super::settle_urls(&mut article, self.base.as_ref(), &mut self.left_out);
        Ok(Imported { article, source: self.source, name: self.name, left_out: self.left_out, notes: self.notes })
    }
}

/// The excerpt as a summary: plain text, without WordPress's "[…]" and "Continue reading" tail.
fn excerpt(html: &str) -> Option<String> {
    let fragment = super::html::Fragment::parse(html);
    let text = broadsheet::model::html::text_content(&fragment.root());
    let mut text = text.trim();
    // The "Continue reading" link themes append is not part of the excerpt.
    if let Some(more) = fragment.root().descendants().find(|d| d.has_class("more-link")) {
        let more = broadsheet::model::html::text_content(&more);
        text = text.strip_suffix(more.as_str()).unwrap_or(text).trim_end();
    }
    for tail in ["[…]", "[...]"] {
        text = text.strip_suffix(tail).unwrap_or(text).trim_end();
    }
    Some(text.to_owned()).filter(|t| !t.is_empty())
}

/// `2020-08-26T15:00:00` (`date_gmt`, which has no zone but is UTC) as RFC 3339.
fn utc(date: &str) -> Option<String> {
    let date = date.trim().replacen(' ', "T", 1);
    (!date.is_empty() && !date.starts_with("0000")).then(|| if date.ends_with('Z') || date.contains('+') { date } else { format!("{date}Z") })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gmt_dates_are_utc() {
        assert_eq!(utc("2020-08-26T15:00:00").as_deref(), Some("2020-08-26T15:00:00Z"));
        assert_eq!(utc("2020-08-26 15:00:00").as_deref(), Some("2020-08-26T15:00:00Z"));
        assert_eq!(utc("0000-00-00 00:00:00"), None);
    }

    #[test]
    fn excerpts_lose_their_more_tail() {
        assert_eq!(excerpt("<p>The start of it [&hellip;]</p>\n").as_deref(), Some("The start of it"));
        assert_eq!(excerpt("<p>Words. <a class=\"more-link\" href=\"x\">Continue reading <span>Post</span></a></p>").as_deref(), Some("Words."));
        assert_eq!(excerpt("").as_deref(), None);
    }
}
