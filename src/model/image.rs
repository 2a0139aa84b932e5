//! Images as an article carries them: figures in the body, the lead image and the gallery.

use serde::{Serialize, Serializer};

use super::{FormatError, Node, RichText, SafeUrl};

/// An image that passed the URL allow-list, ready to render. Serializes as in article files.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Image {
    pub src: SafeUrl,
    /// `None` when the author gave none; views then name the image by its place ("Image 2").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    #[serde(skip_serializing_if = "RichText::is_empty")]
    pub caption: RichText,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// Other widths of the same picture, for `srcset`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub srcset: Vec<ImageSource>,
    /// The `sizes` attribute that goes with `srcset`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sizes: Option<String>,
}

/// One width of an image, for `srcset`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ImageSource {
    pub src: SafeUrl,
    pub width: u32,
}

impl Image {
    /// `sizes` for a picture in the article's column (figures, the lead image), as the stylesheet
    /// lays it out: the column is 44rem wide from a 48rem viewport, else the whole width.
    pub const COLUMN_SIZES: &'static str = "(min-width: 48rem) 44rem, 100vw";
    /// `sizes` for a gallery thumbnail: two across on phones, 14rem from a 48rem viewport.
    pub const THUMBNAIL_SIZES: &'static str = "(min-width: 48rem) 14rem, 50vw";

    /// The image as a body block: `{ "type": "figure", …the image's fields }`.
    pub(crate) fn serialize_as_figure<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Figure<'a> {
            r#type: &'static str,
            #[serde(flatten)]
            image: &'a Image,
        }
        Figure { r#type: "figure", image: self }.serialize(serializer)
    }

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

/// Reads an image (a figure block, the lead image, a gallery item). Its URLs pass the allow-list: an
/// image whose `src` fails it is left out (`None`, with a warning naming the field), and so is any
/// `srcset` entry that fails it.
pub(crate) fn read_image(image: &Node, warnings: &mut Vec<String>) -> Result<Option<Image>, FormatError> {
    image.object()?;
    let raw_src = image.get("src").str()?;
    let srcset = image.get("srcset").list(|source| Ok((source.get("src").str()?, source.get("width").u32()?)))?;
    let caption = image.get("caption").opt_str()?.map(RichText::parse).unwrap_or_default();
    let (alt, credit, sizes) = (image.get("alt").opt_string()?, image.get("credit").opt_string()?, image.get("sizes").opt_string()?);
    let (width, height) = (image.get("width").opt_u32()?, image.get("height").opt_u32()?);
    let Some(src) = SafeUrl::parse(raw_src) else {
        warnings.push(format!("{}.src: the URL {raw_src:?} is not allowed; the image is left out", image.path()));
        return Ok(None);
    };
    let srcset = srcset
        .into_iter()
        .enumerate()
        .filter_map(|(i, (src, width))| match SafeUrl::parse(src) {
            Some(src) if width > 0 => Some(ImageSource { src, width }),
            _ => {
                warnings.push(format!("{}.srcset[{i}]: left out (URL not allowed or width 0)", image.path()));
                None
            }
        })
        .collect();
    let alt = alt.filter(|alt| !alt.trim().is_empty());
    if alt.is_none() {
        warnings.push(format!("{}.alt: missing; the image is named by its position", image.path()));
    }
    Ok(Some(Image {
        src,
        alt,
        caption,
        credit: credit.filter(|credit| !credit.trim().is_empty()),
        width: width.filter(|&w| w > 0),
        height: height.filter(|&h| h > 0),
        srcset,
        sizes,
    }))
}
