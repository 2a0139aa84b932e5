//! Writes pre-rendered pages into a release build, so every article paints as plain HTML, works
//! without JavaScript, and is seen by search engines and link previews. `broadsheet build` calls
//! [`prerender`] after writing the articles; the `broadsheet-prerender` binary re-renders a build
//! that is already there:
//!
//!   cargo run --profile tools -p broadsheet-prerender -- --dist dist --site-url https://example.org/
//!
//! For each article in `articles/index.json`: `posts/<slug>/index.html` (and `posts/<slug>.html`
//! for hosts that map `/posts/<slug>` to it); the featured one also as the site's `index.html`.
//! Then `sitemap.xml`, `feed.xml` (Atom) and `feed.json` (JSON Feed 1.1). `404.html` stays the
//! plain app, the fallback for any other address. The page body comes from the same Leptos
//! components the browser runs (`broadsheet::prerender`), never from a second template.

use std::fs;
use std::path::{Path, PathBuf};

use broadsheet::config::{CommentsConfig, Config};
use broadsheet::model::{Article, ArticleIndex, PageData, SortOrder, ThreadPage};
use broadsheet::prerender::{article_html, masthead_html, more_articles_html};
use broadsheet::publish::{atom_feed, head_html, json_feed, script_safe_json, sitemap, Site};
use broadsheet::source::comments::isso_format::thread_page_query;
use broadsheet::source::comments::waline_format::thread_page_query as waline_thread_query;
use broadsheet::source::comments::thread_file::{page_of, parse_thread_file};

/// Stands for "this site" while resolving URLs: what resolves onto it becomes a root-relative path.
const HERE: &str = "https://this-site.invalid";

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The text between `start` and the next `end` in `html`.
fn between<'a>(html: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = html.find(start)? + start.len();
    Some(&html[from..from + html[from..].find(end)?])
}

/// Where the first tag that begins with `opening` is, from its `<` to its `>` inclusive.
fn tag(html: &str, opening: &str) -> Option<std::ops::Range<usize>> {
    let start = html.find(opening)?;
    Some(start..start + html[start..].find('>')? + 1)
}

/// What [`prerender`] wrote.
#[derive(Debug)]
pub struct Summary {
    pub articles: usize,
    /// What the reader will see but the publisher should fix (an image without alt text, a broken
    /// thread file, a translation that does not answer back), one line each.
    pub warnings: Vec<String>,
}

/// Pre-renders every article of the build in `dist` (its `404.html` is the app shell, its
/// `articles/` the content), then writes the sitemap and the feeds. `site_url` is the published
/// address, ending in `/`.
pub fn prerender(dist: &Path, site_url: &str) -> Result<Summary, String> {
    let args = Args { dist: dist.to_owned(), site_url: site_url.to_owned() };
    let mut notes = Vec::new();
    // The app shell: index.html as trunk and scripts/post_build.mjs wrote it. Re-running the
    // pre-renderer starts again from 404.html, the untouched copy.
    let shell = read(&args.dist.join("404.html"))?;
    let public_path = between(&shell, "<base href=\"", "\"").ok_or("no <base href> in the build's 404.html")?.to_owned();
    let comments_setting = between(&shell, "<meta name=\"broadsheet-comments\" content=\"", "\"").unwrap_or("local");
    let comments = CommentsConfig::parse(comments_setting)?;
    let config = Config::with_site_root(&public_path).with_comments(comments.clone());
    let index = ArticleIndex::from_json(&read(&args.dist.join("articles/index.json"))?).map_err(|e| format!("articles/index.json: {e}"))?;
    let site = Site {
        base_url: args.site_url.clone(),
        name: broadsheet::strings::strings_for_tag(index.site_language()).site_name.to_owned(),
        language: index.site_language().to_owned(),
    };
    let featured = index.featured().map(|entry| entry.slug.clone());
    let mut articles = Vec::new();
    for entry in &index.articles {
        let file = args.dist.join(format!("articles/{}.json", entry.slug));
        let raw = read(&file)?;
        let (mut article, warnings) = Article::from_json(&raw).map_err(|e| format!("{}: {e}", file.display()))?;
        for warning in warnings {
            notes.push(format!("{}: {warning}", file.display()));
        }
        let article_url = format!("{HERE}{}", config.article_url(&entry.slug));
        article.resolve_urls(&|relative| resolve(&article_url, relative));

        let thread_raw = (comments == CommentsConfig::Local)
            .then(|| fs::read_to_string(args.dist.join(format!("comments/{}.json", entry.slug))).ok())
            .flatten();
        let thread = match &thread_raw {
            Some(text) => match parse_thread_file(text) {
                Ok(mut tree) => {
                    SortOrder::Oldest.sort(&mut tree);
                    Some(page_of(tree, 0))
                }
                Err(problem) => {
                    notes.push(format!("comments/{}.json: {problem} (the page shows the error, as the app would)", entry.slug));
                    None
                }
            },
            None if comments == CommentsConfig::Local => Some(ThreadPage::default()),
            None => None,
        };

        let canonical = site.post_url(&entry.slug);
        let mut head = head_html(&article, &site, &canonical);
        // With Isso, the first page of the thread is fetched with the page, not after the app
        // has started: the app's own request (same URL, same credentials) then finds it ready.
        // The same for Waline, whose requests carry no cookies (a signed-in reader's token goes in a
        // header, so their own request is not this one and goes to the server).
        let preload = match &comments {
            CommentsConfig::Isso { endpoint } => Some((
                format!("{endpoint}{}", thread_page_query(&config.post_path(&entry.slug), SortOrder::Oldest, 0)),
                "use-credentials",
            )),
            CommentsConfig::Waline { server } => Some((
                format!("{server}{}", waline_thread_query(&config.post_path(&entry.slug), SortOrder::Oldest, 0)),
                "anonymous",
            )),
            _ => None,
        };
        if let Some((url, credentials)) = preload {
            head.push_str(&format!(
                "\n    <link rel=\"preload\" as=\"fetch\" href=\"{}\" crossorigin=\"{credentials}\">",
                escape_attr(&url)
            ));
        }
        // Other articles, less this one's translations (the page links to those already).
        let others: Vec<_> = index
            .newest_first()
            .into_iter()
            .filter(|e| e.slug != entry.slug && !article.translations.iter().any(|t| t.slug == e.slug))
            .cloned()
            .collect();
        let page = page_html(&shell, &PageParts {
            head,
            language: article.language.clone(),
            masthead: masthead_html(config.home_path().to_owned()),
            article: article_html(article.clone(), thread, config.clone()),
            more: more_articles_html(others, config.clone(), &article.language),
            data: script_safe_json(
                &PageData {
                    slug: article.slug.clone(),
                    title: article.title.clone(),
                    language: article.language.clone(),
                    featured: featured.as_deref() == Some(entry.slug.as_str()),
                    offset_seconds: article.published.offset_seconds(),
                    images: article.images().cloned().collect(),
                    thread: thread_raw.as_deref().and_then(|text| broadsheet::json::parse(text).ok()),
                }
                .to_value()
                .to_json(),
            ),
        });
        write(&args.dist.join(format!("posts/{}/index.html", entry.slug)), &page)?;
        write(&args.dist.join(format!("posts/{}.html", entry.slug)), &page)?;
        // The home page shows the featured article; its canonical address stays the article's.
        if featured.as_deref() == Some(entry.slug.as_str()) {
            write(&args.dist.join("index.html"), &page)?;
        }
        articles.push(article);
    }
    notes.extend(translation_problems(&articles));
    write(&args.dist.join("sitemap.xml"), &sitemap(&site, &articles))?;
    write(&args.dist.join("feed.xml"), &atom_feed(&site, &articles))?;
    write(&args.dist.join("feed.json"), &serde_json::to_string_pretty(&json_feed(&site, &articles)).map_err(|e| e.to_string())?)?;
    Ok(Summary { articles: articles.len(), warnings: notes })
}

struct Args {
    dist: PathBuf,
    site_url: String,
}

/// Translations that search engines would not trust: a version that is not published, or one that
/// does not name the article back.
fn translation_problems(articles: &[Article]) -> Vec<String> {
    let mut problems = Vec::new();
    for article in articles {
        for translation in &article.translations {
            match articles.iter().find(|a| a.slug == translation.slug) {
                None => problems.push(format!("{}: its translation {} is not in the index", article.slug, translation.slug)),
                Some(other) if !other.translations.iter().any(|t| t.slug == article.slug) => problems.push(format!(
                    "{}: {} is listed as its translation but does not list it back (hreflang alternates must answer each other)",
                    article.slug, other.slug
                )),
                Some(other) if !other.language.eq_ignore_ascii_case(&translation.language) => problems.push(format!(
                    "{}: its translation {} is in {:?}, not {:?}",
                    article.slug, other.slug, other.language, translation.language
                )),
                Some(_) => {}
            }
        }
    }
    problems
}

/// A relative reference from the article file made absolute, then root-relative when it is on this
/// site (so the pages work on any host name the site is served under).
fn resolve(article_url: &str, relative: &str) -> Option<String> {
    let absolute = url::Url::parse(article_url).ok()?.join(relative).ok()?;
    let text = absolute.as_str();
    Some(match text.strip_prefix(HERE) {
        Some(path) => path.to_owned(),
        None => text.to_owned(),
    })
}

struct PageParts {
    head: String,
    language: String,
    masthead: String,
    article: String,
    more: String,
    data: String,
}

/// The shell with the article's head and body in place of the app's empty ones.
fn page_html(shell: &str, parts: &PageParts) -> String {
    let mut page = shell.replacen("<html lang=\"en\">", &format!("<html lang=\"{}\">", escape_attr(&parts.language)), 1);
    // The shell's generic title and description give way to the article's.
    if let Some(title) = between(&page, "<title>", "</title>") {
        page = page.replacen(&format!("<title>{title}</title>"), "", 1);
    }
    if let Some(description) = tag(&page, "<meta name=\"description\"") {
        page.replace_range(description, "");
    }
    // The page paints without the app, so the stylesheet and the first picture get the network
    // first: trunk's preload of the WebAssembly goes, and the glue's modulepreload waits its turn
    // (low priority). boot.js (async) asks for the WebAssembly as soon as it and the glue are in,
    // while the page is parsed, and starts the app when the page is complete.
    if let Some(wasm) = tag(&page, "<link rel=\"preload\"").filter(|link| page[link.clone()].contains(".wasm")) {
        page.replace_range(wasm, "");
    }
    if let Some(glue) = tag(&page, "<link rel=\"modulepreload\"") {
        page.insert_str(glue.end - 1, " fetchpriority=\"low\"");
    }
    page = page.replacen("</head>", &format!("    {}\n  </head>", parts.head), 1);
    let body_start = page.find("<body>").map(|i| i + "<body>".len()).unwrap_or(0);
    let body_end = page.rfind("</body>").unwrap_or(page.len());
    let body = format!(
        "\n    {}\n    <main id=\"main\" class=\"page\">{}{}</main>\n    <script type=\"application/json\" id=\"broadsheet-page\">{}</script>\n  ",
        parts.masthead, parts.article, parts.more, parts.data
    );
    page.replace_range(body_start..body_end, &body);
    page
}

fn escape_attr(text: &str) -> String {
    broadsheet::publish::escape_html(text)
}
