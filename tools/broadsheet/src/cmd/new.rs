//! `broadsheet new "<title>" [--content content/]`: a new article with its front matter filled in.

use std::path::PathBuf;
use std::process::ExitCode;

use broadsheet_cli::config::SiteConfig;
use broadsheet_cli::content::writer::{document, NewFrontMatter};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

#[derive(clap::Args)]
pub struct Args {
    /// The article's title; its slug (file name and address) is made from it.
    title: String,
    /// The content folder.
    #[arg(long, default_value = "content")]
    content: PathBuf,
    /// The slug instead of one made from the title.
    #[arg(long)]
    slug: Option<String>,
    /// The article's language instead of the site's (broadsheet.toml).
    #[arg(long)]
    language: Option<String>,
}

pub fn run(args: Args, site: &SiteConfig, now: OffsetDateTime) -> Result<ExitCode, String> {
    let title = args.title.trim();
    if title.is_empty() {
        return Err("give the article a title: broadsheet new \"The title\"".into());
    }
    let slug = match args.slug {
        Some(slug) if broadsheet::model::is_valid_slug(&slug) => slug,
        Some(slug) => return Err(format!("{slug:?} is not a slug: use only a-z, 0-9 and '-'")),
        None => broadsheet_cli::content::slug_from_title(title, now.date()),
    };
    let path = args.content.join(format!("{slug}.md"));
    if path.exists() {
        return Err(format!("{} already exists: choose another title or --slug", path.display()));
    }
    let now = now.replace_nanosecond(0).unwrap_or(now);
    let front = NewFrontMatter {
        title: title.to_owned(),
        language: Some(args.language.unwrap_or_else(|| site.language.clone())),
        published: now.format(&Rfc3339).map_err(|e| e.to_string())?,
        ..NewFrontMatter::default()
    };
    let mut text = document(&front, &[]);
    text.push_str(STARTER);
    std::fs::create_dir_all(&args.content).map_err(|e| format!("{}: {e}", args.content.display()))?;
    std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("new: {} (edit it, then scripts/broadsheet check)", path.display());
    Ok(ExitCode::SUCCESS)
}

/// What a new article's body starts with: a reminder of the syntax, in a comment the page never shows.
const STARTER: &str = r#"
<!--
Write the article here, in Markdown: paragraphs, ## headings, > quotes, - lists, ``` code.
Optional front matter: summary = "…", label = "…", authors = ["…"], tags = ["…"], featured = true,
[lead_image] and [[gallery]] (src, alt, caption, credit). See docs/authoring.md.

A picture on a line of its own becomes a figure; its title is the credit, the lines after it the caption:

![What the picture shows](images/picture.jpg "Photo: Who took it")
The caption, with *Markdown*.
-->
"#;
