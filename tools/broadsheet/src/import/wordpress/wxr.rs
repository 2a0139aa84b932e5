//! WordPress export files (WXR 1.1 and 1.2: RSS 2.0 with WordPress's namespaces). Published posts
//! are imported; drafts, pages, menu items and the rest are counted and skipped. Attachments are
//! read for featured images and `[gallery]`.

use std::collections::HashMap;
use std::path::Path;

use broadsheet::model::html::LeftOut;
use broadsheet::model::{Author, Image, SafeUrl};
use roxmltree::{Document, Node};

use super::shortcodes::{Attachment, Attachments, Context};
use super::{content::post_content, error, utc, Post};
use crate::config::SiteConfig;
use crate::import::html::rich_text_of;
use crate::import::{ImportBatch, ImportError};

const CONTENT_NS: &str = "http://purl.org/rss/1.0/modules/content/";
const DC_NS: &str = "http://purl.org/dc/elements/1.1/";

pub fn import(path: &Path, text: &str, site: &SiteConfig) -> Result<ImportBatch, ImportError> {
    let options = roxmltree::ParsingOptions { allow_dtd: false, ..Default::default() };
    let document = Document::parse_with_options(text, options)
        .map_err(|e| error(path, None, &format!("is not well-formed XML ({e})")))?;
    let channel = document
        .root_element()
        .children()
        .find(|n| n.has_tag_name("channel"))
        .filter(|_| document.root_element().has_tag_name("rss"))
        .ok_or_else(|| error(path, None, "is not a WordPress export: no <rss><channel>"))?;
    let wp = wp_namespace(&document).ok_or_else(|| error(path, None, "is RSS but not a WordPress export (WXR): no wp: namespace"))?;
    let excerpt_ns = format!("{wp}excerpt/");
    let wxr = Wxr { wp: &wp, excerpt: &excerpt_ns };

    let language = child_text(channel, "language").map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()).unwrap_or_else(|| site.language.clone());
    let authors: HashMap<String, String> = channel
        .children()
        .filter(|n| n.tag_name().name() == "author" && n.tag_name().namespace() == Some(wxr.wp))
        .filter_map(|a| Some((wxr.text(a, "author_login")?, wxr.text(a, "author_display_name")?)))
        .collect();
    let items: Vec<Node<'_, '_>> = channel.children().filter(|n| n.has_tag_name("item")).collect();
    let attachments: Attachments = items
        .iter()
        .filter(|item| wxr.text(**item, "post_type").as_deref() == Some("attachment"))
        .filter_map(|item| {
            let id = wxr.text(*item, "post_id")?.trim().parse().ok()?;
            let url = wxr.text(*item, "attachment_url")?;
            let alt = wxr.meta(*item, "_wp_attachment_image_alt").unwrap_or_default();
            let caption = ns_text(*item, wxr.excerpt, "encoded").unwrap_or_default();
            let parent = wxr.text(*item, "post_parent").and_then(|p| p.trim().parse().ok()).filter(|&p: &u64| p != 0);
            Some((id, Attachment { url, alt, caption, parent }))
        })
        .collect();

    let mut batch = ImportBatch::default();
    let mut skipped: HashMap<String, usize> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let kind = wxr.text(*item, "post_type").unwrap_or_else(|| "post".into());
        let status = wxr.text(*item, "status").unwrap_or_else(|| "publish".into());
        if kind != "post" {
            *skipped.entry(plural(&kind)).or_default() += 1;
            continue;
        }
        if status != "publish" {
            *skipped.entry(format!("{status} posts")).or_default() += 1;
            continue;
        }
        // Its content is kept from readers: it must not become a public article.
        if wxr.text(*item, "post_password").is_some_and(|p| !p.is_empty()) {
            *skipped.entry("password-protected posts".into()).or_default() += 1;
            continue;
        }
        match read_item(path, &wxr, *item, i, &authors, &attachments, &language).and_then(|post| post.into_imported(path)) {
            Ok(imported) => batch.articles.push(imported),
            Err(error) => batch.broken.push(error),
        }
    }
    let mut skipped: Vec<_> = skipped.into_iter().map(|(what, n)| format!("{n} {what}")).collect();
    skipped.sort();
    batch.skipped.extend(skipped);
    Ok(batch)
}

fn plural(kind: &str) -> String {
    match kind {
        "attachment" => "attachments (media)".into(),
        "nav_menu_item" => "menu items".into(),
        "page" => "pages".into(),
        other => format!("items of type {other}"),
    }
}

/// The `wp:` namespace of the file: `http://wordpress.org/export/1.2/` (or `1.1/`, `1.0/`).
fn wp_namespace(document: &Document<'_>) -> Option<String> {
    // WordPress.com writes https:// in the namespace; wordpress.org http://.
    document
        .root_element()
        .namespaces()
        .map(|ns| ns.uri())
        .filter(|uri| uri.starts_with("http://wordpress.org/export/") || uri.starts_with("https://wordpress.org/export/"))
        .find(|uri| !uri.ends_with("/excerpt/"))
        .map(str::to_owned)
}

struct Wxr<'a> {
    wp: &'a str,
    excerpt: &'a str,
}

impl Wxr<'_> {
    fn text(&self, node: Node<'_, '_>, name: &str) -> Option<String> {
        ns_text(node, self.wp, name)
    }

    fn meta(&self, item: Node<'_, '_>, key: &str) -> Option<String> {
        item.children()
            .filter(|n| n.tag_name().name() == "postmeta" && n.tag_name().namespace() == Some(self.wp))
            .find(|m| self.text(*m, "meta_key").as_deref() == Some(key))
            .and_then(|m| self.text(m, "meta_value"))
    }
}

fn ns_text(node: Node<'_, '_>, namespace: &str, name: &str) -> Option<String> {
    node.children()
        .find(|n| n.tag_name().name() == name && n.tag_name().namespace() == Some(namespace))
        .map(|n| n.children().filter_map(|c| c.text()).collect())
}

fn child_text(node: Node<'_, '_>, name: &str) -> Option<String> {
    node.children().find(|n| n.has_tag_name(name) && n.tag_name().namespace().is_none()).map(|n| n.children().filter_map(|c| c.text()).collect())
}

fn read_item(
    path: &Path,
    wxr: &Wxr<'_>,
    item: Node<'_, '_>,
    index: usize,
    authors: &HashMap<String, String>,
    attachments: &Attachments,
    language: &str,
) -> Result<Post, ImportError> {
    let id: Option<u64> = wxr.text(item, "post_id").and_then(|id| id.trim().parse().ok());
    let slug = wxr.text(item, "post_name").filter(|s| !s.is_empty());
    let name = match (id, &slug) {
        (Some(id), Some(slug)) => format!("post {id} ({slug})"),
        (Some(id), None) => format!("post {id}"),
        (None, _) => format!("item [{index}]"),
    };
    let Some(content) = ns_text(item, CONTENT_NS, "encoded") else {
        return Err(error(path, Some(&name), "has no <content:encoded>"));
    };
    let mut left_out = LeftOut::default();
    let mut notes = Vec::new();
    let context = Context { attachments, post_id: id };
    let (body, gallery) = post_content(&content, true, &context, &mut left_out);

    let published = wxr.text(item, "post_date_gmt").as_deref().and_then(utc).or_else(|| {
        // Very old exports (and drafts) have no GMT date: the RSS pubDate has a zone.
        let pub_date = child_text(item, "pubDate")?;
        let parsed = time::OffsetDateTime::parse(pub_date.trim(), &time::format_description::well_known::Rfc2822).ok()?;
        parsed.format(&time::format_description::well_known::Rfc3339).ok()
    });
    let updated = wxr.text(item, "post_modified_gmt").as_deref().and_then(utc);
    let creator = ns_text(item, DC_NS, "creator").unwrap_or_default();
    let authors = if creator.trim().is_empty() {
        Vec::new()
    } else {
        vec![Author { name: authors.get(creator.trim()).cloned().filter(|n| !n.trim().is_empty()).unwrap_or(creator.trim().to_owned()), url: None }]
    };
    let mut tags: Vec<String> = item
        .children()
        .filter(|n| n.has_tag_name("category") && matches!(n.attribute("domain"), Some("category" | "post_tag")))
        .map(|n| n.children().filter_map(|c| c.text()).collect::<String>().trim().to_owned())
        .filter(|t| !t.is_empty() && t != "Uncategorized")
        .collect();
    tags.dedup();
    let lead_image = wxr.meta(item, "_thumbnail_id").and_then(|id| id.trim().parse::<u64>().ok()).and_then(|id| {
        let Some(attachment) = attachments.get(&id) else {
            notes.push(format!("featured image {id} is not in the export"));
            return None;
        };
        Some(Image {
            src: SafeUrl::parse(&attachment.url)?,
            alt: Some(attachment.alt.clone()).filter(|a| !a.trim().is_empty()),
            caption: rich_text_of(&attachment.caption, &mut left_out),
            credit: None,
            width: None,
            height: None,
            srcset: Vec::new(),
            sizes: None,
        })
    });
    let link = child_text(item, "link");
    let guid = child_text(item, "guid").filter(|g| !g.trim().is_empty()).or(link.clone()).or(id.map(|id| id.to_string())).unwrap_or_else(|| name.clone());
    Ok(Post {
        name,
        source: format!("wordpress:{}", guid.trim()),
        slug,
        title_html: child_text(item, "title").unwrap_or_default(),
        published,
        updated,
        authors,
        tags,
        excerpt_html: ns_text(item, wxr.excerpt, "encoded").unwrap_or_default(),
        language: language.to_owned(),
        lead_image,
        body,
        gallery,
        base: link.as_deref().and_then(|l| url::Url::parse(l.trim()).ok()),
        left_out,
        notes,
    })
}
