//! When a comment was made: "3 days ago" in the interface's language (`Intl.RelativeTimeFormat`)
//! for a recent one, its date otherwise (and always on a pre-rendered page, which is read later
//! than it is made), so that the app, taking a page over, writes what the page already shows.

use leptos::prelude::*;

use crate::language::Language;
use crate::locale;
use crate::model::Timestamp;

/// A `<time datetime>` with the exact time as its value and title.
#[component]
pub fn RelativeTime(
    seconds: f64,
    /// The interface's language (relative phrases).
    language: Language,
    /// The language tag dates are written in, and the article's time zone.
    #[prop(into)]
    date_language: String,
    offset_seconds: i32,
    /// Dates a pre-rendered page showed, kept as written there.
    shown: StoredValue<String>,
) -> impl IntoView {
    let exact = Timestamp::from_unix_seconds(seconds);
    let datetime = exact.as_ref().map(|t| t.as_rfc3339().to_owned()).unwrap_or_default();
    let text = shown
        .with_value(|shown| shown.lines().find_map(|line| line.strip_prefix(datetime.as_str())?.strip_prefix('\t')).map(str::to_owned))
        .or_else(|| locale::relative_phrase(locale::now_seconds() - seconds, language))
        .or_else(|| exact.as_ref().and_then(|t| locale::long_date(t, offset_seconds, &date_language)))
        .or_else(|| exact.as_ref().map(|t| t.date_part().to_owned()))
        .unwrap_or_default();
    view! { <time datetime=datetime.clone() title=datetime>{text}</time> }
}
