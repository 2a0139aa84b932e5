//! A hostile article (every payload of the shared XSS corpus in every text field) pre-renders to
//! HTML that runs nothing: no script element, no event handler attribute, no script URL.

use broadsheet::config::Config;
use broadsheet::model::Article;
use broadsheet::prerender::article_html;
use serde_json::json;

fn corpus() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/xss-vectors.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let vectors: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    vectors.iter().map(|v| v["payload"].as_str().unwrap().to_owned()).collect()
}

fn hostile_article(payloads: &[String]) -> Article {
    let body: Vec<_> = payloads
        .iter()
        .flat_map(|p| {
            vec![
                json!({ "type": "paragraph", "text": p }),
                json!({ "type": "paragraph", "text": format!("[link]({p}) <{p}>") }),
                json!({ "type": "heading", "text": p }),
                json!({ "type": "quote", "text": p, "cite": p }),
                json!({ "type": "list", "items": [p] }),
                json!({ "type": "figure", "src": "../images/a.webp", "alt": p, "caption": p, "credit": p, "width": 3, "height": 2 }),
                json!({ "type": "figure", "src": p, "alt": "hostile src" }),
            ]
        })
        .collect();
    let article = json!({
        "format": 1, "slug": "hostile", "title": "<script>alert(1)</script> T", "label": "<img src=x onerror=alert(1)>",
        "summary": "<svg onload=alert(1)>", "published": "2020-08-26T18:00:00Z",
        "authors": [{ "name": "<b onmouseover=alert(1)>a</b>", "url": "javascript:alert(1)" }],
        "body": body,
        "gallery": payloads.iter().take(20).map(|p| json!({ "src": "../images/g.webp", "alt": p, "caption": p })).collect::<Vec<_>>(),
    });
    Article::from_json(&article.to_string()).unwrap().0
}

/// Every start tag in `html`, lower-cased, as (name, attribute text).
fn start_tags(html: &str) -> Vec<(String, String)> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let Some(close) = rest.find('>') else { break };
        let tag = &rest[..close];
        rest = &rest[close + 1..];
        if tag.starts_with('/') || tag.starts_with('!') {
            continue;
        }
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
        tags.push((name, tag.to_ascii_lowercase()));
    }
    tags
}

/// The attributes of a start tag's text after its name: `key="value"`, `key`, quotes respected.
fn attributes(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut chars = text.trim_end_matches('/').chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let key: String = std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace() && *c != '=')).collect();
        if key.is_empty() {
            break;
        }
        let mut value = String::new();
        if chars.next_if_eq(&'=').is_some() {
            if chars.next_if_eq(&'"').is_some() {
                value = std::iter::from_fn(|| chars.next_if(|c| *c != '"')).collect();
                chars.next();
            } else {
                value = std::iter::from_fn(|| chars.next_if(|c| !c.is_whitespace())).collect();
            }
        }
        found.push((key, value));
    }
    found
}

#[test]
fn hostile_articles_prerender_to_html_that_runs_nothing() {
    let payloads = corpus();
    assert!(payloads.len() >= 200);
    let html = article_html(hostile_article(&payloads), None, Config::default());
    // Text is escaped: no raw '<' from a payload starts a tag, so every tag is one of ours.
    let ours = [
        "article", "header", "p", "h1", "h2", "h3", "h4", "time", "span", "div", "figure", "button", "img",
        "figcaption", "blockquote", "footer", "cite", "ol", "ul", "li", "a", "em", "strong", "code", "s",
        "br", "section", "dialog",
        // The comments section and its form.
        "label", "select", "option", "form", "textarea", "input", "details", "summary", "noscript", "svg", "rect",
    ];
    for (name, tag) in start_tags(&html) {
        assert!(ours.contains(&name.as_str()), "unexpected element <{tag}>");
        for (key, value) in attributes(&tag[name.len()..]) {
            assert!(!key.starts_with("on"), "event handler {key} in <{tag}>");
            if matches!(key.as_str(), "href" | "src" | "srcset") {
                let value: String = value.chars().filter(|c| !c.is_whitespace()).collect();
                assert!(!value.starts_with("javascript:") && !value.starts_with("data:") && !value.starts_with("vbscript:"), "<{tag}>");
            }
        }
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; T"), "the title shows as text");
}
