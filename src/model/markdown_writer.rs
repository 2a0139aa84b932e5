//! Rich text written back as inline Markdown, so that `RichText::parse(&text.to_markdown())` gives
//! the same tree: the form article files and Markdown content carry text in.
//!
//! Only what could be read as markup is escaped (`snake_case` and `R&D` stay as they are). Two
//! things Markdown cannot say are written as the closest thing it can: a link whose target was
//! refused keeps only its words, a newline inside text (raw HTML keeps them) becomes the space a
//! browser shows, and emphasis that Markdown could not close where it ends (its text
//! ends in punctuation right before a letter, as in `**Note:**Then`) keeps only its words too.

use super::{Inline, RichText};

impl RichText {
    /// The text as inline Markdown (see the module's documentation).
    ///
    /// ```
    /// use broadsheet::model::RichText;
    /// let text = RichText::parse("A *b* `c` [d](https://d.example) 2 * 3 = 6");
    /// assert_eq!(text.to_markdown(), "A *b* `c` [d](https://d.example) 2 \\* 3 = 6");
    /// assert_eq!(RichText::parse(&text.to_markdown()), text);
    /// ```
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        write_nodes(&self.0, &mut out);
        out
    }
}

fn write_nodes(nodes: &[Inline], out: &mut String) {
    for (i, node) in nodes.iter().enumerate() {
        match node {
            Inline::Text(text) => write_text(text, out),
            Inline::Code(code) => write_code(code, out),
            Inline::LineBreak => {
                // A backslash at the end of a line is a hard break; trailing spaces would be lost.
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push_str("\\\n");
            }
            Inline::Emphasis(children) => write_delimited("*", children, nodes.get(i + 1), out),
            Inline::Strong(children) => write_delimited("**", children, nodes.get(i + 1), out),
            Inline::Strikethrough(children) => write_delimited("~~", children, nodes.get(i + 1), out),
            Inline::Link { href: Some(href), title, children } => {
                out.push('[');
                write_nodes(children, out);
                out.push_str("](");
                write_destination(href.as_str(), out);
                if !title.is_empty() {
                    out.push_str(" \"");
                    for c in title.chars() {
                        if matches!(c, '"' | '\\') || (c == '&') {
                            out.push('\\');
                        }
                        out.push(if c == '\n' { ' ' } else { c });
                    }
                    out.push('"');
                }
                out.push(')');
            }
            Inline::Link { href: None, children, .. } => write_nodes(children, out),
        }
    }
}

/// `*`, `**` or `~~` around the children, when Markdown can read them back as such: the text
/// inside must not start or end with a space, and punctuation at either edge needs a space or
/// punctuation on the outside (CommonMark's flanking rules).
fn write_delimited(delimiter: &str, children: &[Inline], next: Option<&Inline>, out: &mut String) {
    let mut inner = String::new();
    write_nodes(children, &mut inner);
    let before = out.chars().last();
    let after = next.and_then(first_char);
    let first = inner.chars().next();
    let last = inner.chars().last();
    let opens = first.is_some_and(|c| !c.is_whitespace())
        && (!first.is_some_and(is_punctuation) || before.is_none_or(|c| c.is_whitespace() || is_punctuation(c)));
    let closes = last.is_some_and(|c| !c.is_whitespace() && c != '\n')
        && (!last.is_some_and(is_punctuation) || after.is_none_or(|c| c.is_whitespace() || is_punctuation(c)));
    if opens && closes {
        out.push_str(delimiter);
        out.push_str(&inner);
        out.push_str(delimiter);
    } else {
        out.push_str(&inner);
    }
}

/// The first character a node writes, as far as the flanking rules care.
fn first_char(node: &Inline) -> Option<char> {
    match node {
        Inline::Text(text) => text.chars().next(),
        Inline::Code(_) => Some('`'),
        Inline::LineBreak => Some('\n'),
        Inline::Emphasis(_) | Inline::Strong(_) => Some('*'),
        Inline::Strikethrough(_) => Some('~'),
        Inline::Link { href: Some(_), .. } => Some('['),
        Inline::Link { href: None, children, .. } => children.first().and_then(first_char),
    }
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_whitespace() && !c.is_control())
}

fn write_text(text: &str, out: &mut String) {
    let chars: Vec<char> = text.chars().map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c }).collect();
    for (i, &c) in chars.iter().enumerate() {
        let at_line_start = i == 0 && (out.is_empty() || out.ends_with('\n'));
        let previous = if i == 0 { out.chars().last() } else { Some(chars[i - 1]) };
        let next = chars.get(i + 1).copied();
        let escape = match c {
            '\\' | '*' | '`' | '[' | ']' | '<' | '~' => true,
            // Inside a word, `_` is just a character (snake_case).
            '_' => !(previous.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric)),
            // Only what looks like an entity (`&amp;`, `&#38;`) would be decoded.
            '&' => looks_like_entity(&chars[i + 1..]),
            '#' | '>' | '+' | '-' | '=' | '|' => at_line_start,
            _ => false,
        };
        if escape {
            out.push('\\');
        } else if at_line_start && c.is_ascii_digit() {
            // "1. " or "1) " at the start of a line would begin a list: escape its punctuation.
            let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
            if matches!(chars.get(digits), Some('.' | ')')) {
                out.extend(&chars[..digits]);
                out.push('\\');
                out.extend(&chars[digits..]);
                return;
            }
        }
        out.push(c);
    }
}

fn looks_like_entity(rest: &[char]) -> bool {
    let name = rest.iter().take_while(|c| c.is_ascii_alphanumeric() || **c == '#').count();
    name > 0 && rest.get(name) == Some(&';')
}

/// A code span with a fence longer than any run of backticks inside it.
fn write_code(code: &str, out: &mut String) {
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let code = code.replace('\n', " ");
    let pad = code.starts_with('`') || code.ends_with('`') || (code.starts_with(' ') && code.ends_with(' ') && !code.trim().is_empty());
    out.push_str(&fence);
    if pad {
        out.push(' ');
    }
    out.push_str(&code);
    if pad {
        out.push(' ');
    }
    out.push_str(&fence);
}

/// A link target: bare, or in `<…>` when it holds spaces; what Markdown would read is escaped.
fn write_destination(url: &str, out: &mut String) {
    let pointy = url.contains([' ', '<', '>']) || url.is_empty();
    if pointy {
        out.push('<');
    }
    for c in url.chars() {
        let escape = match c {
            '\\' | '&' => true,
            '<' | '>' => pointy,
            '(' | ')' => !pointy,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    if pointy {
        out.push('>');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SafeUrl;

    /// The tree Markdown can express: refused links as their words, and newlines inside text
    /// (raw HTML keeps them) as spaces: what a reader sees anyway.
    fn expressible(nodes: &[Inline]) -> Vec<Inline> {
        let mut out: Vec<Inline> = Vec::new();
        for node in nodes {
            let mapped = match node {
                Inline::Link { href: None, children, .. } => expressible(children),
                Inline::Link { href, title, children } => {
                    vec![Inline::Link { href: href.clone(), title: title.clone(), children: expressible(children) }]
                }
                Inline::Emphasis(c) => vec![Inline::Emphasis(expressible(c))],
                Inline::Strong(c) => vec![Inline::Strong(expressible(c))],
                Inline::Strikethrough(c) => vec![Inline::Strikethrough(expressible(c))],
                Inline::Text(text) => vec![Inline::Text(text.replace(['\n', '\r'], " "))],
                other => vec![other.clone()],
            };
            for node in mapped {
                match (out.last_mut(), node) {
                    (Some(Inline::Text(last)), Inline::Text(next)) => last.push_str(&next),
                    (_, node) => out.push(node),
                }
            }
        }
        out
    }

    fn round_trips(markdown: &str) {
        let tree = RichText::parse(markdown);
        let written = tree.to_markdown();
        assert_eq!(RichText::parse(&written).0, expressible(&tree.0), "{markdown:?} was written as {written:?}");
    }

    #[test]
    fn writes_what_it_reads() {
        for source in [
            "plain words, with punctuation: yes! (really) 100% & more",
            "*em* **strong** ~~gone~~ `code` ``a ` b`` [link](https://a.example/x_(y) \"T \\\"q\\\"\")",
            "line one  \nline two\\\nline three",
            "snake_case and __init__ and _under_ and R&D and &amp; literally",
            "\\*not em\\* \\[not a link\\](x) \\<not html\\> 2 \\* 3",
            "***both*** and **bold *nested em* bold**",
            "[a link with `code` and *em*](</a b/c> \"t\")",
            "ends with a backslash \\\\",
            "&copy; &#169; &#xA9;",
            "<https://auto.example/link>",
            "text <b>raw html</b> stays text",
            "1\\. not a list",
            "`` `tick` ``",
        ] {
            round_trips(source);
        }
    }

    #[test]
    fn block_syntax_at_the_start_of_a_line_is_escaped() {
        for text in ["# not a heading", "> not a quote", "- not a list", "+ not a list", "1. not a list", "2) nor this",
            "=== not a setext underline", "--- not a rule", "~~~ not a fence", "``` not a fence", "| not a table"] {
            let tree = RichText(vec![Inline::Text("first".into()), Inline::LineBreak, Inline::Text(text.into())]);
            assert_eq!(RichText::parse(&tree.to_markdown()), tree, "{text}");
            let alone = RichText(vec![Inline::Text(text.into())]);
            assert_eq!(RichText::parse(&alone.to_markdown()), alone, "{text}");
        }
    }

    #[test]
    fn refused_links_keep_their_words() {
        let tree = RichText::parse("[click](javascript:alert(1)) here");
        assert_eq!(tree.to_markdown(), "click here");
    }

    #[test]
    fn emphasis_markdown_cannot_close_keeps_its_words() {
        let tree = RichText(vec![Inline::Strong(vec![Inline::Text("Note:".into())]), Inline::Text("Then".into())]);
        assert_eq!(tree.to_markdown(), "Note:Then");
        let spaced = RichText(vec![Inline::Strong(vec![Inline::Text("Note:".into())]), Inline::Text(" Then".into())]);
        assert_eq!(RichText::parse(&spaced.to_markdown()), spaced);
    }

    #[test]
    fn urls_with_spaces_parentheses_and_entities_survive() {
        for url in ["https://a.example/a b", "https://a.example/f(x)", "https://a.example/?a=1&amp;b=2", "/path/with\\backslash", "x<y>"] {
            let href = SafeUrl::parse(url).unwrap();
            let tree = RichText(vec![Inline::Link { href: Some(href), title: "a \"t\" & \\".into(), children: vec![Inline::Text("x".into())] }]);
            assert_eq!(RichText::parse(&tree.to_markdown()), tree, "{url}");
        }
    }

    #[test]
    fn the_hostile_corpus_round_trips_as_text_and_as_markdown() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/xss-vectors.json");
        let corpus: Vec<serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for vector in &corpus {
            let payload = vector["payload"].as_str().unwrap();
            // As Markdown an author wrote, and as plain text an importer found in HTML.
            round_trips(payload);
            let words = payload.split_whitespace().collect::<Vec<_>>().join(" ");
            if words.is_empty() {
                continue;
            }
            let text = RichText(vec![Inline::Text(words.clone())]);
            assert_eq!(RichText::parse(&text.to_markdown()), text, "{payload}");
        }
    }
}
