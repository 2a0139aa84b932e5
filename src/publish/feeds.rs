//! The sitemap and the feeds (Atom 1.0, JSON Feed 1.1) of a site's articles.

use serde_json::{json, Value};

use super::escape::escape_html;
use super::head::{alternates, Site};
use crate::model::Article;

/// `sitemap.xml`: the home page and every article, with its last change and its language versions
/// (`xhtml:link` alternates, as search engines read them).
pub fn sitemap(site: &Site, articles: &[Article]) -> String {
    let mut urls = vec![format!("  <url><loc>{}</loc></url>", escape_html(&site.base_url))];
    for article in articles {
        let modified = article.updated.as_ref().unwrap_or(&article.published);
        let links: String = alternates(article, site)
            .iter()
            .map(|(language, url)| {
                format!("<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>", escape_html(language), escape_html(url))
            })
            .collect();
        urls.push(format!(
            "  <url><loc>{}</loc><lastmod>{}</lastmod>{links}</url>",
            escape_html(&site.post_url(&article.slug)),
            escape_html(modified.as_rfc3339())
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n{}\n</urlset>\n",
        urls.join("\n")
    )
}

/// Newest first, as feed readers expect.
fn newest_first(articles: &[Article]) -> Vec<&Article> {
    let mut sorted: Vec<&Article> = articles.iter().collect();
    sorted.sort_by(|a, b| b.published.cmp(&a.published));
    sorted
}

/// `feed.xml` (Atom 1.0).
pub fn atom_feed(site: &Site, articles: &[Article]) -> String {
    let sorted = newest_first(articles);
    let updated = sorted
        .iter()
        .map(|a| a.updated.as_ref().unwrap_or(&a.published))
        .max()
        .map(|t| t.as_rfc3339().to_owned())
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    let entries: Vec<String> = sorted
        .iter()
        .map(|article| {
            let url = site.post_url(&article.slug);
            let authors: String = article
                .authors
                .iter()
                .map(|a| format!("<author><name>{}</name></author>", escape_html(&a.name)))
                .collect();
            let summary = article
                .summary
                .as_ref()
                .map(|s| format!("<summary>{}</summary>", escape_html(s)))
                .unwrap_or_default();
            format!(
                "  <entry xml:lang=\"{}\">\n    <title>{}</title>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <id>{}</id>\n    <published>{}</published>\n    <updated>{}</updated>\n    {authors}{summary}\n  </entry>",
                escape_html(&article.language),
                escape_html(&article.title),
                escape_html(&url),
                escape_html(&url),
                escape_html(article.published.as_rfc3339()),
                escape_html(article.updated.as_ref().unwrap_or(&article.published).as_rfc3339()),
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{language}\">\n  <title>{name}</title>\n  <id>{base}</id>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{base}\"/>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{base}feed.xml\"/>\n  <updated>{updated}</updated>\n  <author><name>{name}</name></author>\n{entries}\n</feed>\n",
        name = escape_html(&site.name),
        language = escape_html(&site.language),
        base = escape_html(&site.base_url),
        updated = escape_html(&updated),
        entries = entries.join("\n"),
    )
}

/// `feed.json` (JSON Feed 1.1).
pub fn json_feed(site: &Site, articles: &[Article]) -> Value {
    let items: Vec<Value> = newest_first(articles)
        .into_iter()
        .map(|article| {
            let url = site.post_url(&article.slug);
            let mut item = json!({
                "id": url,
                "url": url,
                "title": article.title,
                "content_text": article.summary.clone().unwrap_or_else(|| article.title.clone()),
                "date_published": article.published.as_rfc3339(),
                "language": article.language,
                "tags": article.tags,
                "authors": article.authors.iter().map(|a| json!({ "name": a.name })).collect::<Vec<_>>(),
            });
            if let Some(summary) = &article.summary {
                item["summary"] = json!(summary);
            }
            if let Some(updated) = &article.updated {
                item["date_modified"] = json!(updated.as_rfc3339());
            }
            if let Some(image) = article.lead_image.as_ref().or_else(|| article.images().next()) {
                item["image"] = json!(site.absolute(image.src.as_str()));
            }
            item
        })
        .collect();
    json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": site.name,
        "home_page_url": site.base_url,
        "language": site.language,
        "feed_url": format!("{}feed.json", site.base_url),
        "items": items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Site {
        Site { base_url: "https://example.org/".into(), name: "Broad & sheet".into(), language: "en".into() }
    }

    fn article(slug: &str, title: &str, published: &str) -> Article {
        let json = serde_json::json!({
            "format": 1, "slug": slug, "title": title, "summary": "S <b>", "published": published,
            "authors": [{ "name": "A & B" }], "body": []
        });
        Article::from_json(&json.to_string()).unwrap().0
    }

    fn articles() -> Vec<Article> {
        vec![article("old", "Old <one>", "2019-01-01T00:00:00Z"), article("new", "New", "2021-01-01T00:00:00Z")]
    }

    #[test]
    fn the_sitemap_lists_home_and_articles() {
        let xml = sitemap(&site(), &articles());
        assert!(xml.starts_with("<?xml"));
        assert!(xml.contains("<loc>https://example.org/</loc>"));
        assert!(xml.contains("<loc>https://example.org/posts/old</loc><lastmod>2019-01-01T00:00:00Z</lastmod>"));
        assert_eq!(xml.matches("<url>").count(), 3);
        assert!(!xml.contains("xhtml:link rel"), "no alternates without translations");
    }

    #[test]
    fn the_sitemap_lists_every_language_version_of_a_translated_article() {
        let json = serde_json::json!({
            "format": 1, "slug": "a", "title": "A", "language": "en", "published": "2020-01-01T00:00:00Z", "body": [],
            "translations": [{ "language": "ru", "slug": "a-ru" }]
        });
        let xml = sitemap(&site(), &[Article::from_json(&json.to_string()).unwrap().0]);
        assert!(xml.contains(r#"xmlns:xhtml="http://www.w3.org/1999/xhtml""#));
        for (language, slug) in [("en", "a"), ("ru", "a-ru"), ("x-default", "a")] {
            let link = format!(r#"<xhtml:link rel="alternate" hreflang="{language}" href="https://example.org/posts/{slug}"/>"#);
            assert!(xml.contains(&link), "missing {link}\n{xml}");
        }
    }

    #[test]
    fn the_atom_feed_is_well_formed_and_newest_first() {
        let xml = atom_feed(&site(), &articles());
        assert!(xml.contains(r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">"#));
        assert!(xml.contains(r#"<entry xml:lang="en">"#));
        assert!(xml.contains("<title>Broad &amp; sheet</title>"));
        assert!(xml.contains("<updated>2021-01-01T00:00:00Z</updated>"));
        assert!(xml.find("posts/new").unwrap() < xml.find("posts/old").unwrap());
        assert!(xml.contains("<title>Old &lt;one&gt;</title>"));
        assert!(xml.contains("<author><name>A &amp; B</name></author>"));
        // Every element that opens, closes: a crude but real well-formedness check.
        for tag in ["feed", "entry", "title", "id", "published", "updated", "author", "name", "summary"] {
            assert_eq!(xml.matches(&format!("<{tag}>")).count() + xml.matches(&format!("<{tag} ")).count(),
                xml.matches(&format!("</{tag}>")).count(), "{tag}");
        }
    }

    #[test]
    fn the_json_feed_follows_version_1_1() {
        let feed = json_feed(&site(), &articles());
        assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
        assert_eq!(feed["feed_url"], "https://example.org/feed.json");
        assert_eq!(feed["language"], "en");
        let items = feed["items"].as_array().unwrap();
        assert_eq!(items[0]["id"], "https://example.org/posts/new");
        assert_eq!(items[1]["title"], "Old <one>");
        assert_eq!(items[0]["authors"][0]["name"], "A & B");
        for item in items {
            assert!(item["id"].is_string() && item["url"].is_string() && item["content_text"].is_string());
        }
    }
}
