//! `articles/index.json`: the list of articles a site publishes.

use serde::{Deserialize, Serialize};

use super::{is_valid_slug, FormatError, Timestamp};

/// One line of the index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub slug: String,
    pub title: String,
    pub published: Timestamp,
    #[serde(default)]
    pub featured: bool,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub label: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleIndex {
    pub articles: Vec<IndexEntry>,
}

impl ArticleIndex {
    pub fn from_json(text: &str) -> Result<ArticleIndex, FormatError> {
        let index: ArticleIndex = super::parse_json(text)?;
        if let Some(i) = index.articles.iter().position(|entry| !is_valid_slug(&entry.slug)) {
            return Err(FormatError::invalid(&format!("articles[{i}].slug"), "use only a-z, 0-9 and '-'"));
        }
        Ok(index)
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
