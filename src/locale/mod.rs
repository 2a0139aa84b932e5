//! Dates, counts and numbers in a language, for the views: the browser's `Intl` in the app
//! ([`browser`]), ICU4X with CLDR compiled data when rendering natively ([`native`], the `ssr`
//! feature only: ICU4X never goes into the WebAssembly). Both get the same options, so a
//! pre-rendered page already shows the text the app would write, and nothing changes when the app
//! takes the page over. Both are pure computations (no DOM), so components call them while rendering.

#[cfg(not(feature = "ssr"))]
mod browser;
#[cfg(not(feature = "ssr"))]
pub(crate) mod intl;
#[cfg(feature = "ssr")]
pub mod native;

#[cfg(not(feature = "ssr"))]
use browser as backend;
#[cfg(feature = "ssr")]
use native as backend;

use crate::language::Language;
use crate::model::Timestamp;
use crate::strings::{fill, Plural, PluralCategory};

/// `at` as a long date (`August 26, 2020`, `2020年8月26日`, `26 августа 2020 г.`) in `language`
/// (a BCP 47 tag), on the calendar of the place `offset_seconds` east of UTC: the options of
/// `Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "±hh:mm" })`. `None` when neither
/// the tag nor English can be used (then show [`Timestamp::date_part`]).
pub fn long_date(at: &Timestamp, offset_seconds: i32, language: &str) -> Option<String> {
    backend::long_date(at, offset_seconds, language)
}

/// The CLDR plural category of a whole `count` in `language`.
pub fn plural_category(count: u64, language: Language) -> PluralCategory {
    backend::plural_category(count, language)
}

/// A whole number as `language` writes it (`1,000`, `1 000`).
pub fn number(value: u64, language: Language) -> String {
    backend::number(value, language)
}

/// `words` for `count`, its `{count}` written as `language` writes numbers.
///
/// (`language` is the table's own, so the rules and the words always go together.)
pub fn count_phrase(words: &Plural, count: u64, language: Language) -> String {
    fill(words.select(plural_category(count, language)), &[("count", &number(count, language))])
}

/// The `Intl` time zone for an offset: `UTC`, `+03:00`, `-05:30`.
pub fn offset_zone(offset_seconds: i32) -> String {
    if offset_seconds == 0 {
        return "UTC".into();
    }
    // Written digit by digit: `format!`'s padded numbers cost the WebAssembly more than this.
    let minutes = offset_seconds.unsigned_abs() / 60;
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let (hours, minutes) = (minutes / 60, minutes % 60);
    [if offset_seconds < 0 { '-' } else { '+' }, digit(hours / 10), digit(hours), ':', digit(minutes / 10), digit(minutes)]
        .into_iter()
        .collect()
}

/// Comments older than this show their date rather than "3 months ago": a pre-rendered page
/// (where a relative phrase would go stale) and the app then write the same text.
pub const RELATIVE_FOR_SECONDS: f64 = 30.0 * 86_400.0;

/// "3 days ago" for a comment made `seconds_ago` seconds before now, in `language`; `None` when
/// the comment is older than [`RELATIVE_FOR_SECONDS`] (show its date), or natively (no "now").
pub fn relative_phrase(seconds_ago: f64, language: Language) -> Option<String> {
    if seconds_ago > RELATIVE_FOR_SECONDS {
        return None;
    }
    backend::relative_phrase(seconds_ago, language)
}

/// Seconds since the Unix epoch, now (the browser's clock; the build's, natively).
pub fn now_seconds() -> f64 {
    backend::now_seconds()
}

#[cfg(test)]
mod tests {
    use super::offset_zone;

    #[test]
    fn offsets_are_intl_time_zones() {
        assert_eq!(offset_zone(0), "UTC");
        assert_eq!(offset_zone(3 * 3600), "+03:00");
        assert_eq!(offset_zone(-(5 * 3600 + 1800)), "-05:30");
        assert_eq!(offset_zone(8 * 3600 + 45 * 60), "+08:45");
    }
}
