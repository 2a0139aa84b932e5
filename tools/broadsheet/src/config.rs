//! `broadsheet.toml`: the few settings that belong to the site rather than to one article.

use std::path::Path;

use serde::Deserialize;

/// The site's settings; every one is optional.
///
/// ```toml
/// # broadsheet.toml, next to content/
/// language = "en"                 # articles without a language, and `broadsheet new`
/// url = "https://example.org/"    # the published address (SITE_URL and --site-url win)
/// ```
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default)]
    pub url: Option<String>,
}

fn default_language() -> String {
    "en".into()
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig { language: default_language(), url: None }
    }
}

impl SiteConfig {
    /// Reads `path` if it exists; the defaults otherwise.
    pub fn load(path: &Path) -> Result<SiteConfig, String> {
        match std::fs::read_to_string(path) {
            Ok(text) => toml::from_str(&text).map_err(|e| format!("{}: {}", path.display(), e.message())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(SiteConfig::default()),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }
}
