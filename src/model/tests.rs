//! Reading whole article and index files: every block type, forward compatibility, and the errors
//! an author sees for a broken file.

use super::*;
use serde_json::{json, Value};

fn minimal() -> Value {
    json!({
        "format": 1,
        "slug": "a-post",
        "title": "A post",
        "published": "2020-08-26T12:00:00+03:00",
        "body": [{ "type": "paragraph", "text": "Hello *world*." }]
    })
}

fn read(value: &Value) -> Result<(Article, Warnings), FormatError> {
    Article::from_json(&value.to_string())
}

#[test]
fn reads_a_minimal_article_with_defaults() {
    let (article, warnings) = read(&minimal()).unwrap();
    assert_eq!(article.title, "A post");
    assert_eq!(article.language, "en");
    assert_eq!(article.label, None);
    assert!(article.authors.is_empty() && article.gallery.is_empty());
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn reads_every_block_type() {
    let mut value = minimal();
    value["body"] = json!([
        { "type": "paragraph", "text": "P" },
        { "type": "heading", "level": 3, "text": "H" },
        { "type": "figure", "src": "images/a-480.webp", "alt": "A", "caption": "*C*", "credit": "Photo: X",
          "width": 480, "height": 320,
          "srcset": [{ "src": "images/a-480.webp", "width": 480 }, { "src": "images/a-960.webp", "width": 960 }],
          "sizes": "(min-width: 44rem) 42rem, 100vw" },
        { "type": "quote", "text": "Q", "cite": "Someone" },
        { "type": "list", "ordered": true, "items": ["one", "two"] },
        { "type": "code", "language": "rust", "text": "fn main() {\n    println!(\"*not* emphasis\");\n}" }
    ]);
    let (article, _) = read(&value).unwrap();
    assert_eq!(article.body.len(), 6);
    assert!(matches!(&article.body[0], Block::Paragraph(text) if text.plain_text() == "P"));
    assert!(matches!(&article.body[1], Block::Heading { level: 3, text } if text.plain_text() == "H"));
    let Block::Figure(figure) = &article.body[2] else { panic!("figure expected") };
    assert_eq!(figure.alt.as_deref(), Some("A"));
    assert_eq!(figure.caption.0, vec![Inline::Emphasis(vec![Inline::Text("C".into())])]);
    assert_eq!(figure.credit.as_deref(), Some("Photo: X"));
    assert_eq!((figure.width, figure.height), (Some(480), Some(320)));
    assert_eq!(figure.srcset_attr().as_deref(), Some("images/a-480.webp 480w, images/a-960.webp 960w"));
    assert!(matches!(&article.body[3], Block::Quote { cite: Some(c), .. } if c == "Someone"));
    assert!(matches!(&article.body[4], Block::List { ordered: true, items } if items.len() == 2));
    // Code is text as written: no Markdown, indentation and line breaks kept.
    assert!(matches!(&article.body[5], Block::Code { language: Some(l), text }
        if l == "rust" && text == "fn main() {\n    println!(\"*not* emphasis\");\n}"));
}

#[test]
fn heading_levels_stay_below_the_title() {
    let mut value = minimal();
    value["body"] = json!([{ "type": "heading", "level": 1, "text": "H" }, { "type": "heading", "level": 9, "text": "H" }]);
    let (article, _) = read(&value).unwrap();
    assert!(matches!(article.body[0], Block::Heading { level: 2, .. }));
    assert!(matches!(article.body[1], Block::Heading { level: 4, .. }));
}

#[test]
fn unknown_fields_are_ignored_and_unknown_blocks_skipped() {
    let mut value = minimal();
    value["format"] = json!(2);
    value["reading_time"] = json!(4);
    value["body"] = json!([
        { "type": "video", "src": "v.mp4" },
        { "type": "paragraph", "text": "kept", "style": "drop-cap" }
    ]);
    let (article, warnings) = read(&value).unwrap();
    assert_eq!(article.body.len(), 1);
    assert!(warnings.iter().any(|w| w.starts_with("body[0]")), "{warnings:?}");
}

#[test]
fn a_missing_required_field_is_named() {
    for field in ["title", "slug", "published", "body", "format"] {
        let mut value = minimal();
        value.as_object_mut().unwrap().remove(field);
        assert_eq!(read(&value).unwrap_err(), FormatError::Missing { field: field.into() });
    }
}

#[test]
fn a_missing_field_inside_a_block_is_named_with_its_path() {
    let mut value = minimal();
    value["body"] = json!([{ "type": "paragraph", "text": "ok" }, { "type": "figure", "alt": "no src" }]);
    assert_eq!(read(&value).unwrap_err().field(), Some("body[1].src"));
}

#[test]
fn a_mistyped_field_is_named() {
    let mut value = minimal();
    value["title"] = json!(42);
    let error = read(&value).unwrap_err();
    assert_eq!(error.field(), Some("title"));
    assert!(error.to_string().contains("expected text, found a number"), "{error}");

    let mut value = minimal();
    value["body"][0]["text"] = json!(["not", "a", "string"]);
    assert_eq!(read(&value).unwrap_err().field(), Some("body[0].text"));
}

#[test]
fn a_bad_date_is_named() {
    let mut value = minimal();
    value["published"] = json!("26 August 2020");
    let error = read(&value).unwrap_err();
    assert_eq!(error.field(), Some("published"));
    assert!(error.to_string().contains("RFC 3339"), "{error}");
}

#[test]
fn empty_title_and_bad_slug_are_refused() {
    let mut value = minimal();
    value["title"] = json!("  ");
    assert_eq!(read(&value).unwrap_err().field(), Some("title"));
    let mut value = minimal();
    value["slug"] = json!("../../etc/passwd");
    assert_eq!(read(&value).unwrap_err().field(), Some("slug"));
}

#[test]
fn invalid_json_is_a_syntax_error() {
    for text in ["", "{", "{\"title\": }", "[1,2", "null garbage"] {
        assert!(matches!(Article::from_json(text), Err(FormatError::Syntax { .. }) | Err(FormatError::Invalid { .. })), "{text:?}");
    }
    assert!(matches!(Article::from_json("{"), Err(FormatError::Syntax { .. })));
}

#[test]
fn a_json_value_of_the_wrong_shape_is_explained() {
    for text in ["[]", "null", "42", "\"article\""] {
        let error = Article::from_json(text).unwrap_err();
        assert!(matches!(error, FormatError::Invalid { .. }), "{text}: {error:?}");
    }
}

#[test]
fn images_with_refused_urls_are_left_out_with_a_warning() {
    let mut value = minimal();
    value["body"] = json!([
        { "type": "figure", "src": "javascript:alert(1)", "alt": "x" },
        { "type": "figure", "src": "ok.webp", "alt": "ok",
          "srcset": [{ "src": "data:image/svg+xml,<svg onload=alert(1)>", "width": 10 }, { "src": "ok-2.webp", "width": 20 }] }
    ]);
    value["gallery"] = json!([{ "src": "vbscript:x", "alt": "y" }, { "src": "https://cdn.example/g.webp", "alt": "g" }]);
    value["lead_image"] = json!({ "src": "data:text/html,hi", "alt": "lead" });
    let (article, warnings) = read(&value).unwrap();
    assert_eq!(article.body.len(), 1);
    let Block::Figure(figure) = &article.body[0] else { panic!() };
    assert_eq!(figure.srcset.len(), 1);
    assert_eq!(article.gallery.len(), 1);
    assert_eq!(article.lead_image, None);
    for field in ["body[0].src", "body[1].srcset[0]", "gallery[0].src", "lead_image.src"] {
        assert!(warnings.iter().any(|w| w.starts_with(field)), "no warning for {field}: {warnings:?}");
    }
}

#[test]
fn images_without_alt_or_size_still_read() {
    let mut value = minimal();
    value["gallery"] = json!([{ "src": "a.webp" }, { "src": "b.webp", "alt": " ", "width": 0, "height": 10 }]);
    let (article, warnings) = read(&value).unwrap();
    assert_eq!(article.gallery[0].alt, None);
    assert_eq!(article.gallery[1].alt, None);
    assert_eq!(article.gallery[1].aspect_ratio(), None);
    assert_eq!(warnings.iter().filter(|w| w.contains(".alt")).count(), 2);
}

#[test]
fn author_links_pass_the_allow_list() {
    let mut value = minimal();
    value["authors"] = json!([{ "name": "A", "url": "javascript:alert(1)" }, { "name": "B", "url": "https://b.example" }]);
    let (article, _) = read(&value).unwrap();
    assert_eq!(article.authors[0].url, None);
    assert_eq!(article.authors[1].url, SafeUrl::parse("https://b.example"));
}

#[test]
fn images_come_in_reading_order() {
    let mut value = minimal();
    value["body"] = json!([
        { "type": "figure", "src": "1.webp", "alt": "1" },
        { "type": "paragraph", "text": "p" },
        { "type": "figure", "src": "2.webp", "alt": "2" }
    ]);
    value["gallery"] = json!([{ "src": "3.webp", "alt": "3" }]);
    let (article, _) = read(&value).unwrap();
    let alts: Vec<_> = article.images().map(|image| image.alt.clone().unwrap()).collect();
    assert_eq!(alts, ["1", "2", "3"]);
}

#[test]
fn the_index_picks_the_featured_entry_else_the_newest() {
    let index = ArticleIndex::from_json(
        r#"{"articles":[
            {"slug":"old","title":"Old","published":"2019-01-01T00:00:00Z"},
            {"slug":"new","title":"New","published":"2021-01-01T00:00:00Z"},
            {"slug":"pick","title":"Pick","published":"2020-01-01T00:00:00Z","featured":true}]}"#,
    )
    .unwrap();
    assert_eq!(index.featured().unwrap().slug, "pick");
    let unfeatured = ArticleIndex { language: None, articles: index.articles.iter().filter(|e| !e.featured).cloned().collect() };
    assert_eq!(unfeatured.featured().unwrap().slug, "new");
    assert_eq!(ArticleIndex { language: None, articles: vec![] }.featured(), None);
}

#[test]
fn the_index_refuses_unsafe_slugs() {
    let error = ArticleIndex::from_json(
        r#"{"articles":[{"slug":"../x","title":"X","published":"2019-01-01T00:00:00Z"}]}"#,
    )
    .unwrap_err();
    assert_eq!(error.field(), Some("articles[0].slug"));
}

#[test]
fn translations_keep_good_entries_and_leave_out_bad_ones_with_a_warning() {
    let mut value = minimal();
    value["language"] = json!("en");
    value["translations"] = json!([
        { "language": "zh-Hans", "slug": "a-zh", "title": "标题" },
        { "language": "ru", "slug": "../etc/passwd" },
        { "language": "<script>", "slug": "a-x" },
        { "language": "ru", "slug": value["slug"] },
        { "language": "zh-Hans", "slug": "a-zh-2" },
        { "slug": "no-language" },
        "not an object",
        { "language": "ru", "slug": "a-ru", "future_field": true }
    ]);
    let (article, warnings) = read(&value).unwrap();
    let kept: Vec<_> = article.translations.iter().map(|t| (t.language.as_str(), t.slug.as_str())).collect();
    assert_eq!(kept, [("zh-Hans", "a-zh"), ("ru", "a-ru")]);
    assert_eq!(warnings.len(), 6, "{warnings:?}");
    for (warning, i) in warnings.iter().zip([1, 2, 3, 4, 5, 6]) {
        assert!(warning.starts_with(&format!("translations[{i}]: ")) && warning.ends_with("left out"), "{warning}");
    }
    // Something else than a list is a mistyped field, named as any other.
    let mut odd = minimal();
    odd["translations"] = json!("nica-agreement-zh");
    assert!(read(&odd).unwrap_err().to_string().contains("`translations`"));
}

/// Every payload of the shared XSS corpus, in every text field, reads as text: nothing turns into
/// markup, and no link target that survives is outside the allow-list.
#[test]
fn hostile_payloads_stay_text() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/xss-vectors.json");
    let Ok(text) = std::fs::read_to_string(corpus) else {
        panic!("{corpus} is missing: the shared corpus sits beside the repository");
    };
    let vectors: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert!(vectors.len() >= 200);
    for vector in vectors {
        let payload = vector["payload"].as_str().unwrap();
        let mut value = minimal();
        value["title"] = json!(format!("T {payload}"));
        value["label"] = json!(payload);
        value["summary"] = json!(payload);
        value["authors"] = json!([{ "name": payload, "url": payload }]);
        value["translations"] = json!([{ "language": payload, "slug": payload, "title": payload }, { "language": "ru", "slug": "t-ru", "title": payload }]);
        value["body"] = json!([
            { "type": "paragraph", "text": payload },
            { "type": "heading", "text": payload },
            { "type": "quote", "text": payload, "cite": payload },
            { "type": "list", "items": [payload] },
            { "type": "figure", "src": payload, "alt": payload, "caption": payload, "credit": payload },
            { "type": "paragraph", "text": format!("[link]({payload})") }
        ]);
        let (article, _) = read(&value).unwrap_or_else(|e| panic!("{payload}: {e}"));
        for block in &article.body {
            if let Block::Paragraph(text) = block {
                assert_links_are_safe(&text.0, payload);
            }
        }
        for image in article.images() {
            assert!(SafeUrl::parse(image.src.as_str()).is_some());
        }
    }
}

fn assert_links_are_safe(nodes: &[Inline], payload: &str) {
    for node in nodes {
        match node {
            Inline::Link { href, children, .. } => {
                if let Some(href) = href {
                    let lower = href.as_str().to_ascii_lowercase();
                    assert!(!lower.starts_with("javascript:") && !lower.starts_with("data:"), "{payload}");
                }
                assert_links_are_safe(children, payload);
            }
            Inline::Emphasis(children) | Inline::Strong(children) | Inline::Strikethrough(children) => {
                assert_links_are_safe(children, payload)
            }
            _ => {}
        }
    }
}

#[test]
fn relative_urls_resolve_against_the_article_file() {
    let mut value = minimal();
    value["authors"] = json!([{ "name": "A", "url": "../people/a" }]);
    value["body"] = json!([
        { "type": "paragraph", "text": "[next](other.json) [here](#part) [away](https://x.example/)" },
        { "type": "figure", "src": "../images/a.webp", "alt": "a", "caption": "[src](../sources)",
          "srcset": [{ "src": "../images/a-2.webp", "width": 2 }] }
    ]);
    value["gallery"] = json!([{ "src": "/abs/g.webp", "alt": "g" }]);
    let (mut article, _) = read(&value).unwrap();
    let base = "https://cdn.example.org/site/articles/";
    // A stand-in for the browser's URL parser, enough for these references.
    let resolve = |relative: &str| -> Option<String> {
        Some(match relative {
            r if r.starts_with("../") => format!("https://cdn.example.org/site/{}", &r[3..]),
            r if r.starts_with('/') => format!("https://cdn.example.org{r}"),
            r => format!("{base}{r}"),
        })
    };
    article.resolve_urls(&resolve);
    assert_eq!(article.authors[0].url.as_ref().unwrap().as_str(), "https://cdn.example.org/site/people/a");
    let Block::Paragraph(text) = &article.body[0] else { panic!() };
    let hrefs: Vec<_> = text.0.iter().filter_map(|n| match n { Inline::Link { href, .. } => href.clone(), _ => None }).collect();
    assert_eq!(hrefs[0].as_str(), "https://cdn.example.org/site/articles/other.json");
    assert_eq!(hrefs[1].as_str(), "#part", "fragments stay on the page");
    assert_eq!(hrefs[2].as_str(), "https://x.example/");
    let Block::Figure(figure) = &article.body[1] else { panic!() };
    assert_eq!(figure.src.as_str(), "https://cdn.example.org/site/images/a.webp");
    assert_eq!(figure.srcset[0].src.as_str(), "https://cdn.example.org/site/images/a-2.webp");
    assert_eq!(article.gallery[0].src.as_str(), "https://cdn.example.org/abs/g.webp");

    // A resolver that produces a refused URL leaves the reference alone.
    let mut again = read(&value).unwrap().0;
    again.resolve_urls(&|_| Some("javascript:alert(1)".into()));
    let Block::Figure(figure) = &again.body[1] else { panic!() };
    assert_eq!(figure.src.as_str(), "../images/a.webp");
}

/// What the native tools write is what readers read: an article serialized is the same article.
#[test]
fn an_article_written_out_reads_back_the_same() {
    let mut value = minimal();
    value["label"] = json!("Featured post");
    value["summary"] = json!("A summary.");
    value["updated"] = json!("2020-08-27T09:00:00Z");
    value["authors"] = json!([{ "name": "A", "url": "https://a.example/" }, { "name": "B" }]);
    value["tags"] = json!(["x", "y"]);
    value["lead_image"] = json!({ "src": "../images/a.webp", "alt": "A", "width": 960, "height": 640 });
    value["body"] = json!([
        { "type": "paragraph", "text": "A *b* **c** `d` ~~e~~ [f](https://f.example/ \"F\") 2 * 3 snake_case R&D &amp;" },
        { "type": "heading", "level": 3, "text": "# H" },
        { "type": "figure", "src": "../images/a-960.webp", "alt": "A [b]", "caption": "*C* [l](../x)", "credit": "Photo: X",
          "width": 960, "height": 640, "srcset": [{ "src": "../images/a-480.webp", "width": 480 }], "sizes": "100vw" },
        { "type": "quote", "text": "Q", "cite": "Someone" },
        { "type": "quote", "text": "Q without cite" },
        { "type": "list", "ordered": true, "items": ["one", "1. two"] },
        { "type": "code", "language": "sh", "text": "echo '*'\n  indented\n" },
        { "type": "code", "text": "no language" }
    ]);
    value["gallery"] = json!([{ "src": "../images/g.webp", "alt": "G", "caption": "G *c*", "credit": "X" }, { "src": "h.webp" }]);
    let (article, _) = read(&value).unwrap();
    let written = serde_json::to_value(&article).unwrap();
    let (again, warnings) = Article::from_json(&written.to_string()).unwrap();
    assert_eq!(again, article);
    assert_eq!(warnings.len(), 1, "only the gallery picture without alt: {warnings:?}");
    // Absent optional fields stay absent (the schema refuses null), rich text is a Markdown string.
    assert_eq!(written["body"][0]["type"], "paragraph");
    assert!(written["body"][0]["text"].is_string());
    assert_eq!(written["body"][4].get("cite"), None);
    assert_eq!(written["body"][7].get("language"), None);
    assert_eq!(written["authors"][1].get("url"), None);
    assert_eq!(written["gallery"][1], json!({ "src": "h.webp" }));
    assert_eq!(serde_json::to_value(read(&minimal()).unwrap().0).unwrap().get("gallery"), None);
}
