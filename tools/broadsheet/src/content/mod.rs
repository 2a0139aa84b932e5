//! The content folder: Markdown articles with TOML front matter (`*.md`), their pictures
//! (`images/`), and comment threads (`comments/<slug>.json`), read into the model with every
//! problem named by file, line and field.

pub mod body;
pub mod front_matter;
pub mod problem;
pub mod writer;

use std::path::{Path, PathBuf};

use broadsheet::model::{is_language_tag, is_valid_slug, Article, Author, Block, Image, RichText, SafeUrl, Timestamp, Translation, FORMAT_VERSION};
use broadsheet::source::comments::thread_file::parse_thread_file;
use toml::Spanned;

use crate::config::SiteConfig;
use crate::pictures;
use front_matter::{AuthorEntry, DateValue, FrontMatter, PictureEntry};
pub use problem::{Lines, Problem, Severity};

/// An article read from `content/`, its pictures not yet processed.
#[derive(Clone, Debug)]
pub struct ContentArticle {
    pub file: PathBuf,
    pub article: Article,
    pub featured: bool,
    /// The pictures in the content folder it uses, to be replaced by their processed versions.
    pub pictures: Vec<PictureUse>,
    pub imported_from: Option<String>,
    /// The slugs its front matter names as its translations, each with its line.
    pub translation_slugs: Vec<(String, Option<usize>)>,
}

/// Where an article shows a picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Lead,
    Body(usize),
    Gallery(usize),
}

#[derive(Clone, Debug)]
pub struct PictureUse {
    pub place: Place,
    /// The original, canonical path inside the content folder.
    pub original: PathBuf,
}

/// Everything in the content folder, and every problem found in it.
#[derive(Debug, Default)]
pub struct Content {
    pub articles: Vec<ContentArticle>,
    /// `(slug, file)` for each comment thread.
    pub threads: Vec<(String, PathBuf)>,
    pub problems: Vec<Problem>,
}

impl Content {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }
}

/// Reads every `*.md` directly in `dir` (in name order) and the comment threads. Fails only when the
/// folder itself cannot be read; everything else is a [`Problem`].
pub fn load(dir: &Path, site: &SiteConfig) -> Result<Content, String> {
    let root = ContentRoot::new(dir)?;
    let mut files: Vec<PathBuf> = read_dir(dir)?.into_iter().filter(|p| p.extension().is_some_and(|e| e == "md")).collect();
    files.sort();
    let mut content = Content::default();
    for file in files {
        match std::fs::read_to_string(&file) {
            Ok(text) => {
                let (article, problems) = read_article(&file, &text, &root, site);
                content.problems.extend(problems);
                content.articles.extend(article);
            }
            Err(e) => content.problems.push(Problem::error(&file, None, None, format!("cannot be read: {e}"))),
        }
    }
    check_slugs(&mut content);
    link_translations(&mut content);
    read_threads(dir, &mut content)?;
    Ok(content)
}

fn read_dir(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(entries.filter_map(|entry| entry.ok().map(|e| e.path())).collect())
}

fn check_slugs(content: &mut Content) {
    for (i, a) in content.articles.iter().enumerate() {
        if let Some(b) = content.articles[..i].iter().find(|b| b.article.slug == a.article.slug) {
            content.problems.push(Problem::error(
                &a.file,
                None,
                Some("slug"),
                format!("{:?} is also the slug of {}: every article needs its own", a.article.slug, b.file.display()),
            ));
        }
    }
    let featured: Vec<_> = content.articles.iter().filter(|a| a.featured).collect();
    if featured.len() > 1 {
        let names: Vec<_> = featured.iter().map(|a| a.file.display().to_string()).collect();
        content.problems.push(Problem::warning(
            &featured[1].file,
            None,
            Some("featured"),
            format!("several articles are featured ({}); the home page shows the first", names.join(", ")),
        ));
    }
}

/// Each article's translations, both ways: articles that name one another (directly or through a
/// third) are one group, and each lists all the others with their language and title. So an
/// author writes `translations = ["a-post-zh"]` once, on either side.
fn link_translations(content: &mut Content) {
    let slugs: Vec<String> = content.articles.iter().map(|a| a.article.slug.clone()).collect();
    // Groups by union-find over article indexes.
    let mut group: Vec<usize> = (0..slugs.len()).collect();
    fn root(group: &mut [usize], i: usize) -> usize {
        let mut i = i;
        while group[i] != i {
            group[i] = group[group[i]];
            i = group[i];
        }
        i
    }
    for (i, source) in content.articles.iter().enumerate() {
        for (slug, line) in &source.translation_slugs {
            match slugs.iter().position(|s| s == slug) {
                Some(j) if j == i => content.problems.push(Problem::error(&source.file, *line, Some("translations"), "an article is not its own translation")),
                Some(j) => {
                    let (a, b) = (root(&mut group, i), root(&mut group, j));
                    group[a] = b;
                }
                None => content.problems.push(Problem::error(&source.file, *line, Some("translations"), format!("no article has the slug {slug:?}"))),
            }
        }
    }
    let roots: Vec<usize> = (0..slugs.len()).map(|i| root(&mut group, i)).collect();
    for i in 0..slugs.len() {
        let members: Vec<usize> = (0..slugs.len()).filter(|&j| j != i && roots[j] == roots[i]).collect();
        let own = content.articles[i].article.language.clone();
        let mut translations: Vec<Translation> = Vec::new();
        for j in members {
            let other = &content.articles[j].article;
            if other.language.eq_ignore_ascii_case(&own) || translations.iter().any(|t| t.language.eq_ignore_ascii_case(&other.language)) {
                let file = content.articles[i].file.clone();
                content.problems.push(Problem::error(&file, None, Some("translations"), format!(
                    "{} is in {:?}, a language this article or another of its translations is already in: each language once",
                    other.slug, other.language
                )));
                continue;
            }
            translations.push(Translation { language: other.language.clone(), slug: other.slug.clone(), title: Some(other.title.clone()) });
        }
        translations.sort_by(|a, b| a.language.cmp(&b.language));
        content.articles[i].article.translations = translations;
    }
}

fn read_threads(dir: &Path, content: &mut Content) -> Result<(), String> {
    let folder = dir.join("comments");
    if !folder.is_dir() {
        return Ok(());
    }
    let mut files = read_dir(&folder)?;
    files.sort();
    for file in files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let slug = file.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => text,
            Err(e) => {
                content.problems.push(Problem::error(&file, None, None, format!("cannot be read: {e}")));
                continue;
            }
        };
        if let Err(e) = parse_thread_file(&text) {
            content.problems.push(Problem::error(&file, None, e.field(), format!("not a valid thread file: {e} (see docs/comments.md)")));
            continue;
        }
        if !content.articles.iter().any(|a| a.article.slug == slug) {
            content.problems.push(Problem::warning(&file, None, None, format!("no article has the slug {slug:?}: this thread is not shown")));
            continue;
        }
        content.threads.push((slug, file));
    }
    Ok(())
}

/// The content folder, as given (for messages) and canonical (pictures must stay inside it).
pub struct ContentRoot {
    pub shown: PathBuf,
    pub canonical: PathBuf,
}

impl ContentRoot {
    pub fn new(dir: &Path) -> Result<ContentRoot, String> {
        let canonical = dir.canonicalize().map_err(|e| format!("{}: {e} (the content folder)", dir.display()))?;
        Ok(ContentRoot { shown: dir.to_owned(), canonical })
    }
}

/// Reads one article of the content folder `root`.
pub fn read_article(file: &Path, text: &str, root: &ContentRoot, site: &SiteConfig) -> (Option<ContentArticle>, Vec<Problem>) {
    let mut problems = Vec::new();
    let lines = Lines::new(text);
    let split = match front_matter::split(text) {
        Ok(split) => split,
        Err(message) => {
            problems.push(Problem::error(file, Some(1), None, message));
            return (None, problems);
        }
    };
    let at = |offset: usize| Some(lines.line_of(split.front_matter_start + offset));
    let front: FrontMatter = match toml::from_str(split.front_matter) {
        Ok(front) => front,
        Err(e) => {
            let line = e.span().map_or(Some(lines.line_of(split.front_matter_start)), |span| at(span.start));
            // The key written on the line at fault (`published = 2020-02-30`), else the missing one.
            let key_on_line = e.span().and_then(|span| {
                let start = split.front_matter[..span.start].rfind('\n').map_or(0, |i| i + 1);
                let line = split.front_matter[start..].lines().next()?;
                let (key, _) = line.split_once('=')?;
                let key = key.trim();
                (!key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c))).then(|| key.to_owned())
            });
            let missing = e.message().split('`').nth(1).filter(|_| e.message().starts_with("missing field")).map(str::to_owned);
            let field = key_on_line.or(missing);
            let field = field.as_deref();
            let message = e.message().trim().replace("missing field", "missing:");
            let message = if message.starts_with("unknown field") {
                format!("{message} (a field of your own goes under [extra])")
            } else {
                message
            };
            problems.push(Problem::error(file, line, field, message));
            return (None, problems);
        }
    };
    let mut reader = ArticleReader { file, root, problems: &mut problems, at: &at };

    let title = front.title.get_ref().trim().to_owned();
    if title.is_empty() {
        reader.error(&front.title, "title", "must not be empty");
    }
    let file_slug = file.file_stem().unwrap_or_default().to_string_lossy().into_owned();
    let slug = match &front.slug {
        Some(slug) => {
            if !is_valid_slug(slug.get_ref()) {
                reader.error(slug, "slug", "use only a-z, 0-9 and '-' (it names the page: /posts/<slug>)");
            }
            slug.get_ref().clone()
        }
        None => {
            if !is_valid_slug(&file_slug) {
                reader.error_at(Some(1), "slug", &format!(
                    "the file name {file_slug:?} is the article's slug: use only a-z, 0-9 and '-', or set slug = \"…\""
                ));
            }
            file_slug
        }
    };
    let language = match &front.language {
        Some(language) if !is_language_tag(language.get_ref()) => {
            reader.error(language, "language", "not a language tag: write e.g. en, zh-Hans or ru");
            site.language.clone()
        }
        Some(language) => language.get_ref().clone(),
        None => site.language.clone(),
    };
    let published = reader.timestamp(&front.published, "published");
    let updated = front.updated.as_ref().and_then(|u| reader.timestamp(u, "updated"));
    let authors = front.authors.iter().enumerate().filter_map(|(i, a)| reader.author(a, i)).collect();
    let mut pictures = Vec::new();
    let lead_image = front.lead_image.as_ref().and_then(|p| reader.picture(p, "lead_image", Place::Lead, &mut pictures));
    let mut gallery = Vec::new();
    for (i, entry) in front.gallery.iter().enumerate() {
        // Places count what is kept, so they match the article's gallery.
        let place = Place::Gallery(gallery.len());
        gallery.extend(reader.picture(entry, &format!("gallery[{i}]"), place, &mut pictures));
    }
    let body = reader.body(split.body, split.body_start, &lines, &mut pictures);

    let Some(published) = published else { return (None, problems) };
    if problems.iter().any(Problem::is_error) {
        return (None, problems);
    }
    let article = Article {
        format: FORMAT_VERSION,
        slug,
        label: front.label.filter(|l| !l.trim().is_empty()),
        title,
        summary: front.summary.filter(|s| !s.trim().is_empty()),
        language,
        published,
        updated,
        authors,
        tags: front.tags.into_iter().filter(|t| !t.trim().is_empty()).collect(),
        lead_image,
        body,
        gallery,
        translations: Vec::new(),
    };
    let translation_slugs = front.translations.iter().map(|slug| (slug.get_ref().trim().to_owned(), at(slug.span().start))).collect();
    let content = ContentArticle {
        file: file.to_owned(),
        article,
        featured: front.featured,
        pictures,
        imported_from: front.imported_from,
        translation_slugs,
    };
    (Some(content), problems)
}

/// A slug made from a title: `Über den Fluss!` → `uber-den-fluss`, at most 80 characters, cut at a
/// word; `article-<date>` when nothing of the title is left (e.g. a title of emoji only).
pub fn slug_from_title(title: &str, date: time::Date) -> String {
    let full = slug::slugify(title);
    let mut slug = String::new();
    for word in full.split('-').filter(|w| !w.is_empty()) {
        if !slug.is_empty() && slug.len() + 1 + word.len() > 80 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word.chars().take(80).collect::<String>());
    }
    if slug.is_empty() {
        format!("article-{}", date)
    } else {
        slug
    }
}

struct ArticleReader<'a> {
    file: &'a Path,
    root: &'a ContentRoot,
    problems: &'a mut Vec<Problem>,
    /// The line of a byte offset in the front matter.
    at: &'a dyn Fn(usize) -> Option<usize>,
}

impl ArticleReader<'_> {
    fn error<T>(&mut self, value: &Spanned<T>, field: &str, message: &str) {
        let line = (self.at)(value.span().start);
        self.problems.push(Problem::error(self.file, line, Some(field), message));
    }

    fn error_at(&mut self, line: Option<usize>, field: &str, message: &str) {
        self.problems.push(Problem::error(self.file, line, Some(field), message));
    }

    fn warn<T>(&mut self, value: &Spanned<T>, field: &str, message: &str) {
        let line = (self.at)(value.span().start);
        self.problems.push(Problem::warning(self.file, line, Some(field), message));
    }

    fn timestamp(&mut self, value: &Spanned<DateValue>, field: &str) -> Option<Timestamp> {
        match value.get_ref().to_rfc3339() {
            Ok(text) => Timestamp::parse(&text).or_else(|| {
                self.error(value, field, &format!("{text:?} is not a date"));
                None
            }),
            Err(message) => {
                self.error(value, field, &message);
                None
            }
        }
    }

    fn author(&mut self, entry: &Spanned<AuthorEntry>, i: usize) -> Option<Author> {
        let (name, url) = match entry.get_ref() {
            AuthorEntry::Name(name) => (name.clone(), None),
            AuthorEntry::Full(table) => (table.name.clone(), table.url.clone()),
        };
        let field = format!("authors[{i}]");
        if name.trim().is_empty() {
            self.warn(entry, &field, "an author without a name is left out");
            return None;
        }
        let url = url.and_then(|raw| {
            let url = SafeUrl::parse(&raw);
            if url.is_none() {
                self.warn(entry, &format!("{field}.url"), &format!("{raw:?} is not allowed (http, https or mailto): the name is shown without a link"));
            }
            url
        });
        Some(Author { name: name.trim().to_owned(), url })
    }

    fn picture(&mut self, entry: &Spanned<PictureEntry>, field: &str, place: Place, uses: &mut Vec<PictureUse>) -> Option<Image> {
        let picture = entry.get_ref();
        let line = (self.at)(picture.src.span().start);
        let image = self.image(picture.src.get_ref(), picture.alt.as_deref(), line, field, place, uses)?;
        Some(Image {
            caption: picture.caption.as_deref().map(RichText::parse).unwrap_or_default(),
            credit: picture.credit.clone().filter(|c| !c.trim().is_empty()),
            ..image
        })
    }

    /// Checks a picture's address and, for a file in the content folder, that it is there and
    /// readable; notes its use for the picture pipeline.
    fn image(&mut self, src: &str, alt: Option<&str>, line: Option<usize>, field: &str, place: Place, uses: &mut Vec<PictureUse>) -> Option<Image> {
        let Some(url) = SafeUrl::parse(src) else {
            self.error_at(line, &format!("{field}.src"), &format!("{src:?} is not allowed: give a file in the content folder (images/a.jpg) or an https address"));
            return None;
        };
        if url.is_relative() {
            match local_picture(self.root, src) {
                Ok(original) => uses.push(PictureUse { place, original }),
                Err(message) => {
                    self.error_at(line, &format!("{field}.src"), &message);
                    return None;
                }
            }
        } else if url.as_str().to_ascii_lowercase().starts_with("mailto:") {
            self.error_at(line, &format!("{field}.src"), &format!("{src:?} is an e-mail address, not a picture"));
            return None;
        }
        let alt = alt.map(str::trim).filter(|a| !a.is_empty()).map(str::to_owned);
        if alt.is_none() {
            self.problems.push(Problem::warning(self.file, line, Some(&format!("{field}.alt")), "no alt text: say what the picture shows, for readers who cannot see it"));
        }
        Some(Image { src: url, alt, caption: RichText::default(), credit: None, width: None, height: None, srcset: Vec::new(), sizes: None })
    }

    fn body(&mut self, markdown: &str, start: usize, lines: &Lines, uses: &mut Vec<PictureUse>) -> Vec<Block> {
        let body = body::read(markdown);
        for note in &body.notes {
            self.problems.push(Problem::warning(self.file, Some(lines.line_of(start + note.span.start)), Some("body"), note.message.clone()));
        }
        let mut blocks = body.blocks;
        let mut dropped = Vec::new();
        for figure in &body.figures {
            let Block::Figure(image) = &blocks[figure.block] else { continue };
            let line = Some(lines.line_of(start + figure.span.start));
            let checked = self.image(&image.src.to_string(), image.alt.as_deref(), line, "body figure", Place::Body(figure.block), uses);
            if checked.is_none() {
                dropped.push(figure.block);
            }
        }
        // Figures whose picture is in error are left out (the article is not built anyway).
        for index in dropped.into_iter().rev() {
            blocks.remove(index);
        }
        blocks
    }
}

/// The canonical path of a picture in the content folder, or why it cannot be used.
fn local_picture(root: &ContentRoot, src: &str) -> Result<PathBuf, String> {
    let relative = src.split(['?', '#']).next().unwrap_or_default().trim_start_matches('/');
    // Refused before looking: a path that climbs out of the folder is a mistake or an attack.
    let mut depth = 0i32;
    for part in Path::new(relative).components() {
        match part {
            std::path::Component::ParentDir => depth -= 1,
            std::path::Component::Normal(_) => depth += 1,
            _ => {}
        }
        if depth < 0 {
            return Err(format!("{src:?} is outside the content folder: keep pictures in content/images/"));
        }
    }
    let shown = root.shown.join(relative);
    let canonical = root.canonical.join(relative).canonicalize().map_err(|_| format!("the picture {} is not there", shown.display()))?;
    if !canonical.starts_with(&root.canonical) {
        return Err(format!("{src:?} is outside the content folder: keep pictures in content/images/"));
    }
    pictures::probe(&canonical).map_err(|e| format!("{}: {e}", shown.display()))?;
    Ok(canonical)
}
