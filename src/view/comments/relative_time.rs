//! "3 days ago", in the page's language, by the browser's `Intl.RelativeTimeFormat`.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::model::{relative_time, Timestamp};
use crate::view::intl;

/// A `<time datetime>` with the exact time as its value and title, and the relative phrase as its
/// text once the browser has worded it (an effect: `Intl` is a browser API).
#[component]
pub fn RelativeTime(seconds: f64, #[prop(into)] language: String) -> impl IntoView {
    let exact = Timestamp::from_unix_seconds(seconds);
    let datetime = exact.as_ref().map(|t| t.as_rfc3339().to_owned()).unwrap_or_default();
    let (text, set_text) = signal(exact.as_ref().map(|t| t.date_part().to_owned()).unwrap_or_default());
    Effect::new(move |_| {
        let now = js_sys::Date::now() / 1000.0;
        if let Some(phrase) = phrase(seconds - now, &language) {
            set_text.set(phrase);
        }
    });
    view! { <time datetime=datetime.clone() title=datetime>{move || text.get()}</time> }
}

fn phrase(delta_seconds: f64, language: &str) -> Option<String> {
    let relative = relative_time(delta_seconds.min(0.0));
    let formatter = intl::formatter("RelativeTimeFormat", &[language, "en"], &[("numeric", "auto")])?;
    intl::format(&formatter, &[JsValue::from_f64(relative.value as f64), relative.unit.into()])
}
