//! The comments' side of the take-over, in the comments chunk: the live section replaces the
//! static one the page was built with, starting from the same thread and keeping the dates as the
//! page wrote them, so nothing moves.

use leptos::context::Provider;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::config::Config;
use crate::json::Value;
use crate::source::comments::AnyStore;
use crate::strings::Strings;
use crate::view::{CommentsSection, InitialThread};

/// What the comments chunk needs to take a static section over.
#[derive(Clone)]
pub struct TakeOver {
    pub static_section: Element,
    pub store: AnyStore,
    pub config: Config,
    pub strings: &'static Strings,
    /// Names this thread's drafts in this browser (the article's path).
    pub thread_key: String,
    /// The language tag dates are written in, and the article's time zone.
    pub language: String,
    pub offset_seconds: i32,
    /// The local store's thread file as the page was built with it.
    pub thread_file: Option<Value>,
}

/// Mounts the live section in a holder and puts it where the static section was.
pub fn take_over(part: TakeOver) {
    let TakeOver { static_section, store, config, strings, thread_key, language, offset_seconds, thread_file } = part;
    let Some(holder) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("div").ok())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    holder.set_class_name("comments-holder");
    let initial = InitialThread(crate::chunks::first_page(thread_file), shown_dates(&static_section));
    let mounted = leptos::mount::mount_to(holder.clone(), move || {
        provide_context(config);
        view! {
            <Provider value=initial>
                <CommentsSection store strings thread_key language offset_seconds/>
            </Provider>
        }
    });
    // The page lives as long as the document: nothing ever unmounts it.
    std::mem::forget(mounted);
    let _ = static_section.replace_with_with_node_1(&holder);
}

/// The dates the static thread shows, one `datetime\ttext` a line.
fn shown_dates(section: &Element) -> String {
    let mut shown = String::new();
    let Ok(times) = section.query_selector_all("time[datetime]") else { return shown };
    for i in 0..times.length() {
        let Some(time) = times.item(i).and_then(|node| node.dyn_into::<Element>().ok()) else { continue };
        if let (Some(datetime), Some(text)) = (time.get_attribute("datetime"), time.text_content()) {
            shown.extend([datetime.as_str(), "\t", text.as_str(), "\n"]);
        }
    }
    shown
}
