//! JSON Feed import with real feeds (see tests/fixtures/README.md), the site's own feed, the
//! hostile corpus in every field, and bad input.

mod common;

use broadsheet::model::Block;
use broadsheet_cli::import::jsonfeed;
use common::{articles, assert_renders_safely, fixture, import_into, listing, Site};

#[test]
fn json_feed_1_0_with_html_content() {
    let site = Site::new();
    let (written, _) = import_into(&site, jsonfeed::import, &fixture("jsonfeed/jsonfeed_spec_1.json"), false).unwrap();
    assert_eq!(written.len(), 1);
    let imported = &written[0].imported;
    assert_eq!(imported.source, "jsonfeed:https://jsonfeed.org/feed.json#https://jsonfeed.org/2017/05/17/announcing_json_feed");
    let all = articles(&site);
    let article = &all["announcing-json-feed"].article;
    assert!(imported.notes.iter().any(|n| n.contains("announcing_json_feed")), "the slug from the URL, made valid: {:?}", imported.notes);
    assert_eq!(article.title, "Announcing JSON Feed");
    assert_eq!(article.published.as_rfc3339(), "2017-05-17T08:02:12-07:00");
    assert_eq!(article.authors[0].name, "Brent Simmons and Manton Reece", "the feed's author");
    assert_eq!(article.body.len(), 3, "two paragraphs, and the feed's own \"...\" after them");
    let Block::Paragraph(second) = &article.body[1] else { panic!() };
    assert!(second.to_markdown().contains("[RSS](http://cyber.harvard.edu/rss/rss.html)"));
}

#[test]
fn json_feed_1_0_link_blog() {
    let site = Site::new();
    let (written, _) = import_into(&site, jsonfeed::import, &fixture("jsonfeed/jsonfeed_example_1.json"), false).unwrap();
    assert!(written.len() >= 2);
    let all = articles(&site);
    let bezos = &all["bezos-iphone-x"].article;
    assert_eq!(bezos.title, "How Jeff Bezos’s iPhone X Was Hacked");
    assert_eq!(bezos.authors[0].name, "John Gruber");
    let Some(Block::Paragraph(last)) = bezos.body.last() else { panic!() };
    assert_eq!(last.plain_text(), "https://www.nytimes.com/2020/01/22/technology/jeff-bezos-hack-iphone.html", "external_url as a link");
}

#[test]
fn json_feed_1_1_with_authors_language_text_content_and_rfc_2822_dates() {
    let site = Site::new();
    let file = fixture("jsonfeed/jsonfeed_elastic_1.1.json");
    // Its last item has neither content nor date: the import stops, naming it, and says how to go on.
    let error = import_into(&site, jsonfeed::import, &file, false).unwrap_err().to_string();
    assert!(error.contains("item \"https://example.com\": has neither content_html nor content_text") && error.contains("--skip-broken"), "{error}");
    assert!(common::listing(&site.content()).iter().all(|f| f == "images"));
    let batch = jsonfeed::import(&file, &common::site_config()).unwrap().accept(true).unwrap();
    assert!(batch.skipped.iter().any(|s| s.contains("https://example.com")), "{:?}", batch.skipped);
    let options = broadsheet_cli::import::write::WriteOptions { content: &site.content(), download: false, input: &file };
    let written = broadsheet_cli::import::write::write_all(batch, &options).unwrap();
    assert_eq!(written.len(), 2);
    let imported = &written[0].imported;
    let article = &imported.article;
    assert_eq!(article.language, "en-US");
    assert_eq!(article.published.as_rfc3339(), "2019-05-31T12:17:58-07:00");
    assert!(imported.notes.iter().any(|n| n.contains("RFC 2822")));
    assert!(article.authors.iter().any(|a| a.name == "Chris Churilo"), "the item's authors: {:?}", article.authors);
    assert!(matches!(&article.body[0], Block::Paragraph(p) if p.plain_text().starts_with("This blog post has been updated")));
    articles(&site);
}

/// The feed a Broadsheet site publishes imports back into the same articles.
#[test]
fn the_sites_own_feed_imports_back() {
    let demo = common::Site::new();
    let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let loaded = broadsheet_cli::content::load(&content, &common::site_config()).unwrap();
    let originals: Vec<_> = loaded.articles.iter().map(|a| a.article.clone()).collect();
    let site = broadsheet::publish::Site { base_url: "https://example.org/news/".into(), name: "News".into(), language: "en".into() };
    let feed = broadsheet::publish::json_feed(&site, &originals);
    let file = demo.dir.path().join("feed.json");
    std::fs::write(&file, feed.to_string()).unwrap();
    let (written, _) = import_into(&demo, jsonfeed::import, &file, false).unwrap();
    assert_eq!(written.len(), originals.len());
    let all = articles(&demo);
    for original in &originals {
        let back = &all[&original.slug].article;
        assert_eq!((&back.title, &back.published, &back.language, &back.tags), (&original.title, &original.published, &original.language, &original.tags));
        assert_eq!(back.authors.iter().map(|a| &a.name).collect::<Vec<_>>(), original.authors.iter().map(|a| &a.name).collect::<Vec<_>>());
    }
}

#[test]
fn bad_feeds_name_what_is_wrong_and_write_nothing() {
    let site = Site::new();
    let before = listing(&site.content());
    let file = site.dir.path().join("feed.json");
    let cases = [
        ("{", "is not valid JSON"),
        (r#"{"version":"https://jsonfeed.org/version/2","items":[]}"#, "version"),
        (r#"{"items":[]}"#, "`version`"),
        (r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","content_text":"a","date_published":"2020-01-01T00:00:00Z"},{"id":"2","content_text":"b"}]}"#, "item \"2\": has no date_published"),
        (r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","content_text":"a"},{"id":"2","content_text":"b"}]}"#, "and 1 more posts cannot be read"),
        (r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"3","content_text":"c","date_published":"last week"}]}"#, "\"last week\" is not a date"),
        (r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"","content_text":"c","date_published":"2020-01-01T00:00:00Z"}]}"#, "has no id"),
        (r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"content_text":"c","date_published":"2020-01-01T00:00:00Z"}]}"#, "no url to know it by"),
        (r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"4","date_published":"2020-01-01T00:00:00Z"}]}"#, "neither content_html nor content_text"),
    ];
    for (text, expected) in cases {
        std::fs::write(&file, text).unwrap();
        let message = import_into(&site, jsonfeed::import, &file, false).unwrap_err().to_string();
        assert!(message.contains("feed.json") && message.contains(expected), "{text}: {message}");
    }
    assert_eq!(listing(&site.content()), before);
}

#[test]
fn the_hostile_corpus_in_every_field() {
    let corpus = common::corpus();
    let site = Site::new();
    let items: Vec<serde_json::Value> = corpus
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut item = serde_json::json!({
                "id": format!("{i}{p}"), "url": p, "external_url": p, "title": p, "summary": p, "image": p, "banner_image": p,
                "date_published": "2020-01-01T00:00:00Z", "date_modified": p, "tags": [p, p], "language": if i % 2 == 0 { p.as_str() } else { "en" },
                "authors": [{ "name": p, "url": p }],
            });
            // Half the items carry HTML, half plain text, so both paths see the corpus.
            if i % 2 == 0 {
                item["content_html"] = serde_json::json!(format!("<p>{p}</p><figure><img src=\"{p}\" alt=\"{p}\"><figcaption>{p}</figcaption></figure>{p}"));
            } else {
                item["content_text"] = serde_json::json!(format!("{p}\n\n{p}"));
            }
            item
        })
        .collect();
    let feed = serde_json::json!({ "version": "https://jsonfeed.org/version/1.1", "title": "Hostile", "home_page_url": "https://example.org/", "items": items });
    let file = site.dir.path().join("hostile.json");
    std::fs::write(&file, feed.to_string()).unwrap();
    let outcome = import_into(&site, jsonfeed::import, &file, false);
    // A hostile language tag is refused by check, naming the field; everything else imports.
    let (written, _) = match outcome {
        Ok(done) => done,
        Err(error) => panic!("{error}"),
    };
    assert_eq!(written.len(), corpus.len());
    let loaded = broadsheet_cli::content::load(&site.content(), &common::site_config()).unwrap();
    for problem in loaded.problems.iter().filter(|p| p.is_error()) {
        assert_eq!(problem.field.as_deref(), Some("language"), "{problem}");
    }
    for article in &loaded.articles {
        assert_renders_safely(&article.article);
    }
    assert!(loaded.articles.len() >= corpus.len() / 2);
}
