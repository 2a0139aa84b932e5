//! `broadsheet build`: the content folder becomes the site's files. Articles (`articles/<slug>.json`,
//! format 1) and `articles/index.json`, the pictures, the comment threads; then, around the app the
//! release build made, the pre-rendered pages, feeds and sitemap, and precompressed siblings.

pub mod compress;
mod timings;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use broadsheet::model::{ArticleIndex, Image, ImageSource, IndexEntry, SafeUrl};

use crate::config::SiteConfig;
use crate::content::{self, ContentArticle, Place, Problem};
use crate::pictures::{self, Processed};
pub use timings::timings_table;

pub struct BuildOptions {
    pub content: PathBuf,
    pub dist: PathBuf,
    pub cache: PathBuf,
    /// The published address for canonical links and feeds; needed unless `content_only`.
    pub site_url: Option<String>,
    /// Articles, index, pictures and threads only: no pages, feeds, sitemap or compression.
    pub content_only: bool,
    pub site: SiteConfig,
}

/// What a build did, for the summary line and `--timings`.
#[derive(Debug, Default)]
pub struct BuildReport {
    pub articles: usize,
    pub pictures: Vec<Processed>,
    pub warnings: Vec<Problem>,
    pub pages: Option<usize>,
    pub compressed: usize,
    /// Seconds per step, in order.
    pub steps: Vec<(&'static str, f64)>,
}

#[derive(Debug)]
pub enum BuildError {
    /// The content has errors: every problem found (warnings too).
    Content(Vec<Problem>),
    Other(String),
}

impl From<String> for BuildError {
    fn from(message: String) -> Self {
        BuildError::Other(message)
    }
}

pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let mut report = BuildReport::default();
    let mut clock = Instant::now();
    let mut step = |report: &mut BuildReport, name: &'static str| {
        report.steps.push((name, clock.elapsed().as_secs_f64()));
        clock = Instant::now();
    };

    let loaded = content::load(&options.content, &options.site)?;
    if loaded.has_errors() {
        return Err(BuildError::Content(loaded.problems));
    }
    report.warnings = loaded.problems;
    step(&mut report, "read content");

    let images_dir = options.dist.join("images");
    fresh_dir(&images_dir)?;
    let mut originals: Vec<PathBuf> = loaded.articles.iter().flat_map(|a| a.pictures.iter().map(|p| p.original.clone())).collect();
    originals.sort();
    originals.dedup();
    let processed = pictures::process_all(&originals, &options.cache, &images_dir).map_err(|failed| {
        BuildError::Content(failed.into_iter().map(|(file, message)| Problem::error(&file, None, None, message)).collect())
    })?;
    let by_original: BTreeMap<&Path, &Processed> = processed.iter().map(|p| (p.original.as_path(), p)).collect();
    step(&mut report, "pictures");

    let articles_dir = options.dist.join("articles");
    fresh_dir(&articles_dir)?;
    let mut entries = Vec::new();
    for source in &loaded.articles {
        let article = with_pictures(source, &by_original);
        let json = serde_json::to_string_pretty(&article).map_err(|e| e.to_string())?;
        write(&articles_dir.join(format!("{}.json", article.slug)), &json)?;
        entries.push(IndexEntry {
            slug: article.slug.clone(),
            title: article.title.clone(),
            published: article.published.clone(),
            featured: source.featured,
            summary: article.summary.clone(),
            label: article.label.clone(),
            // Said only when it is not the site's (the index's own language).
            language: Some(article.language.clone()).filter(|l| !l.eq_ignore_ascii_case(&options.site.language)),
        });
    }
    // The featured article first, then newest first: the order readers see them in.
    entries.sort_by(|a, b| b.featured.cmp(&a.featured).then_with(|| b.published.cmp(&a.published)));
    let index = ArticleIndex { language: Some(options.site.language.clone()), articles: entries };
    write(&articles_dir.join("index.json"), &serde_json::to_string_pretty(&index).map_err(|e| e.to_string())?)?;
    let comments_dir = options.dist.join("comments");
    fresh_dir(&comments_dir)?;
    for (slug, file) in &loaded.threads {
        std::fs::copy(file, comments_dir.join(format!("{slug}.json"))).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    // Every article gets a thread file, empty when it has none: the local comments store reads
    // it, and a missing one would be a failed request in every reader's console.
    for source in &loaded.articles {
        let thread = comments_dir.join(format!("{}.json", source.article.slug));
        if !thread.exists() {
            write(&thread, "{\"format\": 1, \"comments\": []}\n")?;
        }
    }
    report.articles = loaded.articles.len();
    report.pictures = processed;
    step(&mut report, "articles");

    if !options.content_only {
        let site_url = options.site_url.clone().or_else(|| options.site.url.clone()).ok_or_else(|| {
            "give the published address for canonical links and feeds: --site-url https://example.org/ (or SITE_URL, or url in broadsheet.toml)".to_string()
        })?;
        let site_url = if site_url.ends_with('/') { site_url } else { format!("{site_url}/") };
        if !options.dist.join("404.html").exists() {
            return Err(BuildError::Other(format!(
                "{} has no app (404.html): build it first (scripts/release.sh does, then runs this), or pass --content-only",
                options.dist.display()
            )));
        }
        // The pages are the build's: none of an article that is gone may stay behind.
        fresh_dir(&options.dist.join("posts"))?;
        let summary = broadsheet_prerender::prerender(&options.dist, &site_url)?;
        report.pages = Some(summary.articles);
        step(&mut report, "pages, feeds, sitemap");
        report.compressed = compress::compress_tree(&options.dist)?;
        step(&mut report, "compression");
    }
    Ok(report)
}

/// The article with each picture of the content folder replaced by its processed widths.
fn with_pictures(source: &ContentArticle, processed: &BTreeMap<&Path, &Processed>) -> broadsheet::model::Article {
    let mut article = source.article.clone();
    for use_ in &source.pictures {
        let Some(done) = processed.get(use_.original.as_path()) else { continue };
        let image = match use_.place {
            Place::Lead => article.lead_image.as_mut(),
            Place::Body(i) => match article.body.get_mut(i) {
                Some(broadsheet::model::Block::Figure(image)) => Some(image),
                _ => None,
            },
            Place::Gallery(i) => article.gallery.get_mut(i),
        };
        let Some(image) = image else { continue };
        let sizes = match use_.place {
            Place::Gallery(_) => Image::THUMBNAIL_SIZES,
            _ => Image::COLUMN_SIZES,
        };
        // Relative to the article file (articles/<slug>.json), as the format asks.
        let url = |file: &str| SafeUrl::parse(&format!("../images/{file}")).expect("a relative path is allowed");
        let default = done.default_variant();
        image.src = url(&default.file_name);
        image.width = Some(default.width);
        image.height = Some(default.height);
        image.srcset = done.variants.iter().map(|v| ImageSource { src: url(&v.file_name), width: v.width }).collect();
        image.sizes = Some(sizes.to_owned());
    }
    article
}

/// Empties `dir` (the build owns it) or makes it.
fn fresh_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
