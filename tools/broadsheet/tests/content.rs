//! Reading the content folder: front matter, every block of the body, figures, and the problems
//! `broadsheet check` reports, each with its file, line and field.

mod common;

use broadsheet::model::{Block, Inline, RichText};
use broadsheet_cli::content::{self, writer, Problem, Severity};
use common::{jpeg, site_config, Site};

fn load(site: &Site) -> content::Content {
    content::load(&site.content(), &site_config()).unwrap()
}

fn problems(site: &Site) -> Vec<String> {
    load(site).problems.iter().map(Problem::to_string).collect()
}

const MINIMAL: &str = "+++\ntitle = \"A title\"\npublished = 2020-08-26T18:00:00+03:00\n+++\n\nHello *world*.\n";

#[test]
fn reads_front_matter_and_every_block() {
    let site = Site::new();
    site.picture("a.jpg", &jpeg(40, 20));
    site.picture("g.jpg", &jpeg(20, 40));
    site.write(
        "a-post.md",
        r#"+++
title = "A post"
summary = "A summary."
label = "Research"
language = "ru"
published = 2020-08-26T18:00:00+03:00
updated = "2020-08-27T09:00:00Z"
authors = ["Mei Lin", { name = "Andrei", url = "https://example.org/a" }]
tags = ["one", "two"]
featured = true

[lead_image]
src = "images/a.jpg"
alt = "Lead"
caption = "Lead *caption*"
credit = "Photo: X"

[[gallery]]
src = "images/g.jpg"
alt = "Gallery picture"
caption = "In the gallery"

[extra]
anything = 1
+++

A paragraph with *emphasis*, **strong**, `code`, ~~gone~~ and [a link](https://example.org/).
A second line of the same paragraph.

## A heading

### A smaller one

![A red and blue picture](images/a.jpg "Photo: Jane Doe")
The *caption*, on the line after the picture.

> Quoted words,
> on two lines.
>
> — Someone famous

- one
- two

1. first
2. second

```rust
fn main() {
    println!("*not emphasis*");
}
```

<!-- a note for other authors -->
"#,
    );
    let loaded = load(&site);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let source = &loaded.articles[0];
    let a = &source.article;
    assert_eq!(a.slug, "a-post");
    assert_eq!((a.title.as_str(), a.summary.as_deref(), a.label.as_deref(), a.language.as_str()), ("A post", Some("A summary."), Some("Research"), "ru"));
    assert_eq!(a.published.as_rfc3339(), "2020-08-26T18:00:00+03:00");
    assert_eq!(a.updated.as_ref().unwrap().as_rfc3339(), "2020-08-27T09:00:00Z");
    assert_eq!(a.authors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["Mei Lin", "Andrei"]);
    assert_eq!(a.authors[1].url.as_ref().unwrap().as_str(), "https://example.org/a");
    assert_eq!(a.tags, ["one", "two"]);
    assert!(source.featured);
    let lead = a.lead_image.as_ref().unwrap();
    assert_eq!((lead.alt.as_deref(), lead.caption.plain_text().as_str(), lead.credit.as_deref()), (Some("Lead"), "Lead caption", Some("Photo: X")));
    assert_eq!(a.gallery.len(), 1);
    assert_eq!(source.pictures.len(), 3, "lead, figure and gallery pictures go to the pipeline");

    let kinds: Vec<&str> = a
        .body
        .iter()
        .map(|b| match b {
            Block::Paragraph(_) => "paragraph",
            Block::Heading { .. } => "heading",
            Block::Figure(_) => "figure",
            Block::Quote { .. } => "quote",
            Block::List { .. } => "list",
            Block::Code { .. } => "code",
        })
        .collect();
    assert_eq!(kinds, ["paragraph", "heading", "heading", "figure", "quote", "list", "list", "code"]);
    let Block::Paragraph(p) = &a.body[0] else { unreachable!() };
    assert!(p.0.contains(&Inline::Emphasis(vec![Inline::Text("emphasis".into())])));
    assert!(p.0.iter().any(|n| matches!(n, Inline::Link { href: Some(h), .. } if h.as_str() == "https://example.org/")));
    assert!(matches!(&a.body[2], Block::Heading { level: 3, .. }));
    let Block::Figure(figure) = &a.body[3] else { unreachable!() };
    assert_eq!(figure.alt.as_deref(), Some("A red and blue picture"));
    assert_eq!(figure.credit.as_deref(), Some("Photo: Jane Doe"));
    assert_eq!(figure.caption, RichText::parse("The *caption*, on the line after the picture."));
    let Block::Quote { text, cite } = &a.body[4] else { unreachable!() };
    assert_eq!(text.plain_text(), "Quoted words, on two lines.");
    assert_eq!(cite.as_deref(), Some("Someone famous"));
    assert!(matches!(&a.body[5], Block::List { ordered: false, items } if items.len() == 2));
    assert!(matches!(&a.body[6], Block::List { ordered: true, items } if items[1].plain_text() == "second"));
    let Block::Code { language, text } = &a.body[7] else { unreachable!() };
    assert_eq!((language.as_deref(), text.as_str()), (Some("rust"), "fn main() {\n    println!(\"*not emphasis*\");\n}"));
}

#[test]
fn a_minimal_article_takes_the_sites_language_and_its_file_name() {
    let site = Site::new();
    site.write("my-first-post.md", MINIMAL);
    let loaded = load(&site);
    let a = &loaded.articles[0].article;
    assert_eq!((a.slug.as_str(), a.language.as_str()), ("my-first-post", "en"));
    assert!(loaded.problems.is_empty());
}

#[test]
fn a_day_alone_is_noon_utc() {
    let site = Site::new();
    site.write("a.md", "+++\ntitle = \"A\"\npublished = 2020-08-26\n+++\n");
    assert_eq!(load(&site).articles[0].article.published.as_rfc3339(), "2020-08-26T12:00:00Z");
}

#[test]
fn every_problem_is_named_with_file_line_and_field() {
    let site = Site::new();
    site.write("bad-date.md", "+++\ntitle = \"A\"\n\npublished = \"26 August 2020\"\n+++\n");
    site.write("no-zone.md", "+++\ntitle = \"A\"\npublished = 2020-08-26T18:00:00\n+++\n");
    site.write("missing-picture.md", "+++\ntitle = \"A\"\npublished = 2020-08-26\n\n[lead_image]\nsrc = \"images/nope.jpg\"\nalt = \"x\"\n+++\n\nText.\n\n![alt](images/also-missing.png)\n");
    site.write("escape.md", "+++\ntitle = \"A\"\npublished = 2020-08-26\n+++\n\n![alt](../../etc/passwd)\n");
    site.write("no-alt.md", "+++\ntitle = \"A\"\npublished = 2020-08-26\n+++\n\nText.\n\n![](https://example.org/a.jpg)\n");
    site.write("broken-toml.md", "+++\ntitle = \"A\npublished = 2020-08-26\n+++\n");
    site.write("typo.md", "+++\ntitle = \"A\"\npubished = 2020-08-26\n+++\n");
    site.write("yaml.md", "---\ntitle: A\n---\n");
    site.write("Bad Name.md", MINIMAL);
    site.write("one.md", "+++\ntitle = \"One\"\nslug = \"same\"\npublished = 2020-08-26\n+++\n");
    site.write("two.md", "+++\ntitle = \"Two\"\nslug = \"same\"\npublished = 2020-08-26\n+++\n");
    site.write("html.md", "+++\ntitle = \"A\"\npublished = 2020-08-26\nlanguage = \"not a tag!\"\n+++\n\n# Level one\n\n<div onclick=\"x\">hi</div>\n");
    site.write("not-a-picture.md", "+++\ntitle = \"A\"\npublished = 2020-08-26\n+++\n\n![A text file](images/notes.jpg)\n");
    site.picture("notes.jpg", b"this is not a JPEG");
    let found = problems(&site);
    let expect = [
        "bad-date.md:4: error: published: \"26 August 2020\" is not a date",
        "no-zone.md:3: error: published: \"2020-08-26T18:00:00\" has no time zone",
        "missing-picture.md:6: error: lead_image.src: the picture",
        "missing-picture.md:12: error: body figure.src: the picture",
        "escape.md:6: error: body figure.src: \"../../etc/passwd\" is outside the content folder",
        "no-alt.md:8: warning: body figure.alt: no alt text",
        "broken-toml.md:2: error:",
        "typo.md:3: error: pubished: unknown field `pubished`",
        "yaml.md:1: error: the front matter is YAML",
        "Bad Name.md:1: error: slug: the file name \"Bad Name\" is the article's slug",
        "two.md: error: slug: \"same\" is also the slug of",
        "html.md:4: error: language: not a language tag",
        "html.md:7: warning: body: a level-1 heading",
        "html.md:9: warning: body: HTML is not read",
        "not-a-picture.md:6: error: body figure.src:",
    ];
    for expected in expect {
        assert!(found.iter().any(|p| p.contains(expected)), "no problem like {expected:?} in\n{}", found.join("\n"));
    }
    assert!(found.iter().any(|p| p.contains("notes.jpg") && p.contains("not a readable picture")), "{found:?}");
    let loaded = load(&site);
    assert!(loaded.has_errors());
    assert!(loaded.problems.iter().any(|p| p.severity == Severity::Warning));
}

#[test]
fn comment_threads_are_checked_and_matched_to_articles() {
    let site = Site::new();
    site.write("a.md", MINIMAL);
    site.write("comments/a.json", r#"{"format":1,"comments":[{"id":"1","text":"Hi","created":"2020-08-26T18:00:00Z"}]}"#);
    site.write("comments/nobody.json", r#"{"format":1,"comments":[]}"#);
    site.write("comments/broken.json", r#"{"format":1,"comments":[{"id":"x","text":"hi","created":"yesterday"}]}"#);
    let loaded = load(&site);
    assert_eq!(loaded.threads.iter().map(|(slug, _)| slug.as_str()).collect::<Vec<_>>(), ["a"]);
    let found: Vec<String> = loaded.problems.iter().map(Problem::to_string).collect();
    assert!(found.iter().any(|p| p.contains("broken.json") && p.contains("error") && p.contains("comments[0].created")), "{found:?}");
    assert!(found.iter().any(|p| p.contains("nobody.json") && p.contains("warning")), "{found:?}");
}

/// The importers write what the reader reads back, block for block.
#[test]
fn written_markdown_reads_back_as_the_same_blocks() {
    let site = Site::new();
    let mut body = content::body::read(
        "Para with *em* and `code` and [link](https://e.example/ \"T\"), 2 * 3, snake_case.\\\nSecond line.\n\n## Heading #\n\n> Quote *it*\n>\n> — Cite\n\n- a\n- b\\\n  c\n\n3. one\n4. two\n\n````\n```\nfences\n```\n````\n",
    )
    .blocks;
    body.push(Block::Figure(broadsheet::model::Image {
        src: broadsheet::model::SafeUrl::parse("https://e.example/a b.jpg").unwrap(),
        alt: Some("An [odd] \"alt\"".into()),
        caption: RichText::parse("A *caption*\\\nover two lines"),
        credit: Some("Photo: \"Jane\" & co".into()),
        width: None,
        height: None,
        srcset: Vec::new(),
        sizes: None,
    }));
    body.push(Block::Quote { text: RichText(vec![Inline::Text("— not a cite, the only paragraph".into())]), cite: None });
    let front = writer::NewFrontMatter { title: "T \"quoted\"".into(), published: "2020-08-26T18:00:00+03:00".into(), ..Default::default() };
    let text = writer::document(&front, &body);
    site.write("round-trip.md", &text);
    let loaded = load(&site);
    assert!(loaded.problems.iter().all(|p| !p.is_error()), "{:?}\n{text}", loaded.problems);
    let mut expected = body.clone();
    // Numbered lists start at 1 on the page anyway.
    assert_eq!(loaded.articles[0].article.body, std::mem::take(&mut expected), "{text}");
}

#[test]
fn the_hostile_corpus_survives_the_markdown_round_trip_as_text() {
    let site = Site::new();
    let corpus = common::corpus();
    let mut body = Vec::new();
    for payload in &corpus {
        let words = payload.split_whitespace().collect::<Vec<_>>().join(" ");
        if words.is_empty() {
            continue;
        }
        let text = RichText(vec![Inline::Text(words.clone())]);
        body.push(Block::Paragraph(text.clone()));
        body.push(Block::Heading { level: 2, text: text.clone() });
        body.push(Block::Quote { text: text.clone(), cite: Some(words.clone()) });
        body.push(Block::List { ordered: false, items: vec![text.clone()] });
        body.push(Block::Code { language: None, text: payload.clone() });
    }
    let front = writer::NewFrontMatter { title: corpus[0].clone(), summary: Some(corpus[1].clone()), published: "2020-08-26T18:00:00Z".into(), ..Default::default() };
    site.write("hostile.md", &writer::document(&front, &body));
    let loaded = load(&site);
    let article = &loaded.articles[0].article;
    assert_eq!(article.title, corpus[0]);
    assert_eq!(article.body.len(), body.len());
    for (read, written) in article.body.iter().zip(&body) {
        match (read, written) {
            // Code keeps every character; text is as the page shows it (whitespace collapsed).
            (Block::Code { text: a, .. }, Block::Code { text: b, .. }) => assert_eq!(a.trim_end_matches('\n'), b.trim_end_matches('\n').replace("\r\n", "\n")),
            _ => assert_eq!(read, written),
        }
    }
}
