//! `import --download`: an imported article's remote pictures fetched into `content/images/`, so
//! the picture pipeline takes them over (sizes, widths, no metadata). A picture that cannot be
//! fetched stays at its address, and the author is told.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use broadsheet::model::{Block, Image, SafeUrl};
use sha2::{Digest, Sha256};

use super::Imported;

/// The largest picture fetched.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Fetches the article's remote pictures into `staging` (moved to `images` once the whole import
/// is ready) and points the article at them. Returns `(staged file, final file)` pairs.
pub fn download_pictures(imported: &mut Imported, images: &Path, staging: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut moves = Vec::new();
    let mut notes = Vec::new();
    let mut fetch = |image: &mut Image| {
        let url = image.src.to_string();
        if image.src.is_relative() || !url.to_ascii_lowercase().starts_with("http") {
            return;
        }
        let name = file_name(&url);
        let target = images.join(&name);
        let staged = staging.join(&name);
        if !target.exists() && !staged.exists() {
            match fetch(&url) {
                Ok(bytes) => {
                    if let Err(e) = std::fs::create_dir_all(staging).and_then(|_| std::fs::write(&staged, bytes)) {
                        notes.push(format!("picture {url} not downloaded ({e}): left at its address"));
                        return;
                    }
                    moves.push((staged, target));
                }
                Err(reason) => {
                    notes.push(format!("picture {url} not downloaded ({reason}): left at its address"));
                    return;
                }
            }
        }
        image.src = SafeUrl::parse(&format!("images/{name}")).expect("a relative path is allowed");
    };
    let article = &mut imported.article;
    if let Some(image) = &mut article.lead_image {
        fetch(image);
    }
    for block in &mut article.body {
        if let Block::Figure(image) = block {
            fetch(image);
        }
    }
    for image in &mut article.gallery {
        fetch(image);
    }
    imported.notes.extend(notes);
    moves
}

/// `https://e.example/wp-content/uploads/2020/08/Ceremony Photo.JPG?x=1` →
/// `ceremony-photo-1a2b3c4d.jpg`: readable, and the same for the same address on every import.
fn file_name(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let last = path.rsplit('/').next().unwrap_or_default();
    let last = super::percent_decode(last);
    let (stem, extension) = match last.rsplit_once('.') {
        Some((stem, ext)) if (1..=5).contains(&ext.len()) && ext.chars().all(|c| c.is_ascii_alphanumeric()) => (stem.to_owned(), ext.to_ascii_lowercase()),
        _ => (last.clone(), "img".to_owned()),
    };
    let stem: String = slug::slugify(stem).chars().take(60).collect();
    let stem = if stem.is_empty() { "picture".to_owned() } else { stem };
    let hash: String = Sha256::digest(url.as_bytes()).iter().take(4).map(|b| format!("{b:02x}")).collect();
    format!("{stem}-{hash}.{extension}")
}

fn fetch(url: &str) -> Result<Vec<u8>, String> {
    let agent: ureq::Agent = ureq::Agent::config_builder().timeout_global(Some(Duration::from_secs(30))).build().into();
    let mut response = agent.get(url).call().map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    response.body_mut().as_reader().take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!("larger than {} MB", MAX_BYTES / 1024 / 1024));
    }
    image::guess_format(&bytes).map_err(|_| "not a picture".to_string())?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_readable_and_stable() {
        let a = file_name("https://e.example/wp-content/uploads/2020/08/Ceremony%20Photo.JPG?x=1");
        assert!(a.starts_with("ceremony-photo-") && a.ends_with(".jpg"), "{a}");
        assert_eq!(a, file_name("https://e.example/wp-content/uploads/2020/08/Ceremony%20Photo.JPG?x=1"));
        assert_ne!(a, file_name("https://e.example/other/Ceremony%20Photo.JPG"));
        assert!(file_name("https://e.example/").starts_with("picture-"));
    }
}
