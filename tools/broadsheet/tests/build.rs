//! `broadsheet build`: the demo content becomes valid article files, an index, pictures and
//! threads; with an app shell, pages, feeds, a sitemap and compressed siblings; a content error
//! stops it before anything is written.

mod common;

use std::path::{Path, PathBuf};

use broadsheet::model::{Article, ArticleIndex};
use broadsheet_cli::site::{build, BuildError, BuildOptions};
use common::{jpeg, site_config, with_exif, Site};

fn demo_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn options(content: PathBuf, site: &Site, content_only: bool) -> BuildOptions {
    // The demo's pictures are processed once for all tests and runs (the cache is keyed by content).
    let cache = if content == demo_content() { Path::new(env!("CARGO_TARGET_TMPDIR")).join("demo-picture-cache") } else { site.cache() };
    BuildOptions {
        content,
        dist: site.dist(),
        cache,
        site_url: Some("https://example.org/news".into()),
        content_only,
        site: site_config(),
    }
}

/// The demo content that ships in `content/` builds into articles that read cleanly, every picture
/// in every width present with its true size, and the threads beside them.
#[test]
fn the_demo_content_builds_into_articles_that_read_without_warnings() {
    let site = Site::new();
    let report = build(&options(demo_content(), &site, true)).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let articles_dir = site.dist().join("articles");
    let index = ArticleIndex::from_json(&std::fs::read_to_string(articles_dir.join("index.json")).unwrap()).unwrap();
    assert!(index.articles.len() >= 3);
    assert!(index.featured().is_some_and(|entry| entry.featured));
    for entry in &index.articles {
        let text = std::fs::read_to_string(articles_dir.join(format!("{}.json", entry.slug))).unwrap();
        let (article, warnings) = Article::from_json(&text).unwrap();
        assert!(warnings.is_empty(), "{}: {warnings:?}", entry.slug);
        assert_eq!((&article.slug, &article.title), (&entry.slug, &entry.title));
        for image in article.images() {
            let path = |src: &str| articles_dir.join(src);
            assert!(image.src.as_str().starts_with("../images/"));
            let (width, height) = image::image_dimensions(path(image.src.as_str())).unwrap();
            assert_eq!((Some(width), Some(height)), (image.width, image.height), "{}", image.src);
            assert!(image.srcset.len() >= 2 && image.sizes.is_some());
            for source in &image.srcset {
                assert_eq!(image::image_dimensions(path(source.src.as_str())).unwrap().0, source.width);
            }
        }
        assert!(site.dist().join(format!("comments/{}.json", entry.slug)).exists());
        assert_eq!(entry.language.as_deref().unwrap_or(index.site_language()), article.language, "{}: index language", entry.slug);
        // Translations answer each other, in the languages their files say.
        for translation in &article.translations {
            let other = std::fs::read_to_string(articles_dir.join(format!("{}.json", translation.slug))).unwrap();
            let (other, _) = Article::from_json(&other).unwrap();
            assert_eq!(other.language, translation.language, "{} -> {}", article.slug, other.slug);
            assert_eq!(translation.title.as_deref(), Some(other.title.as_str()));
            assert!(other.translations.iter().any(|t| t.slug == article.slug), "{} does not list {} back", other.slug, article.slug);
        }
    }
    // An article in each of the interface's languages, with translations between them.
    let languages: Vec<_> = index.articles.iter().map(|e| e.language.clone().unwrap_or_else(|| "en".into())).collect();
    for wanted in ["en", "zh-CN", "ru"] {
        assert!(languages.iter().any(|l| l == wanted), "no {wanted} article in {languages:?}");
    }
}

#[test]
fn translations_are_linked_both_ways_and_checked() {
    let site = Site::new();
    site.write("a.md", "+++\ntitle = \"A\"\npublished = 2020-01-01\ntranslations = [\"a-ru\"]\n+++\n");
    site.write("a-ru.md", "+++\ntitle = \"А\"\nlanguage = \"ru\"\npublished = 2020-01-01\n+++\n");
    site.write("a-zh.md", "+++\ntitle = \"甲\"\nlanguage = \"zh-CN\"\npublished = 2020-01-01\ntranslations = [\"a-ru\"]\n+++\n");
    let loaded = broadsheet_cli::content::load(&site.content(), &site_config()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let find = |slug: &str| loaded.articles.iter().find(|a| a.article.slug == slug).unwrap();
    let ru: Vec<_> = find("a-ru").article.translations.iter().map(|t| (t.language.as_str(), t.slug.as_str(), t.title.as_deref())).collect();
    assert_eq!(ru, [("en", "a", Some("A")), ("zh-CN", "a-zh", Some("甲"))], "named once, linked both ways and through a third");

    site.write("b.md", "+++\ntitle = \"B\"\npublished = 2020-01-01\ntranslations = [\"missing\", \"b\", \"a\"]\n+++\n");
    let found: Vec<String> = broadsheet_cli::content::load(&site.content(), &site_config()).unwrap().problems.iter().map(|p| p.to_string()).collect();
    assert!(found.iter().any(|p| p.contains("b.md:4: error: translations: no article has the slug \"missing\"")), "{found:?}");
    assert!(found.iter().any(|p| p.contains("b.md:4: error: translations: an article is not its own translation")), "{found:?}");
    assert!(found.iter().any(|p| p.contains("each language once")), "{found:?}");
}

#[test]
fn with_an_app_shell_it_prerenders_writes_feeds_and_compresses() {
    let site = Site::new();
    std::fs::create_dir_all(site.dist()).unwrap();
    std::fs::write(
        site.dist().join("404.html"),
        "<!doctype html>\n<html lang=\"en\">\n  <head>\n    <base href=\"/news/\" />\n    <title>Broadsheet</title>\n    <meta name=\"broadsheet-comments\" content=\"local\" />\n  </head>\n  <body></body>\n</html>\n",
    )
    .unwrap();
    let report = build(&options(demo_content(), &site, false)).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(report.pages, Some(report.articles));
    for file in ["index.html", "posts/nica-agreement/index.html", "feed.json", "feed.xml", "sitemap.xml", "articles/index.json.br", "feed.json.gz"] {
        assert!(site.dist().join(file).exists(), "{file}");
    }
    let page = std::fs::read_to_string(site.dist().join("posts/east-tokamak/index.html")).unwrap();
    assert!(page.contains("<link rel=\"canonical\" href=\"https://example.org/news/posts/east-tokamak\""), "the site address ends in /");
    assert!(page.contains("/news/images/east-tokamak-960."), "pictures under the public path");
}

#[test]
fn without_an_app_shell_the_full_build_says_what_to_do() {
    let site = Site::new();
    match build(&options(demo_content(), &site, false)) {
        Err(BuildError::Other(message)) => assert!(message.contains("404.html") && message.contains("--content-only"), "{message}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn content_errors_stop_the_build_before_anything_is_written() {
    let site = Site::new();
    site.write("good.md", "+++\ntitle = \"Good\"\npublished = 2020-01-01\n+++\n\nText.\n");
    site.write("bad.md", "+++\ntitle = \"Bad\"\npublished = \"soon\"\n+++\n");
    match build(&options(site.content(), &site, true)) {
        Err(BuildError::Content(problems)) => assert!(problems.iter().any(|p| p.to_string().contains("bad.md:3: error: published"))),
        other => panic!("{other:?}"),
    }
    assert!(!site.dist().exists());
}

#[test]
fn a_picture_used_twice_is_processed_once_and_a_rebuild_uses_the_cache() {
    let site = Site::new();
    site.picture("phone.jpg", &with_exif(&jpeg(1200, 800), 6));
    site.write(
        "a.md",
        "+++\ntitle = \"A\"\npublished = 2020-01-01\n\n[lead_image]\nsrc = \"images/phone.jpg\"\nalt = \"Phone\"\n\n[[gallery]]\nsrc = \"images/phone.jpg\"\nalt = \"Again\"\n+++\n\n![The same picture](images/phone.jpg)\n",
    );
    let first = build(&options(site.content(), &site, true)).unwrap();
    assert_eq!(first.pictures.len(), 1);
    assert!(!first.pictures[0].cached);
    let text = std::fs::read_to_string(site.dist().join("articles/a.json")).unwrap();
    let (article, _) = Article::from_json(&text).unwrap();
    let lead = article.lead_image.unwrap();
    // Upright (EXIF orientation 6): 800x1200, so widths 480 and 800; src is the widest up to 960.
    assert_eq!((lead.width, lead.height), (Some(800), Some(1200)));
    assert_eq!(lead.srcset.iter().map(|s| s.width).collect::<Vec<_>>(), [480, 800]);
    assert_eq!(lead.sizes.as_deref(), Some(broadsheet::model::Image::COLUMN_SIZES));
    assert_eq!(article.gallery[0].sizes.as_deref(), Some(broadsheet::model::Image::THUMBNAIL_SIZES));
    // An article without a thread file gets an empty one (the local comments store reads it).
    let thread = std::fs::read_to_string(site.dist().join("comments/a.json")).unwrap();
    assert!(broadsheet::source::comments::thread_file::parse_thread_file(&thread).unwrap().is_empty());
    let second = build(&options(site.content(), &site, true)).unwrap();
    assert!(second.pictures[0].cached);
    // A stale file from an earlier build does not stay in the output.
    std::fs::write(site.dist().join("images/old-1.0000000000.webp"), b"old").unwrap();
    build(&options(site.content(), &site, true)).unwrap();
    assert!(!site.dist().join("images/old-1.0000000000.webp").exists());
}

/// The featured demo article, as built, pre-renders with all its parts (moved here from the
/// pre-renderer's tests when the demo's JSON became build output).
#[test]
fn the_demo_article_prerenders_with_its_parts() {
    let site = Site::new();
    build(&options(demo_content(), &site, true)).unwrap();
    let text = std::fs::read_to_string(site.dist().join("articles/nica-agreement.json")).unwrap();
    let (article, _) = Article::from_json(&text).unwrap();
    let html = broadsheet::prerender::article_html(article.clone(), None, broadsheet::config::Config::default());
    assert!(html.contains("article-title"));
    assert_eq!(html.matches("<figure").count(), 2);
    assert_eq!(html.matches("<figcaption>").count(), 2);
    assert_eq!(html.matches("class=\"gallery-thumb").count(), article.gallery.len());
    assert!(html.contains("<time datetime=\"2020-08-26T18:00:00+03:00\">"));
}
