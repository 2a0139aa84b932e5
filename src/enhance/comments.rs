//! The comments' side of the take-over, in the comments chunk: the live section replaces the
//! static one the page was built with, starting from the same thread and keeping the dates as the
//! page wrote them, so nothing moves. Whatever the reader typed into the static form is in the live
//! one (and saved as its draft), with the focus and the caret where they were.

use leptos::context::Provider;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::config::Config;
use crate::json::Value;
use crate::source::comments::AnyStore;
use crate::strings::Strings;
use crate::model::CommentDraft;
use crate::view::{CarriedDraft, CommentsSection, InitialThread};

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
    let Some(holder) = super::new_holder() else { return };
    holder.set_class_name("comments-holder");
    let initial = InitialThread(crate::chunks::first_page(thread_file), shown_dates(&static_section));
    let typed = CarriedDraft(typed_draft(&static_section));
    let focus = focused_field(&static_section);
    let mounted = leptos::mount::mount_to(holder.clone(), move || {
        provide_context(config);
        provide_context(typed);
        view! {
            <Provider value=initial>
                <CommentsSection store strings thread_key language offset_seconds/>
            </Provider>
        }
    });
    // The page lives as long as the document: nothing ever unmounts it.
    std::mem::forget(mounted);
    let _ = static_section.replace_with_with_node_1(&holder);
    if let Some(focus) = focus {
        // After the live form has its values (its effects run before the next frame).
        leptos::prelude::request_animation_frame(move || focus.restore(&holder));
    }
}

/// The value of the static new-comment form's field `name`.
fn field_value(section: &Element, name: &str) -> String {
    let Ok(Some(field)) = section.query_selector(&format!("form [name='{name}']")) else { return String::new() };
    match (field.dyn_ref::<web_sys::HtmlInputElement>(), field.dyn_ref::<web_sys::HtmlTextAreaElement>()) {
        (Some(input), _) => input.value(),
        (_, Some(area)) => area.value(),
        _ => String::new(),
    }
}

/// What the reader typed into the static form.
fn typed_draft(section: &Element) -> CommentDraft {
    CommentDraft {
        name: field_value(section, "name"),
        email: field_value(section, "email"),
        website: field_value(section, "website"),
        text: field_value(section, "comment"),
    }
}

/// The static form's field that has the focus, and where its caret is.
struct Focus {
    name: String,
    selection: Option<(u32, u32)>,
}

fn focused_field(section: &Element) -> Option<Focus> {
    let active = web_sys::window()?.document()?.active_element()?;
    if !section.contains(Some(&active)) {
        return None;
    }
    let name = active.get_attribute("name")?;
    let selection = match (active.dyn_ref::<web_sys::HtmlInputElement>(), active.dyn_ref::<web_sys::HtmlTextAreaElement>()) {
        (Some(input), _) => input.selection_start().ok().flatten().zip(input.selection_end().ok().flatten()),
        (_, Some(area)) => area.selection_start().ok().flatten().zip(area.selection_end().ok().flatten()),
        _ => None,
    };
    Some(Focus { name, selection })
}

impl Focus {
    /// Focuses the live form's field of the same name, with the same selection.
    fn restore(&self, holder: &HtmlElement) {
        let Ok(Some(field)) = holder.query_selector(&format!("form [name='{}']", self.name)) else { return };
        let Some(field) = field.dyn_ref::<HtmlElement>() else { return };
        let _ = field.focus();
        if let Some((start, end)) = self.selection {
            if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
                let _ = input.set_selection_range(start, end);
            } else if let Some(area) = field.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                let _ = area.set_selection_range(start, end);
            }
        }
    }
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
