//! WordPress shortcodes (`[caption]`, `[gallery]`, `[embed]`, a plugin's `[contact-form-7 id="1"]`)
//! in post HTML. The ones WordPress itself defines become the HTML it would render; every other one
//! is taken out (the text it encloses stays) and noted. Code (`<pre>`, `<code>`) is left alone.

use std::collections::HashMap;

use broadsheet::model::html::LeftOut;

/// A picture of the export's media library (a WXR `attachment` item).
#[derive(Clone, Debug, Default)]
pub struct Attachment {
    pub url: String,
    pub alt: String,
    /// HTML, as WordPress stores it.
    pub caption: String,
    /// The post it was uploaded to.
    pub parent: Option<u64>,
}

pub type Attachments = HashMap<u64, Attachment>;

/// What the expansion needs to know about the post.
pub struct Context<'a> {
    pub attachments: &'a Attachments,
    pub post_id: Option<u64>,
}

const PICTURE_SHORTCODES: [&str; 2] = ["caption", "wp_caption"];
const MEDIA_SHORTCODES: [&str; 3] = ["video", "audio", "playlist"];

pub fn expand(html: &str, context: &Context<'_>, left_out: &mut LeftOut) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(['[', '<']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('<') {
            // Code is copied as it is, to its closing tag.
            let lower: String = rest.chars().take(6).collect::<String>().to_ascii_lowercase();
            let close = if lower.starts_with("<pre") && !lower[4..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
                Some("</pre>")
            } else if lower.starts_with("<code") && !lower[5..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
                Some("</code>")
            } else {
                None
            };
            let end = close.and_then(|close| find_ci(rest, close).map(|i| i + close.len())).unwrap_or(1);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        // `[[name]]` is WordPress's way to write a shortcode as text.
        if rest.starts_with("[[") {
            if let Some(end) = rest.find("]]") {
                out.push_str(&rest[1..end + 1]);
                rest = &rest[end + 2..];
                continue;
            }
        }
        match parse_tag(rest) {
            Some(tag) if is_shortcode(&tag, rest) => {
                let after = &rest[tag.length..];
                let (content, consumed) = if tag.self_closing {
                    (None, tag.length)
                } else {
                    match find_ci(after, &format!("[/{}]", tag.name)) {
                        Some(end) => (Some(&after[..end]), tag.length + end + tag.name.len() + 3),
                        None => (None, tag.length),
                    }
                };
                out.push_str(&render(&tag, content, context, left_out));
                rest = &rest[consumed..];
            }
            _ => {
                out.push('[');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack.to_ascii_lowercase().find(&needle.to_ascii_lowercase())
}

#[derive(Debug)]
struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
    /// Positional values without a name: `[embed]`'s URL in `[video https://…]`.
    values: Vec<String>,
    self_closing: bool,
    /// Bytes from `[` to `]` inclusive.
    length: usize,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Reads `[name a="b" c=d e]` at the start of `text`.
fn parse_tag(text: &str) -> Option<Tag> {
    let body_end = text.find(']')?;
    let body = &text[1..body_end];
    if body.contains(['[', '<', '\n']) && !body.contains('=') {
        return None;
    }
    let name: String = body.chars().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-')).collect();
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut rest = body[name.len()..].trim_end();
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) && rest != "/" {
        return None;
    }
    let self_closing = rest.ends_with('/');
    if self_closing {
        rest = &rest[..rest.len() - 1];
    }
    let (attributes, values) = parse_attributes(rest);
    Some(Tag { name, attributes, values, self_closing, length: body_end + 1 })
}

fn parse_attributes(text: &str) -> (Vec<(String, String)>, Vec<String>) {
    let mut attributes = Vec::new();
    let mut values = Vec::new();
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        let key: String = rest.chars().take_while(|c| !c.is_whitespace() && *c != '=').collect();
        rest = &rest[key.len()..];
        let value = if let Some(after) = rest.strip_prefix('=') {
            let (value, remaining) = quoted(after);
            rest = remaining;
            Some(value)
        } else {
            None
        };
        match value {
            Some(value) => attributes.push((key.to_ascii_lowercase(), value)),
            None if !key.is_empty() => {
                let (value, _) = quoted(&key);
                values.push(value);
            }
            None => {}
        }
        rest = rest.trim_start();
        if key.is_empty() && !rest.is_empty() {
            rest = &rest[rest.chars().next().map_or(1, char::len_utf8)..];
        }
    }
    (attributes, values)
}

/// A value in double, single or no quotes (WordPress also writes “curly” quotes), and what follows.
fn quoted(text: &str) -> (String, &str) {
    for (open, close) in [('"', '"'), ('\'', '\''), ('“', '”'), ('″', '″')] {
        if let Some(inner) = text.strip_prefix(open) {
            return match inner.find(close) {
                Some(end) => (inner[..end].to_owned(), &inner[end + close.len_utf8()..]),
                None => (inner.to_owned(), ""),
            };
        }
    }
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    (text[..end].to_owned(), &text[end..])
}

/// Bracketed text is a shortcode when WordPress defines it, or when it is shaped like one no prose
/// is (attributes with `=`, a closing `[/name]`, `/]`, a plugin-style name with `_` or `-`).
/// `[sic]`, `[1]` and `[citation needed]` stay text.
fn is_shortcode(tag: &Tag, text: &str) -> bool {
    let name = tag.name.to_ascii_lowercase();
    PICTURE_SHORTCODES.contains(&name.as_str())
        || MEDIA_SHORTCODES.contains(&name.as_str())
        || name == "gallery"
        || name == "embed"
        || !tag.attributes.is_empty()
        || tag.self_closing
        || name.contains(['_', '-'])
        || find_ci(&text[tag.length..], &format!("[/{name}]")).is_some()
}

fn render(tag: &Tag, content: Option<&str>, context: &Context<'_>, left_out: &mut LeftOut) -> String {
    let name = tag.name.to_ascii_lowercase();
    match name.as_str() {
        "caption" | "wp_caption" => caption(tag, content.unwrap_or_default()),
        "gallery" => gallery(tag, context, left_out),
        "embed" => {
            let url = content.unwrap_or_default().trim();
            left_out.note("embed ([embed], kept as a link)");
            link(url)
        }
        "video" | "audio" => {
            let src = ["src", "mp4", "m4v", "webm", "ogv", "mp3", "ogg", "m4a", "wav"].iter().find_map(|k| tag.attr(k)).or(tag.values.first().map(String::as_str));
            left_out.note(&format!("[{name}] (kept as a link to the file)"));
            src.map(link).unwrap_or_default()
        }
        _ => {
            let kept = if content.is_some() { " (its text is kept)" } else { "" };
            left_out.note(&format!("shortcode [{name}]{kept}"));
            content.map(|c| expand(c, context, left_out)).unwrap_or_default()
        }
    }
}

/// `[caption]<img …> The caption[/caption]` as the `<figure>` WordPress renders.
fn caption(tag: &Tag, content: &str) -> String {
    // The picture is the first <img>, or the link around it; the rest is the caption.
    let lower = content.to_ascii_lowercase();
    let split = lower.find("<img").map(|img| {
        let img_end = lower[img..].find('>').map_or(lower.len(), |e| img + e + 1);
        match lower[..img].rfind("<a") {
            Some(_) => lower[img_end..].find("</a>").map_or(img_end, |e| img_end + e + 4),
            None => img_end,
        }
    });
    let (picture, text) = match split {
        Some(at) => (&content[..at], &content[at..]),
        None => ("", content),
    };
    let text = tag.attr("caption").map(escape_html).unwrap_or_else(|| text.trim().to_owned());
    format!("<figure class=\"wp-caption\">{picture}<figcaption class=\"wp-caption-text\">{text}</figcaption></figure>")
}

/// `[gallery ids="1,2"]` (or the pictures uploaded to the post) as a gallery block.
fn gallery(tag: &Tag, context: &Context<'_>, left_out: &mut LeftOut) -> String {
    let ids: Vec<u64> = match tag.attr("ids").or(tag.attr("include")) {
        Some(ids) => ids.split(',').filter_map(|id| id.trim().parse().ok()).collect(),
        None => {
            let mut ids: Vec<u64> = context.attachments.iter().filter(|(_, a)| a.parent.is_some() && a.parent == context.post_id).map(|(id, _)| *id).collect();
            ids.sort();
            ids
        }
    };
    let mut out = String::from("<figure class=\"wp-block-gallery\">");
    let mut found = 0;
    for id in &ids {
        match context.attachments.get(id) {
            Some(a) => {
                found += 1;
                out.push_str(&format!(
                    "<figure class=\"wp-block-image\"><img src=\"{}\" alt=\"{}\"><figcaption>{}</figcaption></figure>",
                    escape_html(&a.url),
                    escape_html(&a.alt),
                    a.caption
                ));
            }
            None => left_out.note(&format!("[gallery] picture {id} (not in the export)")),
        }
    }
    out.push_str("</figure>");
    if found == 0 {
        left_out.note("[gallery] (no pictures of it are in the export)");
        return String::new();
    }
    out
}

fn link(url: &str) -> String {
    if url.is_empty() {
        return String::new();
    }
    format!("<p><a href=\"{0}\">{0}</a></p>", escape_html(url))
}

pub fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(html: &str) -> (String, LeftOut) {
        let mut attachments = Attachments::new();
        attachments.insert(7, Attachment { url: "https://e.example/a.jpg".into(), alt: "A".into(), caption: "Cap <em>A</em>".into(), parent: Some(1) });
        attachments.insert(8, Attachment { url: "https://e.example/b.jpg".into(), alt: "B".into(), caption: String::new(), parent: Some(1) });
        let mut left_out = LeftOut::default();
        let out = expand(html, &Context { attachments: &attachments, post_id: Some(1) }, &mut left_out);
        (out, left_out)
    }

    #[test]
    fn caption_becomes_a_figure() {
        let (out, _) = run(r#"[caption id="attachment_7" align="aligncenter" width="300"]<a href="x"><img src="a.jpg" alt="A" /></a> The <b>cap</b>[/caption]"#);
        assert_eq!(out, r#"<figure class="wp-caption"><a href="x"><img src="a.jpg" alt="A" /></a><figcaption class="wp-caption-text">The <b>cap</b></figcaption></figure>"#);
        let (old, _) = run(r#"[caption caption="Old & style"]<img src="a.jpg">[/caption]"#);
        assert!(old.contains("<figcaption class=\"wp-caption-text\">Old &amp; style</figcaption>"), "{old}");
    }

    #[test]
    fn gallery_by_ids_and_by_parent() {
        let (by_ids, _) = run(r#"[gallery ids="8,7"]"#);
        assert!(by_ids.find("b.jpg").unwrap() < by_ids.find("a.jpg").unwrap(), "{by_ids}");
        let (by_parent, _) = run("[gallery]");
        assert!(by_parent.contains("a.jpg") && by_parent.contains("b.jpg"));
        let (missing, left_out) = run(r#"[gallery ids="99"]"#);
        assert_eq!(missing, "");
        assert_eq!(left_out.entries().len(), 2);
    }

    #[test]
    fn unknown_shortcodes_go_and_their_text_stays() {
        let (out, left_out) = run(r#"a [contact-form-7 id="5" title="Contact"] b [su_box title="x"]inside[/su_box] c [toc/] d [foo]bar[/foo]"#);
        assert_eq!(out, "a  b inside c  d bar");
        let names: Vec<_> = left_out.entries().iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(names, ["shortcode [contact-form-7]", "shortcode [su_box] (its text is kept)", "shortcode [toc]", "shortcode [foo] (its text is kept)"]);
    }

    #[test]
    fn prose_in_brackets_and_code_are_left_alone() {
        let text = "He said [sic] twice [1] [citation needed] <code>[not=shortcode]</code> <pre>[gallery]</pre> [[escaped]]";
        let (out, left_out) = run(text);
        assert_eq!(out, "He said [sic] twice [1] [citation needed] <code>[not=shortcode]</code> <pre>[gallery]</pre> [escaped]");
        assert!(left_out.is_empty());
    }

    #[test]
    fn embeds_and_media_become_links() {
        let (out, _) = run("[embed]https://www.youtube.com/watch?v=x&y=1[/embed][video src=\"https://e.example/v.mp4\"]");
        assert_eq!(out, "<p><a href=\"https://www.youtube.com/watch?v=x&amp;y=1\">https://www.youtube.com/watch?v=x&amp;y=1</a></p><p><a href=\"https://e.example/v.mp4\">https://e.example/v.mp4</a></p>");
    }
}
