//! Dates as the reader's browser writes them in the article's language (`Intl.DateTimeFormat`).

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::intl;
use crate::model::Timestamp;

/// A `<time datetime>` showing `timestamp` as a long date in `language`, on the calendar of the
/// place it was published (its own UTC offset).
///
/// Renders the plain `YYYY-MM-DD` first and formats in an effect, since `Intl` is a browser API and
/// render must stay free of those.
#[component]
pub fn LocalDate(timestamp: Timestamp, #[prop(into)] language: String) -> impl IntoView {
    let datetime = timestamp.as_rfc3339().to_owned();
    let (text, set_text) = signal(timestamp.date_part().to_owned());
    Effect::new(move |_| {
        if let Some(formatted) = format_long_date(timestamp.as_rfc3339(), &language) {
            set_text.set(formatted);
        }
    });
    view! { <time datetime=datetime>{move || text.get()}</time> }
}

/// `Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: <offset> }).format(date)`, falling
/// back to the reader's zone, then to English, when the browser refuses a tag or an offset zone.
pub(crate) fn format_long_date(rfc3339: &str, language: &str) -> Option<String> {
    let date = js_sys::Date::new(&JsValue::from_str(rfc3339));
    if date.get_time().is_nan() {
        return None;
    }
    let with_zone = offset_zone(rfc3339).and_then(|zone| {
        intl::formatter("DateTimeFormat", &[language], &[("dateStyle", "long"), ("timeZone", &zone)])
    });
    let formatter = with_zone.or_else(|| intl::formatter("DateTimeFormat", &[language, "en"], &[("dateStyle", "long")]))?;
    intl::format(&formatter, &[date.into()])
}

/// The timestamp's own offset as an Intl time zone: `Z` → `UTC`, `+03:00` → `+03:00`.
fn offset_zone(rfc3339: &str) -> Option<String> {
    if rfc3339.ends_with(['Z', 'z']) {
        return Some("UTC".into());
    }
    let tail = rfc3339.get(rfc3339.len().checked_sub(6)?..)?;
    (tail.starts_with(['+', '-']) && tail.as_bytes()[3] == b':').then(|| tail.to_owned())
}
