//! One configuration type for every way Broadsheet ships (the SPA now, the widget later): where the
//! site's files are and how to build the paths to them. Components ask this type for URLs; they never
//! build one by hand.

use crate::language::Language;
use crate::model::is_valid_slug;

/// Where a Broadsheet site lives.
///
/// ```
/// use broadsheet::config::Config;
/// let config = Config::with_site_root("/news/");
/// assert_eq!(config.index_url(), "/news/articles/index.json");
/// assert_eq!(config.article_url("a-post"), "/news/articles/a-post.json");
/// assert_eq!(config.post_path("a-post"), "/news/posts/a-post");
/// assert_eq!(config.home_path(), "/news/");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The site's root, ending in `/`: a path (`/`, `/news/`) or an absolute URL.
    site_root: String,
    /// How long to wait for a file before telling the reader, in milliseconds.
    pub fetch_timeout_ms: u32,
    pub comments: CommentsConfig,
    /// Lightbox deep links carry the article's slug (`#<slug>-image-<n>`): for widgets, which share
    /// the address bar with their host and with each other.
    pub scoped_image_links: bool,
    /// The interface's language, when the embedder chose it (the widget's `lang` attribute);
    /// otherwise each article's own `language` decides.
    pub language: Option<Language>,
}

/// Where comments come from and go, written as one string in every configuration surface
/// (`<meta name="broadsheet-comments">` for the SPA, the widget's `comments` attribute):
/// `local` (the default), `off`, `isso:<endpoint URL>` or `waline:<server URL>`.
///
/// ```
/// use broadsheet::config::CommentsConfig;
/// assert_eq!(CommentsConfig::parse("isso:https://c.example.org/"), Ok(CommentsConfig::Isso { endpoint: "https://c.example.org/".into() }));
/// assert_eq!(CommentsConfig::parse("waline:/waline"), Ok(CommentsConfig::Waline { server: "/waline/".into() }));
/// assert_eq!(CommentsConfig::parse(""), Ok(CommentsConfig::Local));
/// assert!(CommentsConfig::parse("disqus").is_err());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum CommentsConfig {
    /// The thread file `comments/<slug>.json` next to the article; new comments stay in the browser.
    #[default]
    Local,
    /// An Isso 0.14 server at `endpoint` (absolute, or relative to the page).
    Isso { endpoint: String },
    /// A Waline 1.39 server (any of its nodes, or their load balancer) at `server`, the address
    /// under which it answers `api/…` (absolute, or relative to the page).
    Waline { server: String },
    Off,
}

/// A page of the site, as an address names it (see [`Config::page_at`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageAddress {
    /// The featured article.
    Home,
    Post(String),
}

impl CommentsConfig {
    pub fn parse(value: &str) -> Result<CommentsConfig, String> {
        let value = value.trim();
        match value {
            "" | "local" => Ok(CommentsConfig::Local),
            "off" | "none" => Ok(CommentsConfig::Off),
            _ => {
                let with_slash = |url: &str| if url.ends_with('/') { url.to_owned() } else { format!("{url}/") };
                let url_after = |prefix: &str| value.strip_prefix(prefix).map(str::trim).filter(|url| !url.is_empty());
                if let Some(endpoint) = url_after("isso:") {
                    Ok(CommentsConfig::Isso { endpoint: with_slash(endpoint) })
                } else if let Some(server) = url_after("waline:") {
                    Ok(CommentsConfig::Waline { server: with_slash(server) })
                } else {
                    Err(format!("unknown comments setting \"{value}\": use local, off, isso:<URL> or waline:<URL>"))
                }
            }
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config::with_site_root("/")
    }
}

impl Config {
    pub fn with_site_root(site_root: &str) -> Config {
        let mut site_root = site_root.trim().to_owned();
        if !site_root.ends_with('/') {
            site_root.push('/');
        }
        Config { site_root, fetch_timeout_ms: 15_000, comments: CommentsConfig::Local, scoped_image_links: false, language: None }
    }

    /// The configuration for one article shown outside its site (the widget): the site root is the
    /// folder above `articles/`, where the thread files live, or the article's own folder.
    ///
    /// ```
    /// use broadsheet::config::Config;
    /// let config = Config::for_article_url("https://cdn.example.org/news/articles/a.json");
    /// assert_eq!(config.site_root(), "https://cdn.example.org/news/");
    /// assert_eq!(Config::for_article_url("/x/a.json").site_root(), "/x/");
    /// ```
    pub fn for_article_url(article_url: &str) -> Config {
        let folder = &article_url[..article_url.rfind('/').map_or(0, |slash| slash + 1)];
        let root = folder.strip_suffix("articles/").unwrap_or(folder);
        Config { scoped_image_links: true, ..Config::with_site_root(if root.is_empty() { "./" } else { root }) }
    }

    pub fn with_comments(self, comments: CommentsConfig) -> Config {
        Config { comments, ..self }
    }

    /// Forces the interface's language (the widget's `lang` attribute: a BCP 47 tag, blank for none).
    ///
    /// ```
    /// use broadsheet::{config::Config, language::Language};
    /// assert_eq!(Config::default().with_language("ru-RU").language, Some(Language::Ru));
    /// assert_eq!(Config::default().with_language(" ").language, None);
    /// ```
    pub fn with_language(self, tag: &str) -> Config {
        let language = (!tag.trim().is_empty()).then(|| Language::from_tag(tag));
        Config { language, ..self }
    }

    /// The interface language for an article in `article_language` (a BCP 47 tag).
    pub fn interface_language(&self, article_language: &str) -> Language {
        self.language.unwrap_or_else(|| Language::from_tag(article_language))
    }

    /// The tag dates are written in for an article in `article_language`: the article's own
    /// (`en-GB` keeps British dates), unless the embedder forced another interface language.
    pub fn date_language(&self, article_language: &str) -> String {
        match self.language {
            Some(forced) if forced != Language::from_tag(article_language) => forced.tag().to_owned(),
            _ => article_language.to_owned(),
        }
    }

    /// The local store's thread file for `slug`.
    pub fn comments_url(&self, slug: &str) -> String {
        debug_assert!(is_valid_slug(slug));
        format!("{}comments/{slug}.json", self.site_root)
    }

    pub fn site_root(&self) -> &str {
        &self.site_root
    }

    pub fn index_url(&self) -> String {
        format!("{}articles/index.json", self.site_root)
    }

    /// The article file for `slug`. Callers check the slug first ([`is_valid_slug`]).
    pub fn article_url(&self, slug: &str) -> String {
        debug_assert!(is_valid_slug(slug));
        format!("{}articles/{slug}.json", self.site_root)
    }

    pub fn home_path(&self) -> &str {
        &self.site_root
    }

    pub fn post_path(&self, slug: &str) -> String {
        format!("{}posts/{slug}", self.site_root)
    }

    /// Which of the site's pages an address path names, the way static hosts map files to
    /// addresses: `/` and `/index.html` are the home page; `/posts/<slug>`, `/posts/<slug>/`,
    /// `/posts/<slug>.html` and `/posts/<slug>/index.html` an article. `None` for anything else,
    /// and for addresses outside the site root.
    ///
    /// ```
    /// use broadsheet::config::{Config, PageAddress};
    /// let config = Config::with_site_root("/news/");
    /// assert_eq!(config.page_at("/news/"), Some(PageAddress::Home));
    /// assert_eq!(config.page_at("/news/posts/a-b.html"), Some(PageAddress::Post("a-b".into())));
    /// assert_eq!(config.page_at("/posts/a-b"), None);
    /// ```
    pub fn page_at(&self, path: &str) -> Option<PageAddress> {
        let base = self.router_base();
        let rest = path.strip_prefix(&base)?;
        let rest = match rest.strip_prefix('/') {
            Some(rest) => rest,
            None if rest.is_empty() => rest,
            // `/newsroom` is not under `/news`.
            None => return None,
        };
        if rest.is_empty() || rest == "index.html" {
            return Some(PageAddress::Home);
        }
        let post = rest.strip_prefix("posts/")?;
        let slug = post
            .strip_suffix("/index.html")
            .or_else(|| post.strip_suffix(".html"))
            .or_else(|| post.strip_suffix('/'))
            .unwrap_or(post);
        is_valid_slug(slug).then(|| PageAddress::Post(slug.to_owned()))
    }

    /// The router's base: the site root's path without its trailing `/` (empty at the host's root).
    pub fn router_base(&self) -> String {
        let path = match self.site_root.find("://") {
            Some(scheme_end) => {
                let after_host = &self.site_root[scheme_end + 3..];
                after_host.find('/').map_or("/", |slash| &after_host[slash..])
            }
            None => &self.site_root,
        };
        path.trim_end_matches('/').to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_name_pages_as_static_hosts_map_them() {
        let root = Config::with_site_root("/");
        for path in ["/", "/index.html"] {
            assert_eq!(root.page_at(path), Some(PageAddress::Home), "{path}");
        }
        for path in ["/posts/nica", "/posts/nica/", "/posts/nica.html", "/posts/nica/index.html"] {
            assert_eq!(root.page_at(path), Some(PageAddress::Post("nica".into())), "{path}");
        }
        for path in ["/posts/", "/posts", "/posts/Nica", "/posts/a/b", "/about", "/posts/nica.htm", "/index.htm"] {
            assert_eq!(root.page_at(path), None, "{path}");
        }
        let news = Config::with_site_root("/news/");
        assert_eq!(news.page_at("/news"), Some(PageAddress::Home));
        assert_eq!(news.page_at("/news/posts/nica/"), Some(PageAddress::Post("nica".into())));
        assert_eq!(news.page_at("/newsroom/posts/nica"), None);
        assert_eq!(news.page_at("/"), None);
        let absolute = Config::with_site_root("https://example.org/news/");
        assert_eq!(absolute.page_at("/news/index.html"), Some(PageAddress::Home));
    }

    #[test]
    fn the_router_base_is_the_root_path_without_trailing_slash() {
        assert_eq!(Config::with_site_root("/").router_base(), "");
        assert_eq!(Config::with_site_root("/news").router_base(), "/news");
        assert_eq!(Config::with_site_root("https://cdn.example.org/a/b/").router_base(), "/a/b");
        assert_eq!(Config::with_site_root("http://127.0.0.1:8080/").router_base(), "");
    }
}
