//! Articles written as Markdown with TOML front matter: what `broadsheet new` and the importers
//! put in `content/`, in the form `content::body` reads back as the same blocks.

use broadsheet::model::{Block, Image, Inline, RichText};
use serde::Serialize;

use super::front_matter::PictureEntry;

/// The front matter of a new or imported article.
#[derive(Clone, Debug, Default, Serialize)]
pub struct NewFrontMatter {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// RFC 3339, written as a TOML date-time.
    pub published: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<NewAuthor>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub featured: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_image: Option<PictureEntry>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub gallery: Vec<PictureEntry>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum NewAuthor {
    Name(String),
    Full { name: String, url: String },
}

/// The whole Markdown file: front matter, then the body.
pub fn document(front: &NewFrontMatter, body: &[Block]) -> String {
    let mut out = String::from("+++\n");
    out.push_str(&front_matter_toml(front));
    out.push_str("+++\n");
    let body = markdown_body(body);
    if !body.is_empty() {
        out.push('\n');
        out.push_str(&body);
    }
    out
}

fn front_matter_toml(front: &NewFrontMatter) -> String {
    let mut table = toml::Table::try_from(front).expect("front matter serializes");
    // Dates as TOML date-times (published = 2020-08-26T18:00:00+03:00), not strings.
    for key in ["published", "updated"] {
        if let Some(toml::Value::String(text)) = table.get(key) {
            if let Ok(datetime) = text.parse::<toml::value::Datetime>() {
                table.insert(key.into(), toml::Value::Datetime(datetime));
            }
        }
    }
    toml::to_string(&table).expect("a TOML table serializes")
}

/// The body's blocks as Markdown, separated by blank lines.
pub fn markdown_body(blocks: &[Block]) -> String {
    blocks.iter().filter_map(block).map(|b| b + "\n").collect::<Vec<_>>().join("\n")
}

fn block(block: &Block) -> Option<String> {
    Some(match block {
        Block::Paragraph(text) => {
            let markdown = text.to_markdown();
            if markdown.trim().is_empty() {
                return None;
            }
            markdown
        }
        Block::Heading { level, text } => {
            let one_line = RichText(text.0.iter().map(|n| if *n == Inline::LineBreak { Inline::Text(" ".into()) } else { n.clone() }).collect());
            let mut markdown = one_line.to_markdown();
            // A heading's trailing #s would be read as its closing sequence.
            if markdown.ends_with('#') {
                markdown.insert(markdown.len() - 1, '\\');
            }
            format!("{} {}", "#".repeat(usize::from((*level).clamp(2, 4))), markdown)
        }
        Block::Figure(image) => figure(image),
        Block::Quote { text, cite } => {
            let mut lines: Vec<String> = text.to_markdown().lines().map(|line| format!("> {line}")).collect();
            if let Some(cite) = cite {
                lines.push(">".into());
                lines.push(format!("> — {}", plain(cite)));
            }
            lines.join("\n")
        }
        Block::List { ordered, items } => items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let marker = if *ordered { format!("{}. ", i + 1) } else { "- ".into() };
                let indent = " ".repeat(marker.len());
                let markdown = item.to_markdown();
                let mut lines = markdown.lines();
                let first = format!("{marker}{}", lines.next().unwrap_or_default());
                std::iter::once(first).chain(lines.map(|line| format!("{indent}{line}"))).collect::<Vec<_>>().join("\n")
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Code { language, text } => {
            let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
            let fence = "`".repeat((longest + 1).max(3));
            let info: String = language.as_deref().unwrap_or_default().chars().filter(|c| c.is_alphanumeric() || "-+_.#".contains(*c)).collect();
            format!("{fence}{info}\n{text}\n{fence}")
        }
    })
}

/// `![alt](src "credit")`, then the caption on the lines after it.
fn figure(image: &Image) -> String {
    let mut out = format!("![{}](", plain(image.alt.as_deref().unwrap_or_default()));
    let src = image.src.as_str();
    if src.contains([' ', '<', '>', '(', ')']) {
        out.push('<');
        out.push_str(&src.replace('\\', "\\\\").replace('<', "\\<").replace('>', "\\>"));
        out.push('>');
    } else {
        out.push_str(&src.replace('\\', "\\\\").replace('&', "\\&"));
    }
    if let Some(credit) = &image.credit {
        out.push_str(" \"");
        out.push_str(&credit.replace('\\', "\\\\").replace('"', "\\\"").replace('&', "\\&").replace('\n', " "));
        out.push('"');
    }
    out.push(')');
    let caption = image.caption.to_markdown();
    if !caption.trim().is_empty() {
        out.push('\n');
        out.push_str(&caption);
    }
    out
}

/// Plain text as Markdown that reads back as the same text.
fn plain(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    RichText(vec![Inline::Text(one_line)]).to_markdown()
}
