//! Escaping for the few strings the pre-renderer writes outside Leptos's own rendering.

/// Text or an attribute value in HTML: `& < > " '`.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON that can sit inside `<script type="application/…json">`: `<`, `>` and `&` become `\u003c`,
/// `\u003e`, `\u0026` (still the same JSON), so no string can close the element or open a comment.
pub fn json_for_script(value: &serde_json::Value) -> String {
    script_safe_json(&serde_json::to_string(value).unwrap_or_else(|_| "null".into()))
}

/// JSON text made safe for a `<script>` element as [`json_for_script`] does.
pub fn script_safe_json(json: &str) -> String {
    json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(escape_html(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    #[test]
    fn script_json_cannot_close_the_element_and_stays_the_same_json() {
        let value = serde_json::json!({ "headline": "</script><script>alert(1)</script> <!-- & -->" });
        let text = json_for_script(&value);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), value);
    }
}
