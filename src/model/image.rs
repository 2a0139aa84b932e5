//! Images as an article carries them: figures in the body, the lead image and the gallery.

use serde::{Deserialize, Serialize};

use super::{RichText, SafeUrl};

/// An image that passed the URL allow-list, ready to render.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Image {
    pub src: SafeUrl,
    /// `None` when the author gave none; views then name the image by its place ("Image 2").
    pub alt: Option<String>,
    pub caption: RichText,
    pub credit: Option<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// Other widths of the same picture, for `srcset`.
    pub srcset: Vec<ImageSource>,
    /// The `sizes` attribute that goes with `srcset`.
    pub sizes: Option<String>,
}

/// One width of an image, for `srcset`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImageSource {
    pub src: SafeUrl,
    pub width: u32,
}

impl Image {
    /// The `srcset` attribute value, or `None` when there are no alternative widths.
    pub fn srcset_attr(&self) -> Option<String> {
        (!self.srcset.is_empty()).then(|| {
            self.srcset
                .iter()
                .map(|source| format!("{} {}w", source.src, source.width))
                .collect::<Vec<_>>()
                .join(", ")
        })
    }

    /// Makes the image's relative URLs absolute (see [`SafeUrl::resolved`]).
    pub fn resolve_urls(&mut self, resolve: &dyn Fn(&str) -> Option<String>) {
        self.src = self.src.resolved(resolve);
        for source in &mut self.srcset {
            source.src = source.src.resolved(resolve);
        }
        self.caption.resolve_links(resolve);
    }

    /// Width over height, when both are known and sensible.
    pub fn aspect_ratio(&self) -> Option<f64> {
        match (self.width, self.height) {
            (Some(w), Some(h)) if w > 0 && h > 0 => Some(f64::from(w) / f64::from(h)),
            _ => None,
        }
    }
}

/// An image as written in the file: URLs not yet checked.
#[derive(Deserialize)]
pub(crate) struct ImageFile {
    src: String,
    #[serde(default)]
    alt: Option<String>,
    #[serde(default)]
    caption: Option<RichText>,
    #[serde(default)]
    credit: Option<String>,
    #[serde(default)]
    width: Option<u32>,
    #[serde(default)]
    height: Option<u32>,
    #[serde(default)]
    srcset: Vec<ImageSourceFile>,
    #[serde(default)]
    sizes: Option<String>,
}

#[derive(Deserialize)]
struct ImageSourceFile {
    src: String,
    width: u32,
}

impl ImageFile {
    /// Checks every URL: an image whose `src` fails the allow-list is dropped (with a warning naming
    /// `field`), and so is any `srcset` entry that fails it.
    pub(crate) fn check(self, field: &str, warnings: &mut Vec<String>) -> Option<Image> {
        let Some(src) = SafeUrl::parse(&self.src) else {
            warnings.push(format!("{field}.src: the URL {:?} is not allowed; the image is left out", self.src));
            return None;
        };
        let srcset = self
            .srcset
            .into_iter()
            .enumerate()
            .filter_map(|(i, source)| match SafeUrl::parse(&source.src) {
                Some(src) if source.width > 0 => Some(ImageSource { src, width: source.width }),
                _ => {
                    warnings.push(format!("{field}.srcset[{i}]: left out (URL not allowed or width 0)"));
                    None
                }
            })
            .collect();
        let alt = self.alt.filter(|alt| !alt.trim().is_empty());
        if alt.is_none() {
            warnings.push(format!("{field}.alt: missing; the image is named by its position"));
        }
        Some(Image {
            src,
            alt,
            caption: self.caption.unwrap_or_default(),
            credit: self.credit.filter(|credit| !credit.trim().is_empty()),
            width: self.width.filter(|&w| w > 0),
            height: self.height.filter(|&h| h > 0),
            srcset,
            sizes: self.sizes,
        })
    }
}
