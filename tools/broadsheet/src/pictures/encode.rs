//! Decoding an original (upright, per its EXIF orientation, in sRGB), resizing it and encoding
//! lossy WebP.

use std::io::Cursor;

use fast_image_resize::images::Image as Pixels;
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::{DynamicImage, ImageDecoder, ImageReader, Limits};
use sha2::{Digest, Sha256};

use super::widths_for;

/// libwebp's quality (0–100) for every width: its default, visually clean for photographs.
pub const QUALITY: f32 = 75.0;
/// libwebp's effort (0–6): 4 is its default trade between time and size.
const METHOD: i32 = 4;
/// The largest original accepted, in pixels per side (a decompression bomb is refused early).
const MAX_SIDE: u32 = 16_384;

/// A width of the picture, encoded, not yet written anywhere.
pub struct Encoded {
    pub file_name: String,
    pub width: u32,
    pub height: u32,
    pub webp: Vec<u8>,
}

/// The picture's size and format, read from its header only: for `broadsheet check`.
pub fn probe(path: &std::path::Path) -> Result<(u32, u32), String> {
    let reader = ImageReader::open(path).map_err(|e| e.to_string())?.with_guessed_format().map_err(|e| e.to_string())?;
    if reader.format().is_none() {
        return Err("not a picture Broadsheet can read (JPEG, PNG, WebP or GIF)".into());
    }
    reader.into_dimensions().map_err(|e| format!("not a readable picture ({e})"))
}

fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits
}

/// Decodes `bytes` upright: the EXIF orientation (a phone's "rotate 90°") is applied to the pixels.
pub fn decode_upright(bytes: &[u8]) -> Result<DynamicImage, String> {
    let mut reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format().map_err(|e| e.to_string())?;
    if reader.format().is_none() {
        return Err("not a picture Broadsheet can read (JPEG, PNG, WebP or GIF)".into());
    }
    reader.limits(limits());
    let mut decoder = reader.into_decoder().map_err(|e| format!("cannot be decoded ({e})"))?;
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let icc = decoder.icc_profile().ok().flatten();
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|e| format!("cannot be decoded ({e})"))?;
    picture.apply_orientation(orientation);
    if let Some(icc) = icc {
        picture = to_srgb(picture, &icc);
    }
    Ok(picture)
}

/// The picture's colours in sRGB, the colour space the web assumes once the profile is gone (a
/// Display P3 photo shown as sRGB looks dull). A profile that cannot be read, or that does not
/// describe RGB (a CMYK profile, whose pixels the decoder has already made RGB), is ignored.
fn to_srgb(picture: DynamicImage, icc: &[u8]) -> DynamicImage {
    use moxcms::{ColorProfile, Layout, TransformOptions};
    let Ok(source) = ColorProfile::new_from_slice(icc) else { return picture };
    let srgb = ColorProfile::new_srgb();
    let has_alpha = picture.color().has_alpha();
    let layout = if has_alpha { Layout::Rgba } else { Layout::Rgb };
    let Ok(transform) = source.create_transform_8bit(layout, &srgb, layout, TransformOptions::default()) else { return picture };
    let (width, height) = (picture.width(), picture.height());
    if has_alpha {
        let pixels = picture.into_rgba8();
        let mut out = vec![0; pixels.as_raw().len()];
        match transform.transform(pixels.as_raw(), &mut out) {
            Ok(()) => image::RgbaImage::from_raw(width, height, out).map(DynamicImage::ImageRgba8).unwrap_or(DynamicImage::ImageRgba8(pixels)),
            Err(_) => DynamicImage::ImageRgba8(pixels),
        }
    } else {
        let pixels = picture.into_rgb8();
        let mut out = vec![0; pixels.as_raw().len()];
        match transform.transform(pixels.as_raw(), &mut out) {
            Ok(()) => image::RgbImage::from_raw(width, height, out).map(DynamicImage::ImageRgb8).unwrap_or(DynamicImage::ImageRgb8(pixels)),
            Err(_) => DynamicImage::ImageRgb8(pixels),
        }
    }
}

/// Every width of the picture as WebP, narrowest first, named `<stem>-<width>.<hash>.webp`.
pub fn variants(bytes: &[u8], stem: &str) -> Result<Vec<Encoded>, String> {
    let picture = decode_upright(bytes)?;
    let (width, height) = (picture.width(), picture.height());
    if width == 0 || height == 0 {
        return Err("the picture is empty (0 pixels)".into());
    }
    // Only the pixels go on: nothing of the original's metadata is carried into the new file.
    let (pixels, pixel_type, has_alpha) = if picture.color().has_alpha() {
        (picture.into_rgba8().into_raw(), PixelType::U8x4, true)
    } else {
        (picture.into_rgb8().into_raw(), PixelType::U8x3, false)
    };
    let source = Pixels::from_vec_u8(width, height, pixels, pixel_type).map_err(|e| e.to_string())?;
    let mut resizer = Resizer::new();
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    widths_for(width)
        .into_iter()
        .map(|target_width| {
            let target_height = ((u64::from(height) * u64::from(target_width) + u64::from(width) / 2) / u64::from(width)).max(1) as u32;
            let resized;
            let buffer = if target_width == width {
                source.buffer()
            } else {
                let mut out = Pixels::new(target_width, target_height, pixel_type);
                resizer.resize(&source, &mut out, &options).map_err(|e| e.to_string())?;
                resized = out;
                resized.buffer()
            };
            let webp = encode_webp(buffer, target_width, target_height, has_alpha)?;
            let hash = Sha256::digest(&webp);
            let hash: String = hash.iter().take(5).map(|b| format!("{b:02x}")).collect();
            Ok(Encoded { file_name: format!("{stem}-{target_width}.{hash}.webp"), width: target_width, height: target_height, webp })
        })
        .collect()
}

fn encode_webp(pixels: &[u8], width: u32, height: u32, has_alpha: bool) -> Result<Vec<u8>, String> {
    let encoder = if has_alpha { webp::Encoder::from_rgba(pixels, width, height) } else { webp::Encoder::from_rgb(pixels, width, height) };
    let mut config = webp::WebPConfig::new().map_err(|_| "libwebp could not be set up".to_string())?;
    config.quality = QUALITY;
    config.method = METHOD;
    config.alpha_compression = 1;
    let memory = encoder.encode_advanced(&config).map_err(|e| format!("WebP encoding failed ({e:?})"))?;
    Ok(memory.to_vec())
}
