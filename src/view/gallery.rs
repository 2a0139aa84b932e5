//! The gallery section after the body: a grid of thumbnails, each a link to the full picture that,
//! with JavaScript, opens the lightbox instead (so the pictures can be seen without it, too).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::LightboxHandle;
use crate::model::Image;
use crate::strings::{fill, Strings};

/// What an image is called: its alt text, else "Image N" by its 1-based place in the article.
pub fn image_name(strings: &Strings, image: &Image, position: usize) -> String {
    image.alt.clone().unwrap_or_else(|| fill(strings.image_fallback_name, &[("n", &position.to_string())]))
}

/// The accessible name of anything that opens image `index` (0-based) of `total`.
pub fn open_image_label(strings: &Strings, image: &Image, index: usize, total: usize) -> String {
    let name = image_name(strings, image, index + 1);
    fill(strings.open_image, &[("n", &(index + 1).to_string()), ("total", &total.to_string()), ("name", &name)])
}

/// Opens the lightbox at `index` from the element that received `event` (instead of following it).
pub fn open_from(handle: LightboxHandle, index: usize, event: &web_sys::Event) {
    event.prevent_default();
    let opener = event.current_target().and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok());
    handle.open(index, opener);
}

/// The biggest version of an image: what a thumbnail links to.
pub fn full_size_url(image: &Image) -> String {
    image.srcset.iter().max_by_key(|s| s.width).map_or_else(|| image.src.to_string(), |s| s.src.to_string())
}

/// Thumbnails of `images`, which sit at `first_index..` in the article's image sequence.
/// Renders nothing for an empty gallery.
#[component]
pub fn Gallery(images: Vec<Image>, first_index: usize, handle: LightboxHandle, strings: &'static Strings) -> impl IntoView {
    if images.is_empty() {
        return None;
    }
    let total = handle.len();
    let thumbnails = images
        .into_iter()
        .enumerate()
        .map(|(i, image)| {
            let index = first_index + i;
            let label = open_image_label(strings, &image, index, total);
            let class = if image.aspect_ratio().is_some() { "gallery-thumb" } else { "gallery-thumb figure-unsized" };
            view! {
                <li class="gallery-item">
                    <a
                        href=full_size_url(&image)
                        class=class
                        aria-label=label
                        data-image-index=index
                        on:click=move |event| open_from(handle, index, &event)
                        on:keydown=move |event: leptos::ev::KeyboardEvent| {
                            // Links answer Enter; a thumbnail that acts as a button answers Space too.
                            if event.key() == " " {
                                open_from(handle, index, &event);
                            }
                        }
                    >
                        <img
                            src=image.src.to_string()
                            srcset=image.srcset_attr()
                            sizes=image.sizes.clone().unwrap_or_else(|| Image::THUMBNAIL_SIZES.into())
                            alt=""
                            width=image.width
                            height=image.height
                            loading="lazy"
                            decoding="async"
                        />
                    </a>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="gallery" aria-label=strings.gallery_heading>
            <h2 class="gallery-heading" lang=strings.language.tag()>{strings.gallery_heading}</h2>
            <ul class="gallery-grid">{thumbnails}</ul>
        </section>
    })
}
