//! The picture cache: the variants of each original, kept under a key made from the original's
//! bytes and the pipeline's settings, so that a build only processes pictures that changed.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::encode::{Encoded, QUALITY};
use super::{Variant, WIDTHS};

/// Bump when the output of the pipeline changes for the same input (resampling, encoder…).
const PIPELINE: &str = "broadsheet-pictures-1";

pub fn key(original: &[u8]) -> String {
    let mut hash = Sha256::new();
    hash.update(PIPELINE.as_bytes());
    hash.update(format!("{WIDTHS:?} q{QUALITY}").as_bytes());
    hash.update(original);
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn entry(cache_dir: &Path, key: &str) -> PathBuf {
    cache_dir.join(&key[..2]).join(key)
}

/// The variants stored for `key`, when they are all there.
pub fn lookup(cache_dir: &Path, key: &str) -> Option<Vec<Variant>> {
    let dir = entry(cache_dir, key);
    let manifest = std::fs::read_to_string(dir.join("manifest.json")).ok()?;
    let variants: Vec<Variant> = serde_json::from_str(&manifest).ok()?;
    let complete = variants.iter().all(|v| std::fs::metadata(dir.join(&v.file_name)).is_ok_and(|m| m.len() == v.bytes));
    complete.then_some(variants)
}

/// Stores freshly encoded variants. The entry appears whole or not at all (written aside, then
/// renamed), so an interrupted build never leaves a half entry that a later one would trust.
pub fn store(cache_dir: &Path, key: &str, encoded: &[Encoded]) -> Result<Vec<Variant>, String> {
    let dir = entry(cache_dir, key);
    let parent = dir.parent().expect("entries live in a folder");
    std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    let staging = parent.join(format!(".{key}.{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging).map_err(|e| format!("{}: {e}", staging.display()))?;
    let variants: Vec<Variant> = encoded
        .iter()
        .map(|e| Variant { file_name: e.file_name.clone(), width: e.width, height: e.height, bytes: e.webp.len() as u64 })
        .collect();
    for e in encoded {
        std::fs::write(staging.join(&e.file_name), &e.webp).map_err(|err| format!("{}: {err}", staging.display()))?;
    }
    let manifest = serde_json::to_string_pretty(&variants).expect("variants serialize");
    std::fs::write(staging.join("manifest.json"), manifest).map_err(|e| format!("{}: {e}", staging.display()))?;
    let _ = std::fs::remove_dir_all(&dir);
    if std::fs::rename(&staging, &dir).is_err() {
        // Another build stored the same picture meanwhile: theirs is as good as ours.
        let _ = std::fs::remove_dir_all(&staging);
    }
    Ok(variants)
}

/// Puts a cached variant in the output folder: a hard link when possible, else a copy.
pub fn copy_out(cache_dir: &Path, key: &str, file_name: &str, out_dir: &Path) -> Result<(), String> {
    let from = entry(cache_dir, key).join(file_name);
    let to = out_dir.join(file_name);
    if to.exists() {
        return Ok(());
    }
    if std::fs::hard_link(&from, &to).is_err() {
        std::fs::copy(&from, &to).map_err(|e| format!("{}: {e}", to.display()))?;
    }
    Ok(())
}
