//! The one URL allow-list: every link and image source from an author or a commenter passes here.

use serde::Serialize;

/// A URL that passed the allow-list: `http:`, `https:`, `mailto:` or relative.
///
/// The only way to make one is [`SafeUrl::parse`], so a view that takes a `SafeUrl` cannot be handed
/// `javascript:` or `data:`.
///
/// ```
/// use broadsheet::model::SafeUrl;
/// assert!(SafeUrl::parse("https://example.org/a").is_some());
/// assert!(SafeUrl::parse("images/a.webp").is_some());
/// assert!(SafeUrl::parse("JaVaScRiPt:alert(1)").is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct SafeUrl(String);

const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

impl SafeUrl {
    /// Accepts `raw` if a browser would read it as an allowed scheme or as a relative reference.
    ///
    /// Follows the WHATWG URL parser where it matters for safety: leading and trailing C0 controls and
    /// spaces are trimmed and tabs and newlines are removed anywhere before the scheme is read, so
    /// `" java\tscript:"` is recognised as `javascript:` and refused. Stricter than the parser in
    /// one way: any Unicode space around the URL goes too (`"\u{2028}javascript:"` is refused, not
    /// kept as a relative path that only a lenient browser would not run).
    pub fn parse(raw: &str) -> Option<SafeUrl> {
        let cleaned: String = raw
            .trim_matches(|c: char| c <= ' ' || c.is_whitespace())
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect();
        // No address a reader means has a control character inside; a script URL hidden behind one
        // (`java\u{3}script:`) is refused rather than kept as an odd relative path.
        if cleaned.is_empty() || cleaned.chars().any(char::is_control) {
            return None;
        }
        match scheme_of(&cleaned) {
            None => Some(SafeUrl(cleaned)),
            Some(scheme) if ALLOWED_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()) => {
                Some(SafeUrl(cleaned))
            }
            Some(_) => None,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for a reference without a scheme (resolved against the page or the article's URL).
    pub fn is_relative(&self) -> bool {
        scheme_of(&self.0).is_none()
    }

    /// A relative reference made absolute by `resolve` (the browser's URL parser, with the article
    /// file's URL as base). The result passes the allow-list again; if it does not, or `resolve`
    /// gives up, the reference stays as it was.
    pub fn resolved(&self, resolve: &dyn Fn(&str) -> Option<String>) -> SafeUrl {
        if !self.is_relative() || self.0.starts_with('#') {
            return self.clone();
        }
        resolve(&self.0).and_then(|absolute| SafeUrl::parse(&absolute)).unwrap_or_else(|| self.clone())
    }
}

/// The scheme of an absolute URL (`[A-Za-z][A-Za-z0-9+.-]*` before the first `:`), or `None` when relative.
fn scheme_of(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    let mut chars = candidate.chars();
    let first_is_alpha = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_is_alpha && rest_ok).then_some(candidate)
}

impl std::fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_web_mail_and_relative_urls() {
        for ok in [
            "https://example.org/x?y#z",
            "HTTP://EXAMPLE.ORG",
            "mailto:desk@example.org",
            "images/nica-480.webp",
            "/articles/a.json",
            "//cdn.example.org/a.png",
            "#section",
            "?page=2",
            "a:b/c".replacen(':', "/", 1).as_str(),
        ] {
            assert!(SafeUrl::parse(ok).is_some(), "{ok} should be allowed");
        }
    }

    #[test]
    fn a_script_url_behind_a_unicode_line_separator_is_refused() {
        // From the XSS corpus, in Waline comment HTML: <a href='\u2028javascript:alert(1)'>.
        for bad in ["\u{2028}javascript:alert(1)", "\u{a0}javascript:alert(1)", "\u{3000}JAVASCRIPT:alert(1)\u{2029}", "\u{1}java\u{3}script:alert(1)"] {
            assert_eq!(SafeUrl::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn refuses_script_data_and_other_schemes() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "blob:https://example.org/uuid",
            "",
            "   ",
        ] {
            assert!(SafeUrl::parse(bad).is_none(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn a_colon_after_a_path_character_keeps_the_url_relative() {
        // "./javascript:x" is a relative path, which the browser resolves to a harmless http(s) URL.
        let url = SafeUrl::parse("./javascript:alert(1)").expect("relative");
        assert!(url.is_relative());
    }

    #[test]
    fn trims_what_the_browser_trims() {
        assert_eq!(SafeUrl::parse("  https://a.example/ \n").unwrap().as_str(), "https://a.example/");
    }
}
