//! Helpers the native tests share: a content folder in a temporary directory, pictures with EXIF
//! metadata, the shared hostile corpus.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use image::{ImageEncoder, Rgb, RgbImage};

/// Every payload of `../shared/corpus/xss-vectors.json`.
pub fn corpus() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/xss-vectors.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e} (the shared corpus sits beside the repository)"));
    let vectors: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    assert!(vectors.len() >= 200);
    vectors.iter().map(|v| v["payload"].as_str().unwrap().to_owned()).collect()
}

pub fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path)
}

/// A content folder with `images/`, in a fresh temporary directory.
pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    pub fn new() -> Site {
        let site = Site { dir: tempfile::tempdir().unwrap() };
        std::fs::create_dir_all(site.content().join("images")).unwrap();
        site
    }

    pub fn content(&self) -> PathBuf {
        self.dir.path().join("content")
    }

    pub fn dist(&self) -> PathBuf {
        self.dir.path().join("dist")
    }

    pub fn cache(&self) -> PathBuf {
        self.dir.path().join("cache")
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.content().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    pub fn picture(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.content().join("images").join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

/// A JPEG `width`×`height`, left half red and right half blue.
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let picture = RgbImage::from_fn(width, height, |x, _| if x < width / 2 { Rgb([220, 30, 30]) } else { Rgb([30, 30, 220]) });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(picture.as_raw(), width, height, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// A PNG with transparency.
pub fn png_with_alpha(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbaImage::from_fn(width, height, |x, _| image::Rgba([0, 128, 0, if x < width / 2 { 0 } else { 255 }]));
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out).write_image(picture.as_raw(), width, height, image::ExtendedColorType::Rgba8).unwrap();
    out
}

/// The camera make written into [`with_exif`] pictures; it must not survive processing.
pub const CAMERA_MAKE: &str = "BroadsheetTestCam";

/// `jpeg` with an EXIF block (APP1) giving `orientation`, a camera make and a GPS position
/// (55°45'N, 37°37'E), as a phone writes it.
pub fn with_exif(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    // A little-endian TIFF structure: IFD0 (Make, Orientation, GPS pointer), then the GPS IFD.
    let mut tiff: Vec<u8> = b"II\x2a\x00\x08\x00\x00\x00".to_vec();
    let make = format!("{CAMERA_MAKE}\0");
    let ifd0_entries = 3u16;
    let ifd0_size = 2 + 12 * ifd0_entries as u32 + 4;
    let make_offset = 8 + ifd0_size;
    let gps_offset = make_offset + make.len() as u32;
    let entry = |tag: u16, kind: u16, count: u32, value: u32| {
        let mut e = Vec::new();
        e.extend(tag.to_le_bytes());
        e.extend(kind.to_le_bytes());
        e.extend(count.to_le_bytes());
        e.extend(value.to_le_bytes());
        e
    };
    tiff.extend(ifd0_entries.to_le_bytes());
    tiff.extend(entry(0x010f, 2, make.len() as u32, make_offset));
    tiff.extend(entry(0x0112, 3, 1, u32::from(orientation)));
    tiff.extend(entry(0x8825, 4, 1, gps_offset));
    tiff.extend(0u32.to_le_bytes());
    tiff.extend(make.as_bytes());
    // GPS IFD: latitude ref, latitude, longitude ref, longitude.
    let gps_entries = 4u16;
    let gps_size = 2 + 12 * gps_entries as u32 + 4;
    let lat_offset = gps_offset + gps_size;
    let lon_offset = lat_offset + 24;
    tiff.extend(gps_entries.to_le_bytes());
    tiff.extend(entry(0x0001, 2, 2, u32::from_le_bytes(*b"N\0\0\0")));
    tiff.extend(entry(0x0002, 5, 3, lat_offset));
    tiff.extend(entry(0x0003, 2, 2, u32::from_le_bytes(*b"E\0\0\0")));
    tiff.extend(entry(0x0004, 5, 3, lon_offset));
    tiff.extend(0u32.to_le_bytes());
    for (degrees, minutes) in [(55u32, 45u32), (37, 37)] {
        for (n, d) in [(degrees, 1u32), (minutes, 1), (0, 1)] {
            tiff.extend(n.to_le_bytes());
            tiff.extend(d.to_le_bytes());
        }
    }
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let mut out = jpeg[..2].to_vec(); // SOI
    out.extend([0xff, 0xe1]);
    out.extend(((app1.len() + 2) as u16).to_be_bytes());
    out.extend(app1);
    out.extend(&jpeg[2..]);
    out
}

/// The chunk names of a RIFF/WebP file: `VP8 `, `VP8L`, `VP8X`, `ALPH`, `EXIF`, `XMP `, `ICCP`…
pub fn webp_chunks(bytes: &[u8]) -> Vec<String> {
    assert_eq!(&bytes[..4], b"RIFF");
    assert_eq!(&bytes[8..12], b"WEBP");
    let mut chunks = Vec::new();
    let mut at = 12;
    while at + 8 <= bytes.len() {
        chunks.push(String::from_utf8_lossy(&bytes[at..at + 4]).into_owned());
        let size = u32::from_le_bytes(bytes[at + 4..at + 8].try_into().unwrap()) as usize;
        at += 8 + size + (size & 1);
    }
    chunks
}

/// The site's config for tests: English.
pub fn site_config() -> broadsheet_cli::config::SiteConfig {
    broadsheet_cli::config::SiteConfig::default()
}

/// Imports with the library, as `broadsheet import` does; returns what was written.
pub fn import_into(
    site: &Site,
    read: fn(&Path, &broadsheet_cli::config::SiteConfig) -> Result<broadsheet_cli::import::ImportBatch, broadsheet_cli::import::ImportError>,
    file: &Path,
    download: bool,
) -> Result<(Vec<broadsheet_cli::import::write::Written>, Vec<String>), broadsheet_cli::import::ImportError> {
    let batch = read(file, &site_config())?.accept(false)?;
    let skipped = batch.skipped.clone();
    let options = broadsheet_cli::import::write::WriteOptions { content: &site.content(), download, input: file };
    Ok((broadsheet_cli::import::write::write_all(batch, &options)?, skipped))
}

/// The articles of the content folder, by slug, after checking that none has an error.
pub fn articles(site: &Site) -> std::collections::BTreeMap<String, broadsheet_cli::content::ContentArticle> {
    let loaded = broadsheet_cli::content::load(&site.content(), &site_config()).unwrap();
    let errors: Vec<String> = loaded.problems.iter().filter(|p| p.is_error()).map(|p| p.to_string()).collect();
    assert!(errors.is_empty(), "imported articles must pass check:\n{}", errors.join("\n"));
    loaded.articles.into_iter().map(|a| (a.article.slug.clone(), a)).collect()
}

/// Every file under `dir`, relative, sorted: to see that a failed import wrote nothing.
pub fn listing(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, base, out);
            }
            out.push(path.strip_prefix(base).unwrap().display().to_string());
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Renders the article as the pre-rendered page does and checks that nothing in it can run:
/// no script, style, frame, object or form element (comments are off: their form is ours), no
/// event handler attribute, no URL outside
/// the allow-list in href or src.
pub fn assert_renders_safely(article: &broadsheet::model::Article) {
    // Comments off: the comment form is ours, not the article's.
    let config = broadsheet::config::Config::default().with_comments(broadsheet::config::CommentsConfig::Off);
    let html = broadsheet::prerender::article_html(article.clone(), None, config);
    let document = scraper::Html::parse_fragment(&html);
    for node in document.tree.nodes() {
        let Some(element) = node.value().as_element() else { continue };
        let name = element.name();
        assert!(
            !["script", "style", "iframe", "frame", "object", "embed", "form", "input", "base", "meta", "link", "svg", "math", "template"].contains(&name),
            "<{name}> in the rendered article {}",
            article.slug
        );
        for (attribute, value) in element.attrs() {
            assert!(!attribute.starts_with("on"), "{attribute}={value:?} on <{name}> in {}", article.slug);
            if ["href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "data"].contains(&attribute) {
                // srcset is a list of "url width"; every other one is one URL.
                let urls: Vec<&str> = if attribute == "srcset" {
                    value.split(", ").map(|part| part.trim().split(' ').next().unwrap_or_default()).collect()
                } else {
                    vec![value]
                };
                for url in urls {
                    let lower: String = url.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_ascii_lowercase();
                    assert!(
                        !(lower.starts_with("javascript:") || lower.starts_with("data:") || lower.starts_with("vbscript:")),
                        "{attribute}={value:?} on <{name}> in {}",
                        article.slug
                    );
                    if !url.is_empty() {
                        assert!(broadsheet::model::SafeUrl::parse(url).is_some(), "{attribute}={value:?} fails the allow-list");
                    }
                }
            }
        }
    }
}
