//! A figure: the image with its true size, and a caption with its credit.

use leptos::prelude::*;

use super::gallery::{image_name, open_from, open_image_label};
use super::{LightboxHandle, RichTextView};
use crate::model::Image;
use crate::strings::Strings;

/// `<figure>` with `<img alt width height srcset sizes>` and a `<figcaption>` (caption, then credit).
///
/// `position` is the image's 1-based place in the article, used to name an image without alt text.
/// The first figure loads eagerly (it is likely above the fold); the rest lazily. Inside an article
/// with a lightbox (a [`LightboxHandle`] in context) the picture is a button that opens it.
#[component]
pub fn FigureView(image: Image, position: usize, strings: &'static Strings) -> impl IntoView {
    let alt = image_name(strings, &image, position);
    let loading = if position == 1 { "eager" } else { "lazy" };
    let has_caption = !image.caption.is_empty() || image.credit.is_some();
    let caption = has_caption.then(|| {
        let credit = image.credit.clone().map(|credit| view! { <span class="figure-credit">{credit}</span> });
        view! {
            <figcaption>
                <span class="figure-caption"><RichTextView text=image.caption.clone()/></span>
                {credit}
            </figcaption>
        }
    });
    // Without a known size, a class (not an inline style: the CSP forbids those) keeps a 3:2 box.
    let class = if image.aspect_ratio().is_some() { "figure" } else { "figure figure-unsized" };
    let picture = view! {
        <img
            src=image.src.to_string()
            srcset=image.srcset_attr()
            sizes=image.sizes.clone()
            alt=alt
            width=image.width
            height=image.height
            loading=loading
            decoding="async"
        />
    };
    let picture = match use_context::<LightboxHandle>() {
        Some(handle) => {
            let label = open_image_label(strings, &image, position - 1, handle.len());
            view! {
                <button type="button" class="figure-open" aria-label=label data-image-index=position - 1 on:click=move |event| open_from(handle, position - 1, &event)>
                    {picture}
                </button>
            }
            .into_any()
        }
        None => picture.into_any(),
    };
    view! { <figure class=class>{picture} {caption}</figure> }
}
