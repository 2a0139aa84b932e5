//! WordPress import with real samples (see tests/fixtures/README.md): WXR 1.1 and 1.2 exports,
//! REST API v2 responses with and without `_embed`, Gutenberg block markup, classic content; the
//! hostile corpus in every imported field; all-or-nothing writes; re-import updates.

mod common;

use std::path::Path;

use broadsheet::model::{Block, Inline};
use broadsheet_cli::import::write::Outcome;
use broadsheet_cli::import::wordpress;
use common::{articles, assert_renders_safely, fixture, import_into, listing, Site};

fn links(blocks: &[Block]) -> Vec<String> {
    fn walk(nodes: &[Inline], out: &mut Vec<String>) {
        for node in nodes {
            match node {
                Inline::Link { href: Some(href), children, .. } => {
                    out.push(href.to_string());
                    walk(children, out);
                }
                Inline::Link { children, .. } | Inline::Emphasis(children) | Inline::Strong(children) | Inline::Strikethrough(children) => walk(children, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(text) | Block::Heading { text, .. } | Block::Quote { text, .. } => walk(&text.0, &mut out),
            Block::List { items, .. } => items.iter().for_each(|i| walk(&i.0, &mut out)),
            Block::Figure(image) => walk(&image.caption.0, &mut out),
            Block::Code { .. } => {}
        }
    }
    out
}

#[test]
fn a_wxr_1_2_export_with_classic_and_block_content() {
    let site = Site::new();
    let (written, skipped) = import_into(&site, wordpress::import, &fixture("wordpress/theme-unit-test-data.xml"), false).unwrap();
    assert_eq!(written.len(), 17, "the published posts");
    for expected in ["1 draft posts", "1 future posts", "1 password-protected posts", "2 pages", "37 attachments (media)", "1 menu items"] {
        assert!(skipped.iter().any(|s| s == expected), "{expected:?} not in {skipped:?}");
    }
    let all = articles(&site);

    // [caption] → a figure with its caption and alt text; _thumbnail_id → the lead image.
    let caption = &all["post-format-image-caption"].article;
    let Block::Figure(figure) = &caption.body[0] else { panic!("{:?}", caption.body) };
    assert_eq!(figure.alt.as_deref(), Some("Bell on Wharf"));
    assert_eq!(figure.caption.plain_text(), "Bell on wharf in San Francisco");
    assert!(figure.src.as_str().starts_with("https://wpthemetestdata.files.wordpress.com/2008/06/100_5478.jpg"));
    let horizontal = &all["template-featured-image-horizontal"].article;
    assert_eq!(horizontal.lead_image.as_ref().unwrap().alt.as_deref(), Some("Horizontal Featured Image"));

    // [gallery] (by the pictures uploaded to the post) → the article's gallery, each picture once.
    let gallery = &all["post-format-gallery"].article.gallery;
    assert!(gallery.len() >= 10, "{}", gallery.len());
    let mut sources: Vec<_> = gallery.iter().map(|g| g.src.to_string()).collect();
    sources.sort();
    sources.dedup();
    assert_eq!(sources.len(), gallery.len());
    assert!(gallery.iter().any(|g| g.alt.as_deref() == Some("Bell on Wharf") && g.caption.plain_text() == "Bell on wharf in San Francisco"));

    // Gutenberg: image blocks with captions (a link inside one), quote blocks with their cite,
    // embeds as links to their source.
    let block_image = &all["block-image"].article;
    let figures: Vec<_> = block_image.body.iter().filter_map(|b| if let Block::Figure(f) = b { Some(f) } else { None }).collect();
    assert!(figures.len() >= 6, "{}", figures.len());
    assert!(figures.iter().any(|f| f.caption.plain_text() == "Look at 580x300 getting some caption love."));
    let quotes = &all["block-quotes"].article;
    assert!(quotes.body.iter().any(|b| matches!(b, Block::Quote { cite: Some(_), .. })), "{:?}", quotes.body);
    let embeds = &all["blocks-embeds"];
    let embedded = links(&embeds.article.body);
    assert!(embedded.iter().any(|l| l.contains("youtu.be")), "{embedded:?}");
    assert!(embedded.iter().any(|l| l.contains("twitter.com")), "{embedded:?}");
    let written_embeds = written.iter().find(|w| w.imported.article.slug == "blocks-embeds").unwrap();
    assert!(written_embeds.imported.left_out.entries().iter().any(|(what, _)| what.contains("youtube")));

    // Classic content: an address alone on its line (an auto-embed) becomes a link.
    let twitter = &all["media-twitter-embeds"].article;
    assert_eq!(links(&twitter.body[..1]), ["https://twitter.com/nacin/status/319508408669708289"]);

    // Titles are text (markup and entities resolved); a missing title is made from the words.
    assert_eq!(all["markup-title-with-markup"].article.title, "Markup: Title With Markup");
    let untitled = written.iter().find(|w| w.imported.article.slug == "edge-case-no-title").unwrap();
    assert!(untitled.imported.article.title.starts_with("This post has no title"));
    assert!(untitled.imported.notes.iter().any(|n| n.contains("no title")));

    // Dates are the GMT ones, as UTC; authors by display name; categories and tags as tags.
    let standard = &all["post-format-image-caption"].article;
    assert_eq!(standard.published.as_rfc3339(), "2010-08-07T13:00:19Z");
    assert_eq!(standard.authors[0].name, "Theme Buster");
    assert!(standard.tags.contains(&"Post Formats".to_string()) && standard.tags.contains(&"shortcode".to_string()));
    assert!(all.values().all(|a| a.imported_from.as_deref().is_some_and(|s| s.starts_with("wordpress:"))));

    // Nested lists are flattened, and the import says so.
    let lists = written.iter().find(|w| w.imported.article.slug == "edge-case-nested-and-mixed-lists").unwrap();
    assert!(lists.imported.left_out.entries().iter().any(|(what, _)| what.starts_with("nested list")));
    for article in all.values() {
        assert_renders_safely(&article.article);
    }
}

#[test]
fn a_wxr_1_1_export_and_classic_paragraphs() {
    let site = Site::new();
    let (written, _) = import_into(&site, wordpress::import, &fixture("wordpress/valid-wxr-1.1.xml"), false).unwrap();
    let all = articles(&site);
    assert_eq!(written.len(), all.len());
    let hello = &all["hello-world"].article;
    assert_eq!(hello.title, "Hello world!");
    assert_eq!(hello.authors[0].name, "John Doe");
    assert_eq!(hello.tags, ["alpha", "Clippable"], "categories and tags, not other taxonomies");
    assert_eq!(hello.published.as_rfc3339(), "2010-10-16T20:53:18Z");
    assert_eq!(hello.language, "en", "the export's language");
    assert!(matches!(&hello.body[0], Block::Paragraph(p) if p.plain_text().starts_with("Welcome to WordPress.")));
}

#[test]
fn utf8_titles_and_percent_encoded_slugs() {
    let site = Site::new();
    let (written, _) = import_into(&site, wordpress::import, &fixture("wordpress/wxr-utf-8-challenges.xml"), false).unwrap();
    assert_eq!(written.len(), 1);
    let article = &written[0].imported.article;
    assert!(broadsheet::model::is_valid_slug(&article.slug), "{}", article.slug);
    assert!(!article.title.is_ascii(), "the title keeps its characters: {}", article.title);
    articles(&site);
}

#[test]
fn classic_content_is_split_into_paragraphs_as_wordpress_does() {
    let site = Site::new();
    let wxr = wxr_with(&[("classic", "First line\nsecond line\n\nSecond paragraph with <strong>bold</strong>.\n\n<h2>A heading</h2>\n\n[caption id=\"attachment_1\" align=\"alignnone\" width=\"300\"]<img src=\"https://example.org/a.jpg\" alt=\"A\" /> The caption[/caption]\n\n<pre>code\n\n  kept</pre>\n\nhttps://www.youtube.com/watch?v=abc\n\n[contact-form-7 id=\"5\"]\n\n<script>alert(1)</script><iframe src=\"https://player.example/v\"></iframe>")]);
    let file = site.dir.path().join("classic.xml");
    std::fs::write(&file, wxr).unwrap();
    let (written, _) = import_into(&site, wordpress::import, &file, false).unwrap();
    let body = &articles(&site)["classic"].article.body;
    assert!(matches!(&body[0], Block::Paragraph(p) if p.0 == vec![Inline::Text("First line".into()), Inline::LineBreak, Inline::Text("second line".into())]), "{body:?}");
    assert!(matches!(&body[1], Block::Paragraph(p) if p.plain_text() == "Second paragraph with bold."));
    assert!(matches!(&body[2], Block::Heading { level: 2, .. }));
    assert!(matches!(&body[3], Block::Figure(f) if f.caption.plain_text() == "The caption" && f.alt.as_deref() == Some("A")));
    assert!(matches!(&body[4], Block::Code { text, .. } if text == "code\n\n  kept"));
    assert_eq!(links(&body[5..6]), ["https://www.youtube.com/watch?v=abc"]);
    assert_eq!(links(&body[6..]), ["https://player.example/v"], "the iframe as a link to its source: {body:?}");
    let left_out: Vec<_> = written[0].imported.left_out.entries().iter().map(|(w, _)| w.clone()).collect();
    for expected in ["shortcode [contact-form-7]", "<script>", "embed (<iframe> from player.example, kept as a link)"] {
        assert!(left_out.iter().any(|w| w == expected), "{expected:?} not in {left_out:?}");
    }
}

#[test]
fn rest_responses_without_embed() {
    let site = Site::new();
    let (written, _) = import_into(&site, wordpress::import, &fixture("wordpress/rest-posts-collection.json"), false).unwrap();
    assert_eq!(written.len(), 1);
    let imported = &written[0].imported;
    assert!(imported.notes.iter().any(|n| n.contains("by id only")), "{:?}", imported.notes);
    let article = &articles(&site)["restapi-client-fixture-post"].article;
    assert_eq!(article.title, "REST API Client Fixture: Post");
    assert_eq!(article.summary.as_deref(), Some("REST API Client Fixture: Post"));
    assert_eq!(article.published.as_rfc3339(), "2017-02-14T00:00:00Z");
    assert!(article.authors.is_empty(), "author 0 is nobody");
    assert!(matches!(&article.body[..], [Block::Paragraph(p)] if p.plain_text() == "Updated post content."));

    // One post, not an array: the same post.
    let one = Site::new();
    let (written, _) = import_into(&one, wordpress::import, &fixture("wordpress/rest-post-model.json"), false).unwrap();
    assert_eq!(written[0].imported.article.title, "REST API Client Fixture: Post");
}

#[test]
fn rest_responses_with_embed() {
    let site = Site::new();
    let (written, _) = import_into(&site, wordpress::import, &fixture("wordpress/rest-posts-embed.json"), false).unwrap();
    let all = articles(&site);
    let image = &all["block-image"].article;
    assert_eq!(image.authors[0].name, "REST API Client Fixture: User");
    assert_eq!(image.authors[0].url.as_ref().unwrap().as_str(), "http://example.org/?author=2");
    assert_eq!(image.tags, ["REST API Client Fixture: Tag"], "Uncategorized is not a tag worth keeping");
    let lead = image.lead_image.as_ref().unwrap();
    assert_eq!(lead.src.as_str(), "http://example.org/wp-content/uploads//tmp/canola.jpg");
    assert_eq!(lead.caption.plain_text(), "A sample caption");
    assert_eq!(image.updated.as_ref().unwrap().as_rfc3339(), "2017-02-15T09:30:00Z");
    assert_eq!(image.summary.as_deref(), Some("REST API Client Fixture: Post"), "without WordPress's […]");
    assert!(image.body.iter().filter(|b| matches!(b, Block::Figure(_))).count() >= 6);
    let quote = &all["block-quote"].article;
    assert_eq!(quote.title, "Block: Quote – with “entities”");
    assert_eq!(quote.authors[0].name, "Author 2", "an author WordPress would not embed is named by id");
    assert!(written[1].imported.notes.iter().any(|n| n.contains("author given by id only")));
}

#[test]
fn gutenberg_block_markup() {
    let site = Site::new();
    let posts: Vec<serde_json::Value> = ["core__gallery-with-caption.html", "core__embed.html", "core__image__center-caption.html"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let html = std::fs::read_to_string(fixture(&format!("gutenberg/{name}"))).unwrap();
            serde_json::json!({ "id": i + 1, "date_gmt": "2020-01-01T00:00:00", "slug": format!("block-{i}"), "status": "publish",
                "link": format!("https://example.org/?p={}", i + 1), "title": { "rendered": name }, "content": { "rendered": html } })
        })
        .collect();
    let file = site.dir.path().join("blocks.json");
    std::fs::write(&file, serde_json::to_string(&posts).unwrap()).unwrap();
    let (written, _) = import_into(&site, wordpress::import, &file, false).unwrap();
    let all = articles(&site);
    let gallery = &all["block-0"].article;
    assert_eq!(gallery.gallery.len(), 2);
    assert_eq!(gallery.gallery[0].alt.as_deref(), Some("title"));
    assert!(matches!(&gallery.body[..], [Block::Paragraph(p)] if p.plain_text() == "Gallery caption."));
    let embed = &all["block-1"].article;
    let Block::Paragraph(p) = &embed.body[0] else { panic!() };
    assert_eq!(p.plain_text(), "Embedded content from an example URL");
    assert_eq!(links(&embed.body), ["https://example.com/"]);
    // A picture whose address is a data: URL is refused; its caption's words stay.
    let data = &all["block-2"].article;
    assert!(matches!(&data.body[..], [Block::Paragraph(p)] if p.plain_text().starts_with("Give it a try.")));
    assert!(written[2].imported.left_out.entries().iter().any(|(w, _)| w.contains("refused")));
}

#[test]
fn bad_input_names_the_file_and_post_and_writes_nothing() {
    let site = Site::new();
    site.write("existing.md", "+++\ntitle = \"Mine\"\npublished = 2020-01-01\n+++\n");
    let before = listing(&site.content());
    let error = import_into(&site, wordpress::import, &fixture("wordpress/malformed.xml"), false).unwrap_err();
    assert!(error.to_string().contains("malformed.xml") && error.to_string().contains("not well-formed XML"), "{error}");

    let file = site.dir.path().join("posts.json");
    let posts = serde_json::json!([
        { "id": 1, "date_gmt": "2020-01-01T00:00:00", "slug": "fine", "title": { "rendered": "Fine" }, "content": { "rendered": "<p>ok</p>" } },
        { "id": 2, "slug": "no-date", "title": { "rendered": "No date" }, "content": { "rendered": "<p>x</p>" } }
    ]);
    std::fs::write(&file, posts.to_string()).unwrap();
    let error = import_into(&site, wordpress::import, &file, false).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("posts.json") && message.contains("post 2 (no-date)") && message.contains("publication date"), "{message}");
    std::fs::write(&file, r#"{"code":"rest_forbidden","message":"Sorry, you are not allowed to do that.","data":{"status":401}}"#).unwrap();
    assert!(import_into(&site, wordpress::import, &file, false).unwrap_err().to_string().contains("rest_forbidden"));
    std::fs::write(&file, "[{\"id\": \"seven\"}]").unwrap();
    assert!(import_into(&site, wordpress::import, &file, false).unwrap_err().to_string().contains("`id`"));
    assert_eq!(listing(&site.content()), before, "content/ is as it was");
}

#[test]
fn importing_again_updates_the_same_articles() {
    let site = Site::new();
    let source = fixture("wordpress/valid-wxr-1.1.xml");
    let (first, _) = import_into(&site, wordpress::import, &source, false).unwrap();
    assert!(first.iter().all(|w| w.outcome == Outcome::New));
    let files = listing(&site.content());
    let (second, _) = import_into(&site, wordpress::import, &source, false).unwrap();
    assert!(second.iter().all(|w| w.outcome == Outcome::Unchanged));
    assert_eq!(listing(&site.content()), files);

    // The publisher features the article by hand; the source changes its title.
    let hello = site.content().join("hello-world.md");
    let text = std::fs::read_to_string(&hello).unwrap().replacen("+++\n", "+++\nfeatured = true\nlabel = \"Pinned\"\n", 1);
    std::fs::write(&hello, text).unwrap();
    let changed = site.dir.path().join("changed.xml");
    std::fs::write(&changed, std::fs::read_to_string(&source).unwrap().replace("<title>Hello world!</title>", "<title>Hello again!</title>")).unwrap();
    let (third, _) = import_into(&site, wordpress::import, &changed, false).unwrap();
    assert!(third.iter().any(|w| w.outcome == Outcome::Updated && w.file == hello));
    assert_eq!(listing(&site.content()), files, "no duplicate");
    let all = articles(&site);
    assert_eq!(all["hello-world"].article.title, "Hello again!");
    assert!(all["hello-world"].featured);
    assert_eq!(all["hello-world"].article.label.as_deref(), Some("Pinned"));
}

#[test]
fn a_slug_taken_by_another_article_gets_a_suffix() {
    let site = Site::new();
    site.write("hello-world.md", "+++\ntitle = \"Mine\"\npublished = 2020-01-01\n+++\n");
    let (written, _) = import_into(&site, wordpress::import, &fixture("wordpress/valid-wxr-1.1.xml"), false).unwrap();
    let hello = written.iter().find(|w| w.imported.article.title == "Hello world!").unwrap();
    assert_eq!(hello.file, site.content().join("hello-world-2.md"));
    assert!(hello.imported.notes.iter().any(|n| n.contains("taken")));
    assert_eq!(articles(&site)["hello-world"].article.title, "Mine", "the publisher's own article is untouched");
}

/// A WXR file with one published post per `(slug, content)`.
fn wxr_with(posts: &[(&str, &str)]) -> String {
    let items: String = posts
        .iter()
        .enumerate()
        .map(|(i, (slug, content))| {
            format!(
                "<item><title>{slug}</title><link>https://example.org/{slug}/</link><guid>https://example.org/?p={id}</guid>\
                 <dc:creator>admin</dc:creator><content:encoded>{content}</content:encoded><excerpt:encoded></excerpt:encoded>\
                 <wp:post_id>{id}</wp:post_id><wp:post_date_gmt>2020-01-01 10:00:00</wp:post_date_gmt><wp:post_name>{slug}</wp:post_name>\
                 <wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>",
                id = i + 1,
                content = xml_escape(content),
                slug = xml_escape(slug),
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><title>T</title><link>https://example.org</link>\
         <language>en-GB</language><wp:wxr_version>1.2</wp:wxr_version>{items}</channel></rss>"
    )
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
        .chars()
        .filter(|c| !matches!(*c as u32, 0..=8 | 11 | 12 | 14..=31 | 0xFFFE | 0xFFFF))
        .collect()
}

/// Every payload of the shared corpus in every field an import reads: title, excerpt, content
/// (as HTML), slug, author, tags, featured image address, alt text and caption, link. Whatever
/// comes out is checked, built and rendered: nothing in it can run.
#[test]
fn the_hostile_corpus_in_every_imported_field() {
    let corpus = common::corpus();
    let site = Site::new();
    let posts: Vec<serde_json::Value> = corpus
        .iter()
        .enumerate()
        .map(|(i, p)| {
            serde_json::json!({
                "id": i + 1, "date_gmt": "2020-01-01T00:00:00", "modified_gmt": p, "slug": p, "status": "publish", "link": p,
                "guid": { "rendered": format!("https://example.org/?p={}", i + 1) },
                "title": { "rendered": p }, "excerpt": { "rendered": p },
                "content": { "rendered": format!("<p>{p}</p><figure class=\"wp-block-image\"><img src=\"{p}\" alt=\"{p}\"><figcaption>{p}</figcaption></figure>{p}<a href=\"{p}\">{p}</a><div class=\"wp-block-embed\"><div class=\"wp-block-embed__wrapper\">{p}</div></div>[caption]{p}[/caption][gallery ids=\"{p}\"]") },
                "author": 1,
                "_embedded": {
                    "author": [{ "name": p, "link": p }],
                    "wp:featuredmedia": [{ "source_url": p, "alt_text": p, "caption": { "rendered": p } }],
                    "wp:term": [[{ "name": p }], [{ "name": p }]]
                }
            })
        })
        .collect();
    let file = site.dir.path().join("hostile.json");
    std::fs::write(&file, serde_json::to_string(&posts).unwrap()).unwrap();
    let (written, _) = import_into(&site, wordpress::import, &file, false).unwrap();
    assert_eq!(written.len(), corpus.len());
    let all = articles(&site);
    assert_eq!(all.len(), corpus.len());
    for article in all.values() {
        assert!(broadsheet::model::is_valid_slug(&article.article.slug));
        assert_renders_safely(&article.article);
    }

    // The same through a WXR export (classic content: shortcodes and paragraphs made first).
    let wxr_site = Site::new();
    let pairs: Vec<(String, String)> = corpus.iter().map(|p| (p.clone(), format!("{p}\n\n[caption]<img src=\"{p}\" alt=\"{p}\">{p}[/caption]\n\n{p}"))).collect();
    let refs: Vec<(&str, &str)> = pairs.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let wxr = wxr_site.dir.path().join("hostile.xml");
    std::fs::write(&wxr, wxr_with(&refs)).unwrap();
    let (written, _) = import_into(&wxr_site, wordpress::import, &wxr, false).unwrap();
    assert_eq!(written.len(), corpus.len());
    for article in articles(&wxr_site).values() {
        assert_renders_safely(&article.article);
    }
    assert!(Path::new(&wxr).exists());
}

/// A one-file web server on loopback: `/a.jpg` is a picture, anything else is missing.
fn picture_server(requests: std::sync::Arc<std::sync::atomic::AtomicUsize>) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let picture = common::with_exif(&common::jpeg(900, 600), 1);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut request = [0u8; 2048];
            let n = stream.read(&mut request).unwrap_or(0);
            requests.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let line = String::from_utf8_lossy(&request[..n]).lines().next().unwrap_or_default().to_owned();
            let response = if line.starts_with("GET /a.jpg ") {
                let mut head = format!("HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", picture.len()).into_bytes();
                head.extend(&picture);
                head
            } else {
                b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec()
            };
            let _ = stream.write_all(&response);
        }
    });
    address
}

#[test]
fn download_fetches_pictures_into_the_content_folder_once() {
    let requests = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let server = picture_server(requests.clone());
    let site = Site::new();
    let posts = serde_json::json!([{
        "id": 1, "date_gmt": "2020-01-01T00:00:00", "slug": "pictures", "status": "publish", "link": "https://example.org/?p=1",
        "title": { "rendered": "Pictures" },
        "content": { "rendered": format!("<figure class=\"wp-block-image\"><img src=\"{server}/a.jpg\" alt=\"A\"><figcaption>Here</figcaption></figure><p><img src=\"{server}/gone.jpg\" alt=\"Gone\"></p>") }
    }]);
    let file = site.dir.path().join("posts.json");
    std::fs::write(&file, posts.to_string()).unwrap();
    let (written, _) = import_into(&site, wordpress::import, &file, true).unwrap();
    let notes = &written[0].imported.notes;
    assert!(notes.iter().any(|n| n.contains("gone.jpg not downloaded") && n.contains("left at its address")), "{notes:?}");
    let body = &articles(&site)["pictures"].article.body;
    let Block::Figure(downloaded) = &body[0] else { panic!("{body:?}") };
    assert!(downloaded.src.as_str().starts_with("images/a-") && downloaded.src.as_str().ends_with(".jpg"), "{}", downloaded.src);
    assert!(site.content().join(downloaded.src.as_str()).exists());
    let Block::Figure(missing) = &body[1] else { panic!() };
    assert!(missing.src.as_str().ends_with("/gone.jpg"));
    assert!(!site.content().join(".import-").exists());

    // Again: the picture is already here, nothing is fetched twice.
    let before = requests.load(std::sync::atomic::Ordering::SeqCst);
    let (again, _) = import_into(&site, wordpress::import, &file, true).unwrap();
    assert_eq!(again[0].outcome, broadsheet_cli::import::write::Outcome::Unchanged);
    assert_eq!(requests.load(std::sync::atomic::Ordering::SeqCst), before + 1, "only the missing one is tried again");

    // The downloaded picture goes through the pipeline: no metadata left.
    let report = broadsheet_cli::site::build(&broadsheet_cli::site::BuildOptions {
        content: site.content(),
        dist: site.dist(),
        cache: site.cache(),
        site_url: None,
        content_only: true,
        site: common::site_config(),
    })
    .unwrap();
    assert_eq!(report.pictures.len(), 1);
}
