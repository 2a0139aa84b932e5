//! The comments' side of the take-over, in the comments chunk: the live section replaces the
//! static one the page was built with, starting from the same thread, so nothing moves.

use leptos::context::Provider;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::config::Config;
use crate::json::Value;
use crate::source::comments::AnyStore;
use crate::strings::Strings;
use crate::view::{CommentsSection, InitialThread};

/// Mounts the live section in a holder and puts it where `static_section` was.
pub fn take_over(
    static_section: Element,
    store: AnyStore,
    config: Config,
    strings: &'static Strings,
    thread_key: String,
    language: String,
    thread_file: Option<Value>,
) {
    let Some(holder) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("div").ok())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    holder.set_class_name("comments-holder");
    let initial = crate::chunks::first_page(thread_file);
    let mounted = leptos::mount::mount_to(holder.clone(), move || {
        provide_context(config);
        view! {
            <Provider value=InitialThread(initial)>
                <CommentsSection store strings thread_key language/>
            </Provider>
        }
    });
    // The page lives as long as the document: nothing ever unmounts it.
    std::mem::forget(mounted);
    let _ = static_section.replace_with_with_node_1(&holder);
}
