//! The native side of [`crate::locale`] (`ssr` only): ICU4X with CLDR compiled data, the same
//! rules the browser's `Intl` uses, for the pre-rendered pages.

use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::YMD;
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::DecimalFormatter;
use icu_locale_core::Locale;
use icu_plurals::{PluralCategory as IcuCategory, PluralRules};

use crate::language::Language;
use crate::model::Timestamp;
use crate::strings::PluralCategory;

/// The tag as an ICU4X locale; English for a tag that is not BCP 47, as the browser does.
fn locale(tag: &str) -> Locale {
    tag.parse().unwrap_or_else(|_| "en".parse().expect("en is a locale"))
}

/// As `Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone })`: the calendar date at the offset,
/// then CLDR's long year-month-day pattern for the locale.
pub fn long_date(at: &Timestamp, offset_seconds: i32, language: &str) -> Option<String> {
    let (year, month, day) = at.date_at_offset(offset_seconds)?;
    let formatter = FixedCalendarDateTimeFormatter::<Gregorian, YMD>::try_new(locale(language).into(), YMD::long()).ok()?;
    let date = Date::try_new_gregorian(year, month, day).ok()?;
    Some(formatter.format(&date).to_string())
}

/// The rules for `language` (compiled data: made without loading anything).
fn rules(language: Language) -> PluralRules {
    PluralRules::try_new_cardinal(locale(language.tag()).into()).expect("compiled data has plural rules for our languages")
}

pub fn plural_category(count: u64, language: Language) -> PluralCategory {
    from_icu(rules(language).category_for(count))
}

/// The categories `language` uses, as CLDR lists them (for checking the tables).
pub fn plural_categories(language: Language) -> Vec<PluralCategory> {
    rules(language).categories().map(from_icu).collect()
}

fn from_icu(category: IcuCategory) -> PluralCategory {
    match category {
        IcuCategory::Zero => PluralCategory::Zero,
        IcuCategory::One => PluralCategory::One,
        IcuCategory::Two => PluralCategory::Two,
        IcuCategory::Few => PluralCategory::Few,
        IcuCategory::Many => PluralCategory::Many,
        IcuCategory::Other => PluralCategory::Other,
    }
}

pub fn number(value: u64, language: Language) -> String {
    match DecimalFormatter::try_new(locale(language.tag()).into(), Default::default()) {
        Ok(formatter) => formatter.format(&Decimal::from(value)).to_string(),
        Err(_) => value.to_string(),
    }
}

/// A page rendered natively is read later than it is made: it shows dates, not "3 days ago".
pub fn relative_phrase(_seconds_ago: f64, _language: Language) -> Option<String> {
    None
}

pub fn now_seconds() -> f64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64())
}
