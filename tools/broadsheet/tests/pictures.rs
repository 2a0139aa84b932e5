//! The picture pipeline: widths (never upscaled), true sizes, EXIF orientation applied, all
//! metadata gone (GPS above all), colour profiles made sRGB, content-hashed names, the cache.

mod common;

use broadsheet_cli::pictures::{self, process_all};
use common::{jpeg, png_with_alpha, webp_chunks, with_exif, Site, CAMERA_MAKE};
use image::GenericImageView;

fn decode(path: &std::path::Path) -> image::DynamicImage {
    image::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_width_the_pages_use_never_wider_than_the_original_with_true_sizes() {
    let site = Site::new();
    let big = site.picture("big.jpg", &jpeg(2000, 1000));
    let mid = site.picture("mid.jpg", &jpeg(1200, 900));
    let small = site.picture("small.jpg", &jpeg(300, 200));
    let done = process_all(&[big.clone(), mid.clone(), small.clone()], &site.cache(), &site.dist()).unwrap();
    let widths = |original: &std::path::Path| -> Vec<(u32, u32)> {
        done.iter().find(|p| p.original == original).unwrap().variants.iter().map(|v| (v.width, v.height)).collect()
    };
    assert_eq!(widths(&big), [(480, 240), (960, 480), (1600, 800)]);
    assert_eq!(widths(&mid), [(480, 360), (960, 720), (1200, 900)]);
    assert_eq!(widths(&small), [(300, 200)]);
    for processed in &done {
        for variant in &processed.variants {
            let file = site.dist().join(&variant.file_name);
            let picture = decode(&file);
            assert_eq!(picture.dimensions(), (variant.width, variant.height), "{}", variant.file_name);
            assert_eq!(std::fs::metadata(&file).unwrap().len(), variant.bytes);
            assert!(variant.file_name.ends_with(".webp"));
        }
        assert!(processed.default_variant().width <= 960);
    }
}

#[test]
fn exif_orientation_is_applied_to_the_pixels() {
    let site = Site::new();
    // 40x20, red on the left; "rotate 90° clockwise to display" (orientation 6).
    let rotated = site.picture("phone.jpg", &with_exif(&jpeg(40, 20), 6));
    let done = process_all(&[rotated], &site.cache(), &site.dist()).unwrap();
    let variant = &done[0].variants[0];
    assert_eq!((variant.width, variant.height), (20, 40), "upright: taller than wide");
    let picture = decode(&site.dist().join(&variant.file_name)).to_rgb8();
    let top = picture.get_pixel(10, 5);
    let bottom = picture.get_pixel(10, 34);
    assert!(top[0] > 150 && top[2] < 100, "the left (red) half is now on top: {top:?}");
    assert!(bottom[2] > 150 && bottom[0] < 100, "the right (blue) half is now at the bottom: {bottom:?}");
}

#[test]
fn all_metadata_is_stripped_gps_above_all() {
    let site = Site::new();
    let original_bytes = with_exif(&jpeg(1000, 700), 1);
    // The test picture really carries what must go.
    assert!(original_bytes.windows(CAMERA_MAKE.len()).any(|w| w == CAMERA_MAKE.as_bytes()));
    let original = site.picture("gps.jpg", &original_bytes);
    let done = process_all(&[original], &site.cache(), &site.dist()).unwrap();
    for variant in &done[0].variants {
        let bytes = std::fs::read(site.dist().join(&variant.file_name)).unwrap();
        let chunks = webp_chunks(&bytes);
        assert!(chunks.iter().all(|c| matches!(c.as_str(), "VP8 " | "VP8L" | "VP8X" | "ALPH")), "{chunks:?}");
        for needle in [b"Exif".as_slice(), b"EXIF", b"XMP", b"ICCP", CAMERA_MAKE.as_bytes()] {
            assert!(!bytes.windows(needle.len()).any(|w| w == needle), "{} holds {:?}", variant.file_name, String::from_utf8_lossy(needle));
        }
        // Nothing left for a reader of EXIF to find.
        let mut decoder = image::ImageReader::new(std::io::Cursor::new(&bytes)).with_guessed_format().unwrap().into_decoder().unwrap();
        use image::ImageDecoder;
        assert_eq!(decoder.exif_metadata().unwrap(), None);
        assert_eq!(decoder.icc_profile().unwrap(), None);
    }
}

#[test]
fn a_wide_gamut_picture_is_converted_to_srgb_before_its_profile_goes() {
    use image::ImageEncoder;
    let site = Site::new();
    // A pure Display P3 red, which sRGB can only approach: read without its profile, as sRGB, it
    // would be (255, 0, 0); converted, it is clipped to sRGB's most saturated red but its profile
    // is applied (green and blue channels stay near zero, the red is 255).
    let p3 = moxcms::ColorProfile::new_display_p3().encode().unwrap();
    let pixels = image::RgbImage::from_pixel(64, 64, image::Rgb([200, 120, 60]));
    let mut png = Vec::new();
    let mut encoder = image::codecs::png::PngEncoder::new(&mut png);
    encoder.set_icc_profile(p3).unwrap();
    encoder.write_image(pixels.as_raw(), 64, 64, image::ExtendedColorType::Rgb8).unwrap();
    let original = site.picture("p3.png", &png);
    let done = process_all(&[original], &site.cache(), &site.dist()).unwrap();
    let out = decode(&site.dist().join(&done[0].variants[0].file_name)).to_rgb8();
    let pixel = out.get_pixel(32, 32);
    // The same numbers in P3 are a more saturated colour than in sRGB: converted, red goes up
    // and blue goes down.
    assert!(pixel[0] > 205 && pixel[2] < 55, "P3 (200, 120, 60) should become a more saturated sRGB colour, got {pixel:?}");
}

#[test]
fn transparency_is_kept() {
    let site = Site::new();
    let original = site.picture("logo.png", &png_with_alpha(64, 32));
    let done = process_all(&[original], &site.cache(), &site.dist()).unwrap();
    let out = decode(&site.dist().join(&done[0].variants[0].file_name)).to_rgba8();
    assert!(out.get_pixel(5, 16)[3] < 20 && out.get_pixel(60, 16)[3] > 235);
}

#[test]
fn names_change_with_the_content_and_unchanged_pictures_come_from_the_cache() {
    let site = Site::new();
    let original = site.picture("photo.jpg", &jpeg(800, 600));
    let first = process_all(&[original.clone()], &site.cache(), &site.dist()).unwrap();
    assert!(!first[0].cached);
    let names: Vec<_> = first[0].variants.iter().map(|v| v.file_name.clone()).collect();
    assert!(names.iter().all(|n| n.starts_with("photo-") && n.matches('.').count() == 2), "{names:?}");

    let again_dist = site.dir.path().join("dist-2");
    let second = process_all(&[original.clone()], &site.cache(), &again_dist).unwrap();
    assert!(second[0].cached, "an unchanged picture is not processed again");
    assert_eq!(second[0].variants, first[0].variants);
    assert!(names.iter().all(|n| again_dist.join(n).exists()));

    std::fs::write(&original, jpeg(800, 601)).unwrap();
    let third = process_all(&[original], &site.cache(), &again_dist).unwrap();
    assert!(!third[0].cached, "a changed picture is processed again");
    assert_ne!(third[0].variants[0].file_name, names[0], "and gets new names");
}

#[test]
fn broken_pictures_are_named_and_stop_nothing_else() {
    let site = Site::new();
    let good = site.picture("good.jpg", &jpeg(100, 100));
    let truncated = site.picture("truncated.jpg", &jpeg(100, 100)[..200]);
    let text = site.picture("text.jpg", b"hello");
    let failed = process_all(&[good, truncated.clone(), text.clone()], &site.cache(), &site.dist()).unwrap_err();
    let names: Vec<_> = failed.iter().map(|(path, _)| path.clone()).collect();
    assert_eq!(names, [truncated.clone(), text.clone()]);
    assert!(pictures::probe(&text).unwrap_err().contains("not a readable picture"));
}
