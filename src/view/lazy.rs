//! Parts of an article loaded when a reader needs them: the lightbox (when a picture is pointed at,
//! focused, opened or named in the address, or the page is idle) and the comments (when they come
//! near the screen, or the page is idle). In the browser each part's code is a chunk of its own
//! (`crate::chunks`); rendered natively (the pre-renderer) they are written out at once, so the HTML
//! has them.
//!
//! A part that cannot be fetched says so where it would have been, with "Try again".

use leptos::prelude::*;

use super::{CommentsSection, Lightbox, LightboxHandle};
use crate::model::Image;
use crate::source::comments::AnyStore;
use crate::strings::Strings;

/// The lightbox for `images`, loaded on first need.
#[component]
pub fn LazyLightbox(
    images: Vec<Image>,
    handle: LightboxHandle,
    strings: &'static Strings,
    /// Unique within the page (the article's slug), for the dialog's label ids.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    #[cfg(not(feature = "csr"))]
    {
        view! { <Lightbox images handle strings id/> }
    }
    #[cfg(feature = "csr")]
    {
        let _ = Lightbox;
        browser::lazy_lightbox(images, handle, strings, id)
    }
}

/// The comments section, loaded when it nears the screen or the page is idle.
#[component]
pub fn LazyComments(
    store: AnyStore,
    strings: &'static Strings,
    /// Names this thread's drafts in this browser (the article's path).
    #[prop(into)]
    thread_key: String,
    /// The language tag dates are written in.
    #[prop(into)]
    language: String,
    /// The article's time zone (seconds east of UTC), for dates.
    #[prop(optional)]
    offset_seconds: i32,
) -> impl IntoView {
    #[cfg(not(feature = "csr"))]
    {
        view! { <CommentsSection store strings thread_key language offset_seconds/> }
    }
    #[cfg(feature = "csr")]
    {
        let _ = CommentsSection;
        browser::lazy_comments(store, strings, thread_key, language, offset_seconds)
    }
}

/// "This part of the page could not be loaded", with a way to try again (and to put the message
/// away, where it covers the page).
#[component]
pub fn ChunkFailed(
    strings: &'static Strings,
    retry: Callback<()>,
    #[prop(optional)] dismiss: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="chunk-failed" role="alert">
            <p>{strings.chunk_failed}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>{strings.try_again}</button>
            {dismiss.map(|dismiss| view! {
                <button type="button" class="button button-quiet" on:click=move |_| dismiss.run(())>{strings.close}</button>
            })}
        </div>
    }
}

#[cfg(feature = "csr")]
pub use browser::{on_idle, when_near_or_idle};

#[cfg(feature = "csr")]
mod browser {
    use leptos::ev;
    use leptos::html::{Div, Section};
    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    use super::ChunkFailed;
    use crate::chunks;
    use crate::model::Image;
    use crate::source::comments::AnyStore;
    use crate::strings::Strings;
    use crate::view::{deep_link, LightboxHandle};

    /// Runs `then` once the browser is idle (`requestIdleCallback`, where there is one), within
    /// `timeout_ms` at the latest.
    pub fn on_idle(timeout_ms: u32, then: impl FnOnce() + 'static) {
        let Some(window) = web_sys::window() else { return };
        let callback = Closure::once_into_js(then);
        let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        match idle {
            Some(request) => {
                let options = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&options, &"timeout".into(), &timeout_ms.into());
                let _ = request.call2(&window, &callback, &options);
            }
            None => {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 200);
            }
        }
    }

    /// Runs `then` once, when `element` comes within a screen's height of the viewport or the
    /// browser is idle, whichever is first.
    pub fn when_near_or_idle(element: &web_sys::Element, then: impl FnOnce() + 'static) {
        let once = std::rc::Rc::new(std::cell::Cell::new(Some(Box::new(then) as Box<dyn FnOnce()>)));
        let fire = {
            let once = once.clone();
            move || {
                if let Some(then) = once.take() {
                    then();
                }
            }
        };
        let on_seen = {
            let fire = fire.clone();
            Closure::<dyn Fn(js_sys::Array, web_sys::IntersectionObserver)>::new(
                move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                    let near = entries
                        .iter()
                        .any(|entry| entry.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting());
                    if near {
                        observer.disconnect();
                        fire();
                    }
                },
            )
        };
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin("100% 0px");
        if let Ok(observer) = web_sys::IntersectionObserver::new_with_options(on_seen.as_ref().unchecked_ref(), &options) {
            observer.observe(element);
            on_idle(3_000, move || {
                observer.disconnect();
                fire();
            });
        } else {
            on_idle(3_000, fire);
        }
        // Called at most once, then dropped with the observer.
        on_seen.forget();
    }

    pub fn lazy_lightbox(images: Vec<Image>, handle: LightboxHandle, strings: &'static Strings, id: String) -> AnyView {
        let holder = NodeRef::<Div>::new();
        // Where the code stands, on the slot as `data-state` (idle, loading, ready, failed): the
        // tests and the benchmark read it.
        let state = RwSignal::new("idle");
        // The picture a reader asked for when the code failed to load, while they are told so.
        let notice = RwSignal::new(None::<crate::model::GalleryPosition>);
        // After mount: a deep link to an image wants it at once; otherwise idle time, or a reader
        // pointing at or focusing a picture of the article.
        Effect::new(move |_| {
            if handle.names_an_image(&deep_link::current_hash()) {
                handle.want();
            }
            on_idle(5_000, move || {
                handle.want();
            });
            let Some(article) = holder.get().and_then(|div| div.closest("article").ok().flatten()) else { return };
            for name in ["pointerover", "focusin"] {
                let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
                    let on_picture = event
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|t| t.closest("[data-image-index]").ok().flatten().is_some());
                    if on_picture {
                        handle.want();
                    }
                });
                let _ = article.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
                listener.forget();
            }
        });
        let popstate = window_event_listener(ev::popstate, move |_| {
            if handle.names_an_image(&deep_link::current_hash()) {
                handle.want();
            }
        });
        on_cleanup(move || popstate.remove());

        let part = move || {
            if !handle.is_wanted() {
                return None;
            }
            state.set("loading");
            let images = images.clone();
            let id = id.clone();
            Some(Suspend::new(async move {
                match chunks::lightbox_view(images, handle, strings, id).await {
                    Ok(view) => {
                        handle.loaded();
                        notice.set(None);
                        state.set("ready");
                        view
                    }
                    Err(_) => {
                        state.set("failed");
                        // Only a reader who asked for a picture hears about it.
                        notice.set(handle.position_untracked());
                        handle.load_failed();
                        ().into_any()
                    }
                }
            }))
        };
        // Outside the part, which `load_failed` empties; over the page where the reader is (the
        // slot is at the article's end). Trying again opens the picture the reader asked for.
        let failure = move || {
            notice.get().map(|at| {
                view! {
                    <ChunkFailed
                        strings
                        retry=Callback::new(move |()| {
                            notice.set(None);
                            handle.retry(at);
                        })
                        dismiss=Callback::new(move |()| notice.set(None))
                    />
                }
            })
        };
        view! {
            <div class="lightbox-slot" node_ref=holder data-state=move || state.get()>
                <Suspense fallback=|| ()>{part}</Suspense>
                {failure}
            </div>
        }
        .into_any()
    }

    pub fn lazy_comments(
        store: AnyStore,
        strings: &'static Strings,
        thread_key: String,
        language: String,
        offset_seconds: i32,
    ) -> AnyView {
        let placeholder = NodeRef::<Section>::new();
        let wanted = RwSignal::new(false);
        let attempt = RwSignal::new(0u32);
        Effect::new(move |_| {
            if let Some(section) = placeholder.get() {
                when_near_or_idle(&section, move || {
                    let _ = wanted.try_set(true);
                });
            }
        });
        let loading = move || {
            view! {
                <section class="comments" node_ref=placeholder aria-labelledby="comments-heading-loading">
                    <h2 class="comments-heading" id="comments-heading-loading">{strings.comments_heading}</h2>
                    <p class="comments-status" role="status">{strings.comments_loading}</p>
                </section>
            }
        };
        let part = move || {
            attempt.track();
            if !wanted.get() {
                return loading().into_any();
            }
            let (store, thread_key, language) = (store.clone(), thread_key.clone(), language.clone());
            Suspend::new(async move {
                match chunks::comments_view(store, strings, thread_key, language, offset_seconds).await {
                    Ok(view) => view,
                    Err(_) => view! {
                        <section class="comments">
                            <h2 class="comments-heading">{strings.comments_heading}</h2>
                            <ChunkFailed strings retry=Callback::new(move |()| attempt.update(|n| *n += 1))/>
                        </section>
                    }
                    .into_any(),
                }
            })
            .into_any()
        };
        view! { <Suspense fallback=loading>{part}</Suspense> }.into_any()
    }
}
