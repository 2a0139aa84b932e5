//! The picture pipeline: each original in `content/images/` becomes WebP in the widths the pages
//! use (never larger than the original), upright (EXIF orientation applied), with no metadata at
//! all (no EXIF, GPS, XMP or colour profile), under a name that changes with its content. Results
//! are cached by the original's content, so an unchanged picture is not processed again; pictures
//! are processed in parallel on every core.

mod cache;
mod encode;

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

pub use encode::{probe, QUALITY};

/// The widths the pages ask for (`srcset`), in pixels: phones, the article column, the lightbox.
pub const WIDTHS: [u32; 3] = [480, 960, 1600];

/// One width of a processed picture, as a file in the output folder.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Variant {
    pub file_name: String,
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
}

/// An original and what became of it.
#[derive(Clone, Debug)]
pub struct Processed {
    pub original: PathBuf,
    pub original_bytes: u64,
    /// Narrowest first.
    pub variants: Vec<Variant>,
    /// True when the variants came from the cache.
    pub cached: bool,
    pub seconds: f64,
}

impl Processed {
    /// The variant for `src`: the widest up to the article column (960), else the narrowest.
    pub fn default_variant(&self) -> &Variant {
        self.variants.iter().rev().find(|v| v.width <= 960).unwrap_or(&self.variants[0])
    }

    pub fn output_bytes(&self) -> u64 {
        self.variants.iter().map(|v| v.bytes).sum()
    }
}

/// The widths to make of a picture `width` pixels wide: those of [`WIDTHS`] it is wider than, and
/// its own width in place of the ones it is not (so a 1200-pixel picture gives 480, 960, 1200).
pub fn widths_for(width: u32) -> Vec<u32> {
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|&w| w < width).collect();
    if widths.len() < WIDTHS.len() {
        widths.push(width);
    }
    widths
}

/// Processes every original (each once, however often it is used) into `out_dir`, in parallel.
/// Fails with every picture that could not be processed, each with its reason.
pub fn process_all(originals: &[PathBuf], cache_dir: &Path, out_dir: &Path) -> Result<Vec<Processed>, Vec<(PathBuf, String)>> {
    std::fs::create_dir_all(out_dir).map_err(|e| vec![(out_dir.to_owned(), e.to_string())])?;
    let results: Vec<_> = originals.par_iter().map(|original| (original, process(original, cache_dir, out_dir))).collect();
    let mut done = Vec::new();
    let mut failed = Vec::new();
    for (original, result) in results {
        match result {
            Ok(processed) => done.push(processed),
            Err(message) => failed.push((original.clone(), message)),
        }
    }
    if failed.is_empty() {
        Ok(done)
    } else {
        Err(failed)
    }
}

fn process(original: &Path, cache_dir: &Path, out_dir: &Path) -> Result<Processed, String> {
    let started = Instant::now();
    let bytes = std::fs::read(original).map_err(|e| e.to_string())?;
    let key = cache::key(&bytes);
    let (variants, cached) = match cache::lookup(cache_dir, &key) {
        Some(variants) => (variants, true),
        None => {
            let stem = stem_of(original);
            let encoded = encode::variants(&bytes, &stem)?;
            (cache::store(cache_dir, &key, &encoded)?, false)
        }
    };
    for variant in &variants {
        cache::copy_out(cache_dir, &key, &variant.file_name, out_dir)?;
    }
    Ok(Processed {
        original: original.to_owned(),
        original_bytes: bytes.len() as u64,
        variants,
        cached,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// The original's name as a safe file-name stem: `Photo 1 (Édith).JPG` → `photo-1-edith`.
fn stem_of(original: &Path) -> String {
    let stem = slug::slugify(original.file_stem().unwrap_or_default().to_string_lossy());
    let stem: String = stem.chars().take(60).collect();
    if stem.is_empty() {
        "picture".into()
    } else {
        stem.trim_end_matches('-').to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_upscales() {
        assert_eq!(widths_for(4000), vec![480, 960, 1600]);
        assert_eq!(widths_for(1600), vec![480, 960, 1600]);
        assert_eq!(widths_for(1200), vec![480, 960, 1200]);
        assert_eq!(widths_for(960), vec![480, 960]);
        assert_eq!(widths_for(700), vec![480, 700]);
        assert_eq!(widths_for(300), vec![300]);
    }

    #[test]
    fn names_are_safe() {
        assert_eq!(stem_of(Path::new("a/Photo 1 (Édith).JPG")), "photo-1-edith");
        assert_eq!(stem_of(Path::new("a/日本.png")), "ri-ben");
        assert_eq!(stem_of(Path::new("a/....png")), "picture");
    }
}
