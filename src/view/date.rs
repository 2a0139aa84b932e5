//! Dates as CLDR writes them in the article's language: `Intl.DateTimeFormat` in the browser, the
//! same rules through ICU4X when the page is rendered natively (see [`crate::locale`]).

use leptos::prelude::*;

use crate::locale;
use crate::model::Timestamp;

/// A `<time datetime>` showing `timestamp` as a long date in `language` (a BCP 47 tag), on the
/// calendar of the place it was published: `offset_seconds` east of UTC, by default the timestamp's
/// own offset. The plain `YYYY-MM-DD` when the language cannot be used at all.
#[component]
pub fn LocalDate(
    timestamp: Timestamp,
    #[prop(into)] language: String,
    /// The article's time zone, for dates written elsewhere (comments are stored in UTC).
    #[prop(optional)]
    offset_seconds: Option<i32>,
) -> impl IntoView {
    let offset = offset_seconds.unwrap_or_else(|| timestamp.offset_seconds());
    let text = locale::long_date(&timestamp, offset, &language).unwrap_or_else(|| timestamp.date_part().to_owned());
    view! { <time datetime=timestamp.as_rfc3339().to_owned()>{text}</time> }
}
