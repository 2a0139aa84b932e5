//! Paragraphs for classic-editor content, as WordPress's `wpautop` makes them: the editor stores
//! text with blank lines between paragraphs and single newlines for line breaks, not `<p>`.

/// Tags that start a block of their own: a chunk that begins with one is not wrapped in `<p>`.
const BLOCKS: &[&str] = &[
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "iframe", "li", "main", "map", "math", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "style", "script", "object", "video", "audio",
];

/// Wraps the text between blank lines in `<p>` and turns its other newlines into `<br>`, leaving
/// block elements (and everything inside `<pre>`) as they are.
pub fn autop(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::new();
    for chunk in chunks(&text) {
        let trimmed = chunk.trim();
        if trimmed.is_empty() {
            continue;
        }
        if starts_block(trimmed) {
            out.push_str(trimmed);
        } else {
            let lines: Vec<&str> = trimmed.lines().map(str::trim_end).collect();
            out.push_str("<p>");
            out.push_str(&lines.join("<br />\n"));
            out.push_str("</p>");
        }
        out.push('\n');
    }
    out
}

/// The text cut at blank lines, except inside `<pre>…</pre>`, `<script>`/`<style>` and tables,
/// whose blank lines are theirs.
fn chunks(text: &str) -> Vec<String> {
    let mut chunks = Vec::new();
    let mut current = String::new();
    let mut inside: Option<&'static str> = None;
    for line in text.split('\n') {
        let lower = line.to_ascii_lowercase();
        if inside.is_none() {
            for (open, close) in [("<pre", "</pre>"), ("<script", "</script>"), ("<style", "</style>"), ("<table", "</table>"), ("<ul", "</ul>"), ("<ol", "</ol>")] {
                if let Some(at) = lower.find(open) {
                    if !lower[at..].contains(close) {
                        inside = Some(close);
                    }
                }
            }
        } else if let Some(close) = inside {
            if lower.contains(close) {
                inside = None;
            }
        }
        if line.trim().is_empty() && inside.is_none() {
            chunks.push(std::mem::take(&mut current));
            continue;
        }
        if !current.is_empty() {
            current.push('\n');
        }
        current.push_str(line);
    }
    chunks.push(current);
    chunks
}

fn starts_block(chunk: &str) -> bool {
    if chunk.starts_with("<!--") {
        return true;
    }
    let Some(rest) = chunk.strip_prefix('<') else { return false };
    let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
    BLOCKS.contains(&name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_make_paragraphs_and_newlines_breaks() {
        assert_eq!(autop("One\ntwo\n\nThree\r\n\r\n\r\nFour"), "<p>One<br />\ntwo</p>\n<p>Three</p>\n<p>Four</p>\n");
    }

    #[test]
    fn blocks_and_preformatted_text_are_left_alone() {
        let text = "<h2>Title</h2>\n\n<pre>a\n\nb</pre>\n\nText <em>inline</em>\n\n<ul>\n<li>x</li>\n\n<li>y</li>\n</ul>";
        assert_eq!(autop(text), "<h2>Title</h2>\n<pre>a\n\nb</pre>\n<p>Text <em>inline</em></p>\n<ul>\n<li>x</li>\n\n<li>y</li>\n</ul>\n");
    }

    #[test]
    fn inline_elements_at_the_start_still_make_a_paragraph() {
        assert_eq!(autop("<strong>Bold</strong> start\n\n<a href=x>link</a>"), "<p><strong>Bold</strong> start</p>\n<p><a href=x>link</a></p>\n");
    }
}
