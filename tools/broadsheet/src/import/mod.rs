//! Importing posts from elsewhere into `content/` as Markdown articles: WordPress (REST API v2
//! responses and WXR export files) and JSON Feed 1.0/1.1. Each importer turns its format into
//! [`Imported`] articles; [`write::write_all`] puts them in the content folder, all or nothing.

pub mod download;
pub mod html;
pub mod jsonfeed;
pub mod wordpress;
pub mod write;

use std::fmt;
use std::path::PathBuf;

use broadsheet::model::html::LeftOut;
use broadsheet::model::{is_valid_slug, Article, Block, Image, Inline, RichText, SafeUrl, Timestamp};

/// A post made into an article, with what could not be carried over.
#[derive(Clone, Debug)]
pub struct Imported {
    pub article: Article,
    /// Where it came from (`wordpress:<guid>`, `jsonfeed:<feed>#<id>`): the key that makes a
    /// second import update this article instead of adding another.
    pub source: String,
    /// How messages name the post: `post 12 "Hello world"`.
    pub name: String,
    pub left_out: LeftOut,
    /// Other things the author should know (a title made up, a date read as UTC…).
    pub notes: Vec<String>,
}

/// Why an import failed: the file, the post, what is wrong. Nothing was written.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportError {
    pub file: PathBuf,
    pub post: Option<String>,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(post) = &self.post {
            write!(f, ": {post}")?;
        }
        write!(f, ": {} (nothing was imported)", self.message)
    }
}

/// What an importer read from a file: the articles, what it skipped on purpose, and the posts it
/// could not read.
#[derive(Debug, Default)]
pub struct ImportBatch {
    pub articles: Vec<Imported>,
    /// "3 drafts", "12 attachments"…
    pub skipped: Vec<String>,
    /// Posts that could not be read, each with why.
    pub broken: Vec<ImportError>,
}

impl ImportBatch {
    /// The batch to write: refused when a post could not be read (the file is not what it
    /// should be), unless `skip_broken` says to import the others and list the broken ones.
    pub fn accept(mut self, skip_broken: bool) -> Result<ImportBatch, ImportError> {
        if self.broken.is_empty() {
            return Ok(self);
        }
        if skip_broken {
            let broken = std::mem::take(&mut self.broken);
            self.skipped.extend(broken.into_iter().map(|e| format!("{} ({})", e.post.unwrap_or_default(), e.message)));
            return Ok(self);
        }
        let others = self.broken.len() - 1;
        let mut first = self.broken.swap_remove(0);
        if others > 0 {
            first.message.push_str(&format!("; and {others} more posts cannot be read"));
        }
        first.message.push_str(" (--skip-broken imports the other posts)");
        Err(first)
    }
}

/// A slug for the article: the source's own if it is one, else made from it (a WordPress slug of
/// `%d0%bf%d1%80%d0%b8…` is percent-encoded Cyrillic), else from the title, else from the id.
pub fn slug_for(own: Option<&str>, title: &str, fallback: &str, notes: &mut Vec<String>) -> String {
    let own = own.map(|s| percent_decode(s.trim())).filter(|s| !s.is_empty());
    if let Some(own) = &own {
        if is_valid_slug(own) {
            return own.clone();
        }
    }
    let shorten = |text: &str| slug::slugify(text).chars().take(80).collect::<String>().trim_end_matches('-').to_owned();
    let made = [own.as_deref(), Some(title), Some(fallback)]
        .into_iter()
        .flatten()
        .map(shorten)
        .find(|s| !s.is_empty() && is_valid_slug(s))
        .unwrap_or_else(|| "article".to_owned());
    if let Some(own) = own {
        notes.push(format!("slug {own:?} is not a-z, 0-9 and '-': the article's slug is {made:?}"));
    }
    made
}

/// `%e4%b8%ad` → `中`; anything that does not decode stays as it was.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push(high * 16 + low);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// A title for a post that has none (WordPress allows it; JSON Feed's are optional): its first
/// words, up to about 70 characters.
pub fn title_from(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut title = String::new();
    for word in &words {
        if title.chars().count() + word.chars().count() > 70 {
            title.push('…');
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    Some(title).filter(|t| !t.is_empty())
}

/// Makes the article's addresses absolute against the post's own address (`base`), as its site
/// meant them. What still is not a web address after that cannot be followed from here: a picture
/// is left out (it would be looked for in `content/`), a link keeps its words; both are noted.
pub fn settle_urls(article: &mut Article, base: Option<&url::Url>, left_out: &mut LeftOut) {
    if let Some(base) = base {
        article.resolve_urls(&|relative| base.join(relative).ok().map(String::from));
    }
    let web = |url: &SafeUrl| {
        let lower = url.as_str().to_ascii_lowercase();
        lower.starts_with("https://") || lower.starts_with("http://")
    };
    let keep_picture = |image: &Image, left_out: &mut LeftOut| {
        let keep = web(&image.src);
        if !keep {
            left_out.note("picture whose address is not a web address");
        }
        keep
    };
    if article.lead_image.as_ref().is_some_and(|image| !keep_picture(image, left_out)) {
        article.lead_image = None;
    }
    article.gallery.retain(|image| keep_picture(image, left_out));
    let mut body = Vec::with_capacity(article.body.len());
    for block in std::mem::take(&mut article.body) {
        match block {
            Block::Figure(image) if !keep_picture(&image, left_out) => {
                if !image.caption.plain_text().trim().is_empty() {
                    body.push(Block::Paragraph(image.caption));
                }
            }
            other => body.push(other),
        }
    }
    article.body = body;
    let mut unlinked = 0;
    let mut fix = |text: &mut RichText| unlink_local(&mut text.0, &web, &mut unlinked);
    for block in &mut article.body {
        match block {
            Block::Paragraph(text) | Block::Heading { text, .. } | Block::Quote { text, .. } => fix(text),
            Block::List { items, .. } => items.iter_mut().for_each(&mut fix),
            Block::Figure(image) => fix(&mut image.caption),
            Block::Code { .. } => {}
        }
    }
    for image in article.lead_image.iter_mut().chain(article.gallery.iter_mut()) {
        fix(&mut image.caption);
    }
    for _ in 0..unlinked {
        left_out.note("link to an address that is not a web address (its words are kept)");
    }
    for author in &mut article.authors {
        if author.url.as_ref().is_some_and(|url| !web(url) && !url.as_str().starts_with("mailto:")) {
            author.url = None;
        }
    }
}

/// Drops link targets that are neither web nor mail addresses (fragments stay: they are on the page).
fn unlink_local(nodes: &mut [Inline], web: &dyn Fn(&SafeUrl) -> bool, count: &mut usize) {
    for node in nodes {
        match node {
            Inline::Link { href, children, .. } => {
                if href.as_ref().is_some_and(|url| !web(url) && !url.as_str().starts_with('#') && !url.as_str().to_ascii_lowercase().starts_with("mailto:")) {
                    *href = None;
                    *count += 1;
                }
                unlink_local(children, web, count);
            }
            Inline::Emphasis(children) | Inline::Strong(children) | Inline::Strikethrough(children) => unlink_local(children, web, count),
            _ => {}
        }
    }
}

/// A date-time from a source, checked: RFC 3339 with an offset.
pub fn timestamp(text: &str) -> Option<Timestamp> {
    Timestamp::parse(text)
}
