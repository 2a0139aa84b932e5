//! WordPress REST API v2 posts (`GET /wp-json/wp/v2/posts[?_embed]`): an array of posts, or one.

use std::path::Path;

use broadsheet::model::html::LeftOut;
use broadsheet::model::{Author, Image, SafeUrl};
use serde::Deserialize;

use super::shortcodes::{Attachments, Context};
use super::{content::post_content, error, utc, Post};
use crate::config::SiteConfig;
use crate::import::html::rich_text_of;
use crate::import::{ImportBatch, ImportError};

#[derive(Deserialize)]
struct Rendered {
    #[serde(default)]
    rendered: String,
    #[serde(default)]
    protected: bool,
}

#[derive(Deserialize)]
struct RestPost {
    id: Option<u64>,
    date: Option<String>,
    date_gmt: Option<String>,
    modified_gmt: Option<String>,
    guid: Option<Rendered>,
    slug: Option<String>,
    status: Option<String>,
    link: Option<String>,
    title: Option<Rendered>,
    content: Option<Rendered>,
    excerpt: Option<Rendered>,
    author: Option<u64>,
    #[serde(default)]
    categories: Vec<u64>,
    #[serde(default)]
    tags: Vec<u64>,
    #[serde(rename = "_embedded")]
    embedded: Option<Embedded>,
}

#[derive(Deserialize, Default)]
struct Embedded {
    #[serde(default)]
    author: Vec<EmbeddedAuthor>,
    #[serde(default, rename = "wp:featuredmedia")]
    featured_media: Vec<Media>,
    #[serde(default, rename = "wp:term")]
    terms: Vec<Vec<Term>>,
}

/// Fields are optional: WordPress embeds an error object where it may not show the author.
#[derive(Deserialize)]
struct EmbeddedAuthor {
    name: Option<String>,
    link: Option<String>,
}

#[derive(Deserialize)]
struct Media {
    source_url: Option<String>,
    alt_text: Option<String>,
    caption: Option<Rendered>,
}

#[derive(Deserialize)]
struct Term {
    name: Option<String>,
}

pub fn import(path: &Path, text: &str, site: &SiteConfig) -> Result<ImportBatch, ImportError> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| error(path, None, &format!("is not valid JSON ({e})")))?;
    if let Some(code) = value.get("code").and_then(|c| c.as_str()) {
        let message = value.get("message").and_then(|m| m.as_str()).unwrap_or_default();
        return Err(error(path, None, &format!("is a WordPress error response ({code}: {message}), not posts")));
    }
    let values = match value {
        serde_json::Value::Array(values) => values,
        one @ serde_json::Value::Object(_) => vec![one],
        _ => return Err(error(path, None, "is not a post or an array of posts")),
    };
    let mut batch = ImportBatch::default();
    let mut unpublished = 0;
    let mut protected = 0;
    for (i, value) in values.into_iter().enumerate() {
        let name = post_name(i, &value);
        let post: RestPost = match serde_path_to_error::deserialize(value) {
            Ok(post) => post,
            Err(e) => {
                batch.broken.push(error(path, Some(&name), &format!("the field `{}` is not what WordPress sends ({})", e.path(), e.inner())));
                continue;
            }
        };
        if post.status.as_deref().is_some_and(|s| s != "publish") {
            unpublished += 1;
            continue;
        }
        // Its content is kept from readers: it must not become a public article.
        if post.content.as_ref().is_some_and(|c| c.protected) {
            protected += 1;
            continue;
        }
        match read_post(path, post, name, site).and_then(|post| post.into_imported(path)) {
            Ok(imported) => batch.articles.push(imported),
            Err(error) => batch.broken.push(error),
        }
    }
    if protected > 0 {
        batch.skipped.push(format!("{protected} password-protected"));
    }
    if unpublished > 0 {
        batch.skipped.push(format!("{unpublished} not published (drafts, private, scheduled)"));
    }
    Ok(batch)
}

/// `post 12 "hello-world"` (or `post [3]` when it has no id).
fn post_name(i: usize, value: &serde_json::Value) -> String {
    let id = value.get("id").and_then(|v| v.as_u64()).map(|id| format!("post {id}")).unwrap_or_else(|| format!("post [{i}]"));
    match value.get("slug").and_then(|s| s.as_str()) {
        Some(slug) if !slug.is_empty() => format!("{id} ({slug})"),
        _ => id,
    }
}

fn read_post(path: &Path, post: RestPost, name: String, site: &SiteConfig) -> Result<Post, ImportError> {
    let Some(content) = post.content else {
        return Err(error(path, Some(&name), "has no content.rendered (was the request made with _fields, or context=embed?)"));
    };
    let mut left_out = LeftOut::default();
    let mut notes = Vec::new();
    let attachments = Attachments::new();
    let context = Context { attachments: &attachments, post_id: post.id };
    let (body, gallery) = post_content(&content.rendered, false, &context, &mut left_out);
    let embedded = post.embedded.unwrap_or_default();

    let authors: Vec<Author> = embedded
        .author
        .iter()
        .filter_map(|a| a.name.clone().filter(|n| !n.trim().is_empty()).map(|name| Author { name, url: a.link.as_deref().and_then(SafeUrl::parse) }))
        .collect();
    let authors = if authors.is_empty() {
        post.author.filter(|&id| id != 0).map(|id| {
            notes.push(format!("author given by id only ({id}): import a response made with ?_embed for names"));
            vec![Author { name: format!("Author {id}"), url: None }]
        }).unwrap_or_default()
    } else {
        authors
    };
    let mut tags: Vec<String> = embedded.terms.iter().flatten().filter_map(|t| t.name.as_deref().map(super::super::html::plain_text)).filter(|t| !t.is_empty() && t != "Uncategorized").collect();
    tags.dedup();
    if embedded.terms.is_empty() && !(post.categories.is_empty() && post.tags.is_empty()) {
        notes.push("categories and tags given by id only: import a response made with ?_embed for their names".into());
    }
    let lead_image = embedded.featured_media.first().and_then(|media| {
        let src = media.source_url.as_deref().and_then(SafeUrl::parse)?;
        let caption = media.caption.as_ref().map(|c| rich_text_of(&c.rendered, &mut left_out)).unwrap_or_default();
        Some(Image { src, alt: media.alt_text.clone().filter(|a| !a.trim().is_empty()), caption, credit: None, width: None, height: None, srcset: Vec::new(), sizes: None })
    });
    let published = post.date_gmt.as_deref().and_then(utc).or_else(|| {
        let local = post.date.as_deref().and_then(utc);
        if local.is_some() {
            notes.push("no date_gmt: the local date is read as UTC".into());
        }
        local
    });
    let base = post.link.as_deref().and_then(|l| url::Url::parse(l).ok());
    let source = post
        .guid
        .map(|g| g.rendered)
        .filter(|g| !g.is_empty())
        .or(post.link.clone())
        .or_else(|| post.id.map(|id| id.to_string()))
        .unwrap_or_else(|| name.clone());
    Ok(Post {
        name,
        source: format!("wordpress:{}", super::super::html::plain_text(&source)),
        slug: post.slug,
        title_html: post.title.map(|t| t.rendered).unwrap_or_default(),
        published,
        updated: post.modified_gmt.as_deref().and_then(utc),
        authors,
        tags,
        excerpt_html: post.excerpt.map(|e| e.rendered).unwrap_or_default(),
        language: site.language.clone(),
        lead_image,
        body,
        gallery,
        base,
        left_out,
        notes,
    })
}
