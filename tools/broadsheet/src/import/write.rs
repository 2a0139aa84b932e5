//! Imported articles into the content folder, all or nothing: every file is made and checked in
//! memory first, so bad input leaves `content/` as it was; each file is then written aside and
//! renamed into place. A post imported before (same `imported_from`) updates its file, keeping
//! what the publisher set by hand there (`featured`, `label`).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use broadsheet::model::{Article, Block, Image};
use serde::Deserialize;

use super::{download, ImportBatch, ImportError, Imported};
use crate::content::front_matter::{self, FrontMatter, PictureEntry};
use crate::content::writer::{document, NewAuthor, NewFrontMatter};
use crate::content::body;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    New,
    Updated,
    Unchanged,
}

/// One article as written, with what the author should know about it.
#[derive(Debug)]
pub struct Written {
    pub file: PathBuf,
    pub outcome: Outcome,
    pub imported: Imported,
}

pub struct WriteOptions<'a> {
    pub content: &'a Path,
    /// Fetch remote pictures into `content/images/`, so the picture pipeline takes them over.
    pub download: bool,
    /// The file imported from, for messages.
    pub input: &'a Path,
}

/// What an earlier import left in a file: found by `imported_from`.
#[derive(Deserialize)]
struct Earlier {
    #[serde(default)]
    imported_from: Option<String>,
    #[serde(default)]
    featured: bool,
    #[serde(default)]
    label: Option<String>,
}

pub fn write_all(batch: ImportBatch, options: &WriteOptions<'_>) -> Result<Vec<Written>, ImportError> {
    let fail = |post: Option<&str>, message: String| ImportError { file: options.input.to_owned(), post: post.map(str::to_owned), message };
    let earlier = earlier_imports(options.content);
    let mut taken: HashSet<String> = existing_stems(options.content);
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut planned = Vec::new();
    for mut imported in batch.articles {
        if let Some(other) = seen.insert(imported.source.clone(), imported.name.clone()) {
            return Err(fail(Some(&imported.name), format!("has the same id as {other}: which one is the article?")));
        }
        let (file, previous) = match earlier.get(&imported.source) {
            Some((file, previous)) => (file.clone(), Some(previous)),
            None => {
                let base = imported.article.slug.clone();
                let mut stem = base.clone();
                let mut n = 2;
                while taken.contains(&stem) {
                    stem = format!("{base}-{n}");
                    n += 1;
                }
                if stem != base {
                    imported.notes.push(format!("the slug {base:?} is taken by another article: imported as {stem:?}"));
                }
                (options.content.join(format!("{stem}.md")), None)
            }
        };
        let stem = file.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        taken.insert(stem.clone());
        imported.article.slug = stem;
        planned.push((file, imported, previous.map(|p| (p.featured, p.label.clone()))));
    }

    let staging = options.content.join(format!(".import-{}", std::process::id()));
    let result = (|| {
        let mut downloads = Vec::new();
        if options.download {
            let images = options.content.join("images");
            for (_, imported, _) in &mut planned {
                downloads.extend(download::download_pictures(imported, &images, &staging.join("images")));
            }
        }
        let mut documents = Vec::new();
        for (file, imported, previous) in &planned {
            let text = render(imported, previous.as_ref());
            verify(&text).map_err(|problem| fail(Some(&imported.name), format!("could not be written as Markdown that reads back ({problem})")))?;
            let outcome = match std::fs::read_to_string(file) {
                Ok(old) if old == text => Outcome::Unchanged,
                Ok(_) => Outcome::Updated,
                Err(_) => Outcome::New,
            };
            documents.push((file.clone(), text, outcome));
        }
        // Everything is ready: only now is the content folder touched.
        std::fs::create_dir_all(options.content).map_err(|e| fail(None, format!("{}: {e}", options.content.display())))?;
        for (from, to) in &downloads {
            std::fs::create_dir_all(to.parent().expect("in images/")).map_err(|e| fail(None, e.to_string()))?;
            std::fs::rename(from, to).map_err(|e| fail(None, format!("{}: {e}", to.display())))?;
        }
        for (file, text, outcome) in &documents {
            if *outcome == Outcome::Unchanged {
                continue;
            }
            let aside = file.with_extension(format!("md.{}.tmp", std::process::id()));
            std::fs::write(&aside, text).map_err(|e| fail(None, format!("{}: {e}", aside.display())))?;
            std::fs::rename(&aside, file).map_err(|e| fail(None, format!("{}: {e}", file.display())))?;
        }
        Ok(documents.into_iter().map(|(file, _, outcome)| (file, outcome)).collect::<Vec<_>>())
    })();
    let _ = std::fs::remove_dir_all(&staging);
    let outcomes = result?;
    Ok(planned
        .into_iter()
        .zip(outcomes)
        .map(|((_, imported, _), (file, outcome))| Written { file, outcome, imported })
        .collect())
}

/// `imported_from` → (file, what the publisher set there), for every article in the folder.
fn earlier_imports(content: &Path) -> HashMap<String, (PathBuf, Earlier)> {
    let mut found = HashMap::new();
    for file in markdown_files(content) {
        let Ok(text) = std::fs::read_to_string(&file) else { continue };
        let Ok(split) = front_matter::split(&text) else { continue };
        let Ok(earlier) = toml::from_str::<Earlier>(split.front_matter) else { continue };
        if let Some(source) = earlier.imported_from.clone() {
            found.insert(source, (file, earlier));
        }
    }
    found
}

fn existing_stems(content: &Path) -> HashSet<String> {
    markdown_files(content).iter().map(|f| f.file_stem().unwrap_or_default().to_string_lossy().into_owned()).collect()
}

fn markdown_files(content: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(content) else { return Vec::new() };
    entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "md")).collect()
}

/// The article as a Markdown file.
pub fn render(imported: &Imported, previous: Option<&(bool, Option<String>)>) -> String {
    let article = &imported.article;
    let (featured, label) = previous.cloned().unwrap_or((false, None));
    let front = NewFrontMatter {
        title: article.title.clone(),
        summary: article.summary.clone(),
        label: label.or(article.label.clone()),
        language: Some(article.language.clone()),
        published: article.published.as_rfc3339().to_owned(),
        updated: article.updated.as_ref().map(|u| u.as_rfc3339().to_owned()),
        authors: article
            .authors
            .iter()
            .map(|a| match &a.url {
                Some(url) => NewAuthor::Full { name: a.name.clone(), url: url.to_string() },
                None => NewAuthor::Name(a.name.clone()),
            })
            .collect(),
        tags: article.tags.clone(),
        featured,
        imported_from: Some(imported.source.clone()),
        lead_image: article.lead_image.as_ref().map(picture_entry),
        gallery: article.gallery.iter().map(picture_entry).collect(),
    };
    document(&front, &article.body)
}

fn picture_entry(image: &Image) -> PictureEntry {
    PictureEntry {
        src: toml::Spanned::new(0..0, image.src.to_string()),
        alt: image.alt.clone(),
        caption: Some(image.caption.to_markdown()).filter(|c| !c.is_empty()),
        credit: image.credit.clone(),
    }
}

/// The file reads back: front matter parses, the body has as many blocks as the article.
fn verify(text: &str) -> Result<(), String> {
    let split = front_matter::split(text)?;
    toml::from_str::<FrontMatter>(split.front_matter).map_err(|e| e.message().to_owned())?;
    let _ = body::read(split.body);
    Ok(())
}

/// Blocks an article would lose to the Markdown round trip (none, unless a writer bug): for tests.
pub fn body_round_trip(article: &Article) -> Vec<Block> {
    body::read(&crate::content::writer::markdown_body(&article.body)).blocks
}
