//! The front matter of a Markdown article: TOML between `+++` lines, as in Zola and Hugo.

use serde::{Deserialize, Serialize};
use toml::Spanned;

/// A Markdown file cut into its front matter and body, with where each starts (byte offsets).
#[derive(Debug)]
pub struct Split<'a> {
    pub front_matter: &'a str,
    pub front_matter_start: usize,
    pub body: &'a str,
    pub body_start: usize,
}

/// Finds the front matter: a first line `+++`, the TOML, a line `+++`.
pub fn split(text: &str) -> Result<Split<'_>, String> {
    let bom = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let rest = &text[bom..];
    let first_line = rest.lines().next().unwrap_or_default().trim_end();
    if first_line == "---" {
        return Err("the front matter is YAML (---); Broadsheet reads TOML between +++ lines \
                    (title = \"…\"; see docs/authoring.md)"
            .into());
    }
    if first_line != "+++" {
        return Err("no front matter: start the file with a line +++, then title = \"…\", published = …, then +++".into());
    }
    let front_matter_start = bom + rest.find('\n').map_or(rest.len(), |i| i + 1);
    let mut offset = front_matter_start;
    for line in text[front_matter_start..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Ok(Split {
                front_matter: &text[front_matter_start..offset],
                front_matter_start,
                body: &text[offset + line.len()..],
                body_start: offset + line.len(),
            });
        }
        offset += line.len();
    }
    Err("the front matter is not closed: add a line +++ after it".into())
}

/// The front matter as written. Unknown keys are refused (a misspelt `pubished` would otherwise
/// be silently ignored); a publisher's own data goes under `[extra]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: Spanned<String>,
    #[serde(default)]
    pub slug: Option<Spanned<String>>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub language: Option<Spanned<String>>,
    pub published: Spanned<DateValue>,
    #[serde(default)]
    pub updated: Option<Spanned<DateValue>>,
    #[serde(default)]
    pub authors: Vec<Spanned<AuthorEntry>>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub featured: bool,
    /// The slugs of this article in other languages; the build links them all both ways.
    #[serde(default)]
    pub translations: Vec<Spanned<String>>,
    #[serde(default)]
    pub lead_image: Option<Spanned<PictureEntry>>,
    #[serde(default)]
    pub gallery: Vec<Spanned<PictureEntry>>,
    /// Where an imported article came from (`wordpress:<guid>`): a re-import updates this file.
    #[serde(default)]
    pub imported_from: Option<String>,
    #[serde(default)]
    pub extra: Option<toml::Table>,
}

/// A date as TOML writes it (`2020-08-26T18:00:00+03:00`, `2020-08-26`) or as a string.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum DateValue {
    Toml(toml::value::Datetime),
    Text(String),
}

impl DateValue {
    /// An RFC 3339 date-time with an offset, or why not. A date alone means noon UTC that day,
    /// which is the same calendar day for readers from UTC−11 to UTC+11.
    pub fn to_rfc3339(&self) -> Result<String, String> {
        let text = match self {
            DateValue::Toml(datetime) => datetime.to_string(),
            DateValue::Text(text) => text.trim().to_owned(),
        };
        let example = "write e.g. 2020-08-26T18:00:00+03:00, 2020-08-26T15:00:00Z or 2020-08-26";
        if text.len() == 10 && time::Date::parse(&text, time::macros::format_description!("[year]-[month]-[day]")).is_ok() {
            return Ok(format!("{text}T12:00:00Z"));
        }
        if time::OffsetDateTime::parse(&text, &time::format_description::well_known::Rfc3339).is_err() {
            let local = time::PrimitiveDateTime::parse(
                &text.replace(' ', "T"),
                time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second][optional [.[subsecond]]]"),
            );
            return Err(match local {
                Ok(_) => format!("{text:?} has no time zone: add its offset, {example}"),
                Err(_) => format!("{text:?} is not a date: {example}"),
            });
        }
        Ok(text)
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum AuthorEntry {
    Name(String),
    Full(AuthorTable),
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthorTable {
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
}

/// A picture in the front matter: the lead image or one of the gallery.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PictureEntry {
    /// A file under the content folder (`images/a.jpg`) or an `https:` URL.
    pub src: Spanned<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    /// Inline Markdown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_from_body() {
        let text = "+++\ntitle = \"A\"\n+++\nBody\n";
        let split = split(text).unwrap();
        assert_eq!(split.front_matter, "title = \"A\"\n");
        assert_eq!(split.body, "Body\n");
        assert_eq!(&text[split.body_start..], "Body\n");
        assert_eq!(&text[split.front_matter_start..split.front_matter_start + 5], "title");
    }

    #[test]
    fn windows_line_ends_and_a_byte_order_mark_are_fine() {
        let split = split("\u{feff}+++\r\ntitle = \"A\"\r\n+++\r\nBody").unwrap();
        assert_eq!(split.front_matter, "title = \"A\"\r\n");
        assert_eq!(split.body, "Body");
    }

    #[test]
    fn says_what_is_wrong_with_the_fences() {
        assert!(split("---\ntitle: A\n---\n").unwrap_err().contains("YAML"));
        assert!(split("# Just Markdown\n").unwrap_err().contains("no front matter"));
        assert!(split("+++\ntitle = \"A\"\n").unwrap_err().contains("not closed"));
    }

    #[test]
    fn dates_are_rfc_3339_with_an_offset_or_a_bare_day() {
        let toml = |s: &str| DateValue::Toml(s.parse().unwrap());
        assert_eq!(toml("2020-08-26T18:00:00+03:00").to_rfc3339().unwrap(), "2020-08-26T18:00:00+03:00");
        assert_eq!(toml("2020-08-26T15:00:00.5Z").to_rfc3339().unwrap(), "2020-08-26T15:00:00.5Z");
        assert_eq!(toml("2020-08-26").to_rfc3339().unwrap(), "2020-08-26T12:00:00Z");
        assert_eq!(DateValue::Text("2020-08-26T15:00:00Z".into()).to_rfc3339().unwrap(), "2020-08-26T15:00:00Z");
        assert!(toml("2020-08-26T18:00:00").to_rfc3339().unwrap_err().contains("no time zone"));
        for bad in ["26 August 2020", "2020-13-01", "2020-02-30T00:00:00Z", "yesterday"] {
            assert!(DateValue::Text(bad.into()).to_rfc3339().unwrap_err().contains("is not a date"), "{bad}");
        }
    }
}
