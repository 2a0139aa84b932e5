//! `articles/index.json`: the list of articles a site publishes.

use serde::Serialize;

use super::{is_valid_slug, FormatError, Node, Timestamp};

/// One line of the index.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndexEntry {
    pub slug: String,
    pub title: String,
    pub published: Timestamp,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub featured: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The article's BCP 47 language tag, when it is not the site's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleIndex {
    /// The site's own language (BCP 47): its pages that are not an article (not found, errors,
    /// loading) speak it. English when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    pub articles: Vec<IndexEntry>,
}

impl ArticleIndex {
    pub fn from_json(text: &str) -> Result<ArticleIndex, FormatError> {
        Node::parse(text, |file| {
            file.object()?;
            let articles = file.get("articles").items()?.iter().map(read_entry).collect::<Result<_, _>>()?;
            Ok(ArticleIndex { language: file.get("language").opt_string()?, articles })
        })
    }

    /// The site's language tag (`en` when the index does not say).
    pub fn site_language(&self) -> &str {
        self.language.as_deref().filter(|l| !l.trim().is_empty()).unwrap_or("en")
    }

    /// The entry marked `featured: true` (the first, if several are), else the newest.
    pub fn featured(&self) -> Option<&IndexEntry> {
        self.articles
            .iter()
            .find(|entry| entry.featured)
            .or_else(|| self.articles.iter().max_by(|a, b| a.published.cmp(&b.published)))
    }

    /// Newest first, for lists of other articles.
    pub fn newest_first(&self) -> Vec<&IndexEntry> {
        let mut entries: Vec<_> = self.articles.iter().collect();
        entries.sort_by(|a, b| b.published.cmp(&a.published));
        entries
    }
}

fn read_entry(entry: &Node) -> Result<IndexEntry, FormatError> {
    entry.object()?;
    let slug = entry.get("slug").str()?;
    if !is_valid_slug(slug) {
        return Err(entry.get("slug").invalid("use only a-z, 0-9 and '-'"));
    }
    Ok(IndexEntry {
        slug: slug.to_owned(),
        title: entry.get("title").str()?.to_owned(),
        published: Timestamp::read(&entry.get("published"))?,
        featured: entry.get("featured").flag()?,
        summary: entry.get("summary").opt_string()?,
        label: entry.get("label").opt_string()?,
        language: entry.get("language").opt_string()?,
    })
}
