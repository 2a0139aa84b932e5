//! The lightbox: a native modal `<dialog>` (page behind inert, focus kept inside) showing one image
//! of the article's sequence large, with Previous/Next/Close, a counter, the caption, keyboard,
//! swipe, zoom and the `#image-<n>` deep link. Everything it touches is reached through node refs,
//! so it works inside a shadow root. Opened through a [`LightboxHandle`]; in the release build it is
//! its own WebAssembly chunk, loaded when a reader is about to open a picture (see `view::lazy`).

use leptos::ev;
use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlImageElement;

use super::gallery::image_name;
use super::{LightboxHandle, RichTextView};
use crate::gesture::{Gesture, Gestures};
use crate::model::{GalleryPosition, Image};
use crate::strings::Strings;

/// Where an image is loaded into the stage.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Loading {
    Pending,
    Loaded,
    Failed,
}

/// The dialog itself. Renders nothing visible until opened through `handle`.
#[component]
pub fn Lightbox(
    images: Vec<Image>,
    handle: LightboxHandle,
    strings: &'static Strings,
    /// Unique within the page (the article's slug), for the dialog's label ids.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let images = StoredValue::new(images);
    let dialog = NodeRef::<Dialog>::new();
    let caption_id = format!("lightbox-caption-{id}");
    let (loading, set_loading) = signal((usize::MAX, Loading::Pending));
    let gestures = StoredValue::new(Gestures::default());
    let (zoom, set_zoom) = signal(gestures.with_value(Gestures::zoom));
    let preloaded = StoredValue::new_local(Vec::<HtmlImageElement>::new());

    let go = move |at: GalleryPosition| {
        gestures.update_value(Gestures::reset);
        set_zoom.set(gestures.with_value(Gestures::zoom));
        handle.show(at);
    };
    let step = move |mv: fn(GalleryPosition) -> GalleryPosition| {
        if let Some(at) = handle.position_untracked() {
            go(mv(at));
        }
    };

    // The dialog follows the state: showModal() makes the page inert and moves focus inside;
    // closing gives the focus back to what opened it.
    Effect::new(move |_| {
        let open = handle.position().is_some();
        let Some(dialog) = dialog.get() else { return };
        if open && !dialog.open() {
            show_modal_when_attached(dialog, handle);
        } else if !open && dialog.open() {
            dialog.close();
            handle.refocus_opener();
        }
    });

    // Deep links: the address on first load, then Back and Forward.
    Effect::new(move |_| handle.follow_address(false));
    let popstate = window_event_listener(ev::popstate, move |event| {
        let ours = js_sys::Reflect::get(&event.state(), &"broadsheetLightbox".into()).is_ok_and(|v| v.is_truthy());
        handle.follow_address(ours);
    });
    on_cleanup(move || popstate.remove());

    // Neighbours load in the background so that Next and Previous show at once.
    Effect::new(move |_| {
        let Some(at) = handle.position() else { return };
        let ahead = at.neighbours().into_iter().filter_map(|i| images.with_value(|all| preload(&all[i]))).collect();
        preloaded.set_value(ahead);
    });

    let on_keydown = move |event: ev::KeyboardEvent| {
        let mv: fn(GalleryPosition) -> GalleryPosition = match event.key().as_str() {
            "ArrowRight" => GalleryPosition::next,
            "ArrowLeft" => GalleryPosition::previous,
            "Home" => GalleryPosition::first,
            "End" => GalleryPosition::last,
            _ => return,
        };
        event.prevent_default();
        step(mv);
    };
    // Escape fires `cancel`: close through the state so history and focus follow.
    let on_cancel = move |event: ev::Event| {
        event.prevent_default();
        handle.close();
    };
    // A click on the backdrop lands on the dialog element itself.
    let on_click = move |event: ev::MouseEvent| {
        let on_dialog = event.target().zip(dialog.get()).is_some_and(|(target, dialog)| {
            target.dyn_ref::<web_sys::Element>().is_some_and(|t| t == dialog.unchecked_ref::<web_sys::Element>())
        });
        if on_dialog {
            handle.close();
        }
    };

    let on_pointerdown = move |event: ev::PointerEvent| {
        if let Some(target) = event.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = target.set_pointer_capture(event.pointer_id());
        }
        gestures.update_value(|g| g.down(event.pointer_id(), event.client_x().into(), event.client_y().into()));
    };
    let on_pointermove = move |event: ev::PointerEvent| {
        let mut changed = None;
        gestures.update_value(|g| changed = g.moved(event.pointer_id(), event.client_x().into(), event.client_y().into()));
        if let Some(z) = changed {
            set_zoom.set(z);
        }
    };
    let on_pointerup = move |event: ev::PointerEvent| {
        let mut gesture = None;
        gestures.update_value(|g| {
            gesture = g.up(event.pointer_id(), event.client_x().into(), event.client_y().into(), event.time_stamp())
        });
        match gesture {
            Some(Gesture::Next) => step(GalleryPosition::next),
            Some(Gesture::Previous) => step(GalleryPosition::previous),
            Some(Gesture::ToggleZoom) => {
                let mut z = None;
                gestures.update_value(|g| z = Some(g.toggle_zoom()));
                set_zoom.set(z.unwrap_or(crate::gesture::Zoom::NONE));
            }
            None => set_zoom.set(gestures.with_value(Gestures::zoom)),
        }
    };
    let on_pointercancel = move |event: ev::PointerEvent| gestures.update_value(|g| g.cancel(event.pointer_id()));

    let picture = move || {
        let at = handle.position()?;
        let index = at.index();
        let image = images.with_value(|all| all[index].clone());
        let name = image_name(strings, &image, index + 1);
        let state = move || {
            let (for_index, state) = loading.get();
            if for_index == index { state } else { Loading::Pending }
        };
        Some(view! {
            <img
                class="lightbox-image"
                class:is-loaded=move || state() == Loading::Loaded
                src=image.src.to_string()
                srcset=image.srcset_attr()
                sizes="100vw"
                alt=name
                width=image.width
                height=image.height
                draggable="false"
                style:transform=move || zoom.get().css()
                on:load=move |_| set_loading.set((index, Loading::Loaded))
                on:error=move |_| set_loading.set((index, Loading::Failed))
            />
            <Show when=move || state() == Loading::Pending>
                <div class="lightbox-spinner" role="status"><span class="visually-hidden">{strings.image_loading}</span></div>
            </Show>
            <Show when=move || state() == Loading::Failed>
                <p class="lightbox-failed" role="alert">{strings.image_failed}</p>
            </Show>
        })
    };
    let caption = move || {
        let at = handle.position()?;
        let image = images.with_value(|all| all[at.index()].clone());
        let fallback = image_name(strings, &image, at.index() + 1);
        let text = if image.caption.is_empty() {
            view! { <span class="visually-hidden">{fallback}</span> }.into_any()
        } else {
            view! { <RichTextView text=image.caption/> }.into_any()
        };
        let credit = image.credit.map(|credit| view! { <span class="figure-credit">{credit}</span> });
        Some(view! { <span class="figure-caption">{text}</span> {credit} })
    };
    let counter = move || handle.position().map(GalleryPosition::counter);
    let several = handle.len() > 1;
    let labelled_by = caption_id.clone();

    view! {
        <dialog
            node_ref=dialog
            class="lightbox"
            aria-modal="true"
            aria-labelledby=labelled_by
            on:keydown=on_keydown
            on:cancel=on_cancel
            on:click=on_click
        >
            <div class="lightbox-frame">
                <div class="lightbox-bar">
                    <p class="lightbox-counter" aria-live="polite">{counter}</p>
                    <button type="button" class="lightbox-button lightbox-close" aria-label=strings.close autofocus on:click=move |_| handle.close()>
                        <span aria-hidden="true">"×"</span>
                    </button>
                </div>
                <div
                    class="lightbox-stage"
                    title=strings.zoom_hint
                    on:pointerdown=on_pointerdown
                    on:pointermove=on_pointermove
                    on:pointerup=on_pointerup
                    on:pointercancel=on_pointercancel
                >
                    {picture}
                </div>
                <Show when=move || several>
                    <button type="button" class="lightbox-button lightbox-previous" aria-label=strings.previous_image on:click=move |_| step(GalleryPosition::previous)>
                        <span aria-hidden="true">"‹"</span>
                    </button>
                    <button type="button" class="lightbox-button lightbox-next" aria-label=strings.next_image on:click=move |_| step(GalleryPosition::next)>
                        <span aria-hidden="true">"›"</span>
                    </button>
                </Show>
                <p class="lightbox-caption" id=caption_id>{caption}</p>
            </div>
        </dialog>
    }
}

/// `showModal()` once the dialog is in the document: a lightbox whose code has just arrived (opened
/// by the click that asked for it) is rendered before its part of the page is attached.
fn show_modal_when_attached(dialog: web_sys::HtmlDialogElement, handle: LightboxHandle) {
    if dialog.is_connected() {
        let _ = dialog.show_modal();
        return;
    }
    request_animation_frame(move || {
        if handle.position_untracked().is_some() && !dialog.open() {
            show_modal_when_attached(dialog, handle);
        }
    });
}

/// Starts loading `image` as the lightbox would show it (same `srcset` and `sizes`, so the browser
/// picks the same file), and keeps the element so the load is not dropped.
fn preload(image: &Image) -> Option<HtmlImageElement> {
    let element = HtmlImageElement::new().ok()?;
    element.set_sizes("100vw");
    if let Some(srcset) = image.srcset_attr() {
        element.set_srcset(&srcset);
    }
    element.set_src(image.src.as_str());
    Some(element)
}
