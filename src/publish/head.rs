//! The `<head>` of a pre-rendered article page.

use serde_json::{json, Value};

use super::escape::{escape_html, json_for_script};
use crate::language::{og_locale, Language};
use crate::model::{Article, Image};

/// The published site: its absolute base URL (from the build's `--site-url`, ending in `/`), name
/// and language (the index's `language`, a BCP 47 tag).
#[derive(Clone, Debug)]
pub struct Site {
    pub base_url: String,
    pub name: String,
    pub language: String,
}

impl Site {
    /// An absolute URL for a site path or a root-relative/absolute reference from the article.
    pub fn absolute(&self, reference: &str) -> String {
        if reference.contains("://") {
            return reference.to_owned();
        }
        let origin_end = self.base_url.find("://").map_or(0, |i| i + 3);
        let origin = match self.base_url[origin_end..].find('/') {
            Some(slash) => &self.base_url[..origin_end + slash],
            None => self.base_url.as_str(),
        };
        match reference.strip_prefix('/') {
            Some(path) => format!("{origin}/{path}"),
            None => format!("{}{reference}", self.base_url),
        }
    }

    pub fn post_url(&self, slug: &str) -> String {
        format!("{}posts/{slug}", self.base_url)
    }
}

/// Every language version of `article` (itself first) as `(hreflang, URL)`, then `x-default`: the
/// version in the site's language (its exact tag first), else the one with the first slug, so
/// that every page of the group names the same one. Empty for an article without translations.
pub fn alternates(article: &Article, site: &Site) -> Vec<(String, String)> {
    if article.translations.is_empty() {
        return Vec::new();
    }
    let mut versions = vec![(article.language.clone(), article.slug.clone())];
    versions.extend(article.translations.iter().map(|t| (t.language.clone(), t.slug.clone())));
    let site_language = Language::from_tag(&site.language);
    let default = versions
        .iter()
        .min_by_key(|(language, slug)| {
            (!language.eq_ignore_ascii_case(&site.language), Language::from_tag(language) != site_language, slug.clone())
        })
        .map(|(_, slug)| site.post_url(slug));
    let mut all: Vec<_> = versions.into_iter().map(|(language, slug)| (language, site.post_url(&slug))).collect();
    all.extend(default.map(|url| ("x-default".to_owned(), url)));
    all
}

/// The `<head>` elements for `article` at `canonical`: title, description, canonical link,
/// Open Graph and Twitter card, preload of the lead image, and the JSON-LD block. Image references
/// in `article` are root-relative or absolute (resolved by the pre-renderer).
pub fn head_html(article: &Article, site: &Site, canonical: &str) -> String {
    let title = format!("{} — {}", article.title, site.name);
    let description = article.summary.clone().unwrap_or_default();
    let mut head = vec![
        format!("<title>{}</title>", escape_html(&title)),
        format!(r#"<meta name="description" content="{}">"#, escape_html(&description)),
        format!(r#"<link rel="canonical" href="{}">"#, escape_html(canonical)),
        r#"<meta property="og:type" content="article">"#.to_owned(),
        format!(r#"<meta property="og:title" content="{}">"#, escape_html(&article.title)),
        format!(r#"<meta property="og:description" content="{}">"#, escape_html(&description)),
        format!(r#"<meta property="og:url" content="{}">"#, escape_html(canonical)),
        format!(r#"<meta property="og:site_name" content="{}">"#, escape_html(&site.name)),
        format!(r#"<meta property="og:locale" content="{}">"#, escape_html(&og_locale(&article.language))),
        format!(r#"<meta property="article:published_time" content="{}">"#, escape_html(article.published.as_rfc3339())),
    ];
    if let Some(updated) = &article.updated {
        head.push(format!(r#"<meta property="article:modified_time" content="{}">"#, escape_html(updated.as_rfc3339())));
    }
    for translation in &article.translations {
        head.push(format!(r#"<meta property="og:locale:alternate" content="{}">"#, escape_html(&og_locale(&translation.language))));
    }
    for (language, url) in alternates(article, site) {
        head.push(format!(r#"<link rel="alternate" hreflang="{}" href="{}">"#, escape_html(&language), escape_html(&url)));
    }
    let lead = lead_image(article);
    match lead {
        Some(image) => {
            let url = site.absolute(image.src.as_str());
            head.push(format!(r#"<meta property="og:image" content="{}">"#, escape_html(&url)));
            if let (Some(w), Some(h)) = (image.width, image.height) {
                head.push(format!(r#"<meta property="og:image:width" content="{w}">"#));
                head.push(format!(r#"<meta property="og:image:height" content="{h}">"#));
            }
            if let Some(alt) = &image.alt {
                head.push(format!(r#"<meta property="og:image:alt" content="{}">"#, escape_html(alt)));
            }
            head.push(r#"<meta name="twitter:card" content="summary_large_image">"#.to_owned());
            head.push(format!(r#"<meta name="twitter:image" content="{}">"#, escape_html(&url)));
        }
        None => head.push(r#"<meta name="twitter:card" content="summary">"#.to_owned()),
    }
    head.push(format!(r#"<meta name="twitter:title" content="{}">"#, escape_html(&article.title)));
    head.push(format!(r#"<meta name="twitter:description" content="{}">"#, escape_html(&description)));
    // The first picture of the page, fetched with the document (at the browser's usual priority for
    // images: raising it would hold back the stylesheet, and the text usually paints first).
    if let Some(first) = article.images().next() {
        let srcset = first.srcset_attr().map(|s| format!(r#" imagesrcset="{}""#, escape_html(&s))).unwrap_or_default();
        let sizes = first.sizes.as_ref().map(|s| format!(r#" imagesizes="{}""#, escape_html(s))).unwrap_or_default();
        head.push(format!(
            r#"<link rel="preload" as="image" href="{}"{srcset}{sizes}>"#,
            escape_html(first.src.as_str())
        ));
    }
    head.push(format!(r#"<script type="application/ld+json">{}</script>"#, json_for_script(&json_ld(article, site, canonical))));
    head.join("\n    ")
}

fn lead_image(article: &Article) -> Option<&Image> {
    article.lead_image.as_ref().or_else(|| article.images().next())
}

/// schema.org `NewsArticle` for search engines.
pub fn json_ld(article: &Article, site: &Site, canonical: &str) -> Value {
    let images: Vec<String> = lead_image(article)
        .into_iter()
        .chain(article.images())
        .map(|image| site.absolute(image.src.as_str()))
        .fold(Vec::new(), |mut unique, url| {
            if !unique.contains(&url) {
                unique.push(url);
            }
            unique
        });
    let authors: Vec<Value> = article
        .authors
        .iter()
        .map(|author| match &author.url {
            Some(url) => json!({ "@type": "Person", "name": author.name, "url": site.absolute(url.as_str()) }),
            None => json!({ "@type": "Person", "name": author.name }),
        })
        .collect();
    let translations: Vec<Value> = article
        .translations
        .iter()
        .map(|t| json!({ "@type": "NewsArticle", "url": site.post_url(&t.slug), "inLanguage": t.language, "headline": t.title }))
        .collect();
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "inLanguage": article.language,
        "mainEntityOfPage": canonical,
        "url": canonical,
        "image": images,
        "datePublished": article.published.as_rfc3339(),
        "dateModified": article.updated.as_ref().unwrap_or(&article.published).as_rfc3339(),
        "author": authors,
        "publisher": { "@type": "Organization", "name": site.name, "url": site.base_url },
    });
    if !translations.is_empty() {
        ld["workTranslation"] = Value::Array(translations);
    }
    ld
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Site {
        Site { base_url: "https://example.org/news/".into(), name: "Broadsheet".into(), language: "en".into() }
    }

    fn article(title: &str) -> Article {
        let json = serde_json::json!({
            "format": 1, "slug": "a", "title": title, "summary": "A \"quoted\" <summary>",
            "language": "ru", "published": "2020-08-26T18:00:00+03:00", "updated": "2020-08-27T09:00:00Z",
            "authors": [{ "name": "Ann" }, { "name": "Bo", "url": "/people/bo" }],
            "lead_image": { "src": "/news/images/lead.webp", "alt": "Lead", "width": 1200, "height": 630 },
            "body": [{ "type": "figure", "src": "/news/images/f.webp", "alt": "F", "width": 960, "height": 640,
                       "srcset": [{ "src": "/news/images/f-480.webp", "width": 480 }], "sizes": "100vw" }]
        });
        Article::from_json(&json.to_string()).unwrap().0
    }

    #[test]
    fn absolute_urls_come_from_the_site_base() {
        let site = site();
        assert_eq!(site.absolute("/news/images/a.webp"), "https://example.org/news/images/a.webp");
        assert_eq!(site.absolute("images/a.webp"), "https://example.org/news/images/a.webp");
        assert_eq!(site.absolute("https://cdn.example/a.webp"), "https://cdn.example/a.webp");
        assert_eq!(site.post_url("a"), "https://example.org/news/posts/a");
    }

    #[test]
    fn the_head_has_title_description_canonical_cards_and_preload() {
        let head = head_html(&article("Title & more"), &site(), "https://example.org/news/posts/a");
        for expected in [
            "<title>Title &amp; more — Broadsheet</title>",
            r#"<meta name="description" content="A &quot;quoted&quot; &lt;summary&gt;">"#,
            r#"<link rel="canonical" href="https://example.org/news/posts/a">"#,
            r#"<meta property="og:image" content="https://example.org/news/images/lead.webp">"#,
            r#"<meta property="og:image:width" content="1200">"#,
            r#"<meta property="og:image:height" content="630">"#,
            r#"<meta property="og:locale" content="ru_RU">"#,
            r#"<meta name="twitter:card" content="summary_large_image">"#,
            r#"<meta property="article:modified_time" content="2020-08-27T09:00:00Z">"#,
            r#"<link rel="preload" as="image" href="/news/images/f.webp" imagesrcset="/news/images/f-480.webp 480w" imagesizes="100vw">"#,
        ] {
            assert!(head.contains(expected), "missing {expected}\n{head}");
        }
    }

    #[test]
    fn json_ld_describes_a_news_article() {
        let ld = json_ld(&article("T"), &site(), "https://example.org/news/posts/a");
        assert_eq!(ld["@type"], "NewsArticle");
        assert_eq!(ld["headline"], "T");
        assert_eq!(ld["datePublished"], "2020-08-26T18:00:00+03:00");
        assert_eq!(ld["dateModified"], "2020-08-27T09:00:00Z");
        assert_eq!(ld["image"], json!(["https://example.org/news/images/lead.webp", "https://example.org/news/images/f.webp"]));
        assert_eq!(ld["author"][1]["url"], "https://example.org/people/bo");
        assert_eq!(ld["publisher"]["name"], "Broadsheet");
    }

    #[test]
    fn no_title_can_close_the_json_ld_script() {
        let head = head_html(&article("</script><script>alert(1)</script>"), &site(), "https://example.org/news/posts/a");
        let script = head.split(r#"<script type="application/ld+json">"#).nth(1).unwrap();
        let body = script.split("</script>").next().unwrap();
        assert!(!body.contains('<'), "{body}");
        let parsed: Value = serde_json::from_str(body).unwrap();
        assert_eq!(parsed["headline"], "</script><script>alert(1)</script>");
        assert_eq!(head.matches("</script>").count(), 1, "only the JSON-LD element's own end tag");
    }

    fn with_translations(slug: &str, language: &str, translations: serde_json::Value) -> Article {
        let json = serde_json::json!({
            "format": 1, "slug": slug, "title": "T", "language": language, "published": "2020-08-26T18:00:00+03:00",
            "body": [], "translations": translations
        });
        Article::from_json(&json.to_string()).unwrap().0
    }

    #[test]
    fn translations_are_hreflang_alternates_with_one_x_default_for_the_whole_group() {
        let site = site();
        let zh = with_translations("a-zh", "zh-CN", json!([{ "language": "en", "slug": "a" }, { "language": "ru", "slug": "a-ru" }]));
        let en = with_translations("a", "en", json!([{ "language": "zh-CN", "slug": "a-zh" }, { "language": "ru", "slug": "a-ru" }]));
        let url = |slug: &str| format!("https://example.org/news/posts/{slug}");
        for article in [&zh, &en] {
            let found = alternates(article, &site);
            assert_eq!(found.len(), 4);
            assert!(found.contains(&("x-default".into(), url("a"))), "{found:?}");
            for (language, slug) in [("en", "a"), ("zh-CN", "a-zh"), ("ru", "a-ru")] {
                assert!(found.contains(&(language.into(), url(slug))), "{found:?}");
            }
        }
        let head = head_html(&zh, &site, &url("a-zh"));
        assert!(head.contains(r#"<meta property="og:locale" content="zh_CN">"#), "{head}");
        assert!(head.contains(r#"<meta property="og:locale:alternate" content="en_US">"#));
        assert!(head.contains(r#"<meta property="og:locale:alternate" content="ru_RU">"#));
        assert!(head.contains(r#"<link rel="alternate" hreflang="x-default" href="https://example.org/news/posts/a">"#));
        let ld = json_ld(&zh, &site, &url("a-zh"));
        assert_eq!(ld["inLanguage"], "zh-CN");
        assert_eq!(ld["workTranslation"][1]["url"], url("a-ru"));
    }

    #[test]
    fn without_the_site_s_language_x_default_is_the_first_slug_everywhere() {
        let site = Site { language: "fr".into(), ..site() };
        let ru = with_translations("b-ru", "ru", json!([{ "language": "zh-Hans", "slug": "b-zh" }]));
        let zh = with_translations("b-zh", "zh-Hans", json!([{ "language": "ru", "slug": "b-ru" }]));
        for article in [&ru, &zh] {
            assert_eq!(alternates(article, &site).last().unwrap().1, "https://example.org/news/posts/b-ru");
        }
        assert!(alternates(&with_translations("c", "en", json!([])), &site).is_empty());
    }
}
