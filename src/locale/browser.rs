//! The browser's side of [`crate::locale`]: `Intl.DateTimeFormat`, `PluralRules`, `NumberFormat`
//! and `RelativeTimeFormat`, through js-sys.

use wasm_bindgen::JsValue;

use super::{intl, offset_zone};
use crate::language::Language;
use crate::model::{relative_time, Timestamp};
use crate::strings::PluralCategory;

/// Falls back to the reader's own time zone, then to English, when the browser refuses an offset
/// zone or the tag.
pub fn long_date(at: &Timestamp, offset_seconds: i32, language: &str) -> Option<String> {
    let date = js_sys::Date::new(&JsValue::from_f64(at.unix_seconds() as f64 * 1000.0));
    let zone = offset_zone(offset_seconds);
    let formatter = intl::formatter("DateTimeFormat", &[language], &[("dateStyle", "long"), ("timeZone", &zone)])
        .or_else(|| intl::formatter("DateTimeFormat", &[language, "en"], &[("dateStyle", "long")]))?;
    intl::format(&formatter, &[date.into()])
}

pub fn plural_category(count: u64, language: Language) -> PluralCategory {
    intl::formatter("PluralRules", &[language.tag(), "en"], &[])
        .and_then(|rules| intl::call(&rules, "select", &[JsValue::from_f64(count as f64)]))
        .map_or(PluralCategory::Other, |name| PluralCategory::from_cldr(&name))
}

pub fn number(value: u64, language: Language) -> String {
    intl::formatter("NumberFormat", &[language.tag(), "en"], &[])
        .and_then(|format| intl::format(&format, &[JsValue::from_f64(value as f64)]))
        .unwrap_or_else(|| value.to_string())
}

pub fn relative_phrase(seconds_ago: f64, language: Language) -> Option<String> {
    let relative = relative_time(-seconds_ago.max(0.0));
    let formatter = intl::formatter("RelativeTimeFormat", &[language.tag(), "en"], &[("numeric", "auto")])?;
    intl::format(&formatter, &[JsValue::from_f64(relative.value as f64), relative.unit.into()])
}

pub fn now_seconds() -> f64 {
    js_sys::Date::now() / 1000.0
}
