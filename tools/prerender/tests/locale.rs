//! Dates, plural rules and numbers as the pre-renderer writes them (ICU4X, CLDR compiled data), and
//! every plural form of every language against CLDR's categories.

use std::collections::BTreeSet;
use std::path::PathBuf;

use broadsheet::language::Language;
use broadsheet::locale::{count_phrase, long_date, native, number, plural_category};
use broadsheet::model::Timestamp;
use broadsheet::strings::{strings_for, Plural, PluralCategory, RU};

fn date(rfc3339: &str, language: &str) -> String {
    let at = Timestamp::parse(rfc3339).unwrap();
    long_date(&at, at.offset_seconds(), language).unwrap()
}

#[test]
fn long_dates_are_cldr_s_in_each_language() {
    let published = "2020-08-26T18:00:00+03:00";
    assert_eq!(date(published, "en"), "August 26, 2020");
    assert_eq!(date(published, "en-GB"), "26 August 2020");
    assert_eq!(date(published, "zh"), "2020年8月26日");
    assert_eq!(date(published, "zh-CN"), "2020年8月26日");
    assert_eq!(date(published, "zh-Hans"), "2020年8月26日");
    assert_eq!(date(published, "ru"), "26 августа 2020\u{202f}г.");
    assert_eq!(date(published, "ru-RU"), "26 августа 2020\u{202f}г.");
}

#[test]
fn dates_fall_on_the_calendar_of_the_article_s_time_zone() {
    // 23:30 UTC on the 26th is already the 27th in Beijing, still the 26th in New York.
    let at = Timestamp::parse("2020-08-26T23:30:00Z").unwrap();
    assert_eq!(long_date(&at, 8 * 3600, "zh-Hans").unwrap(), "2020年8月27日");
    assert_eq!(long_date(&at, -4 * 3600, "en").unwrap(), "August 26, 2020");
    assert_eq!(date("2020-09-01T00:30:00+08:00", "ru"), "1 сентября 2020\u{202f}г.");
}

#[test]
fn a_tag_that_is_not_bcp_47_falls_back_to_english() {
    assert_eq!(date("2020-08-26T18:00:00+03:00", "not a language!"), "August 26, 2020");
}

#[test]
fn russian_counts_take_one_few_and_many() {
    let phrase = |n| count_phrase(&RU.comments_count, n, Language::Ru);
    assert_eq!(phrase(1), "1 комментарий");
    assert_eq!(phrase(2), "2 комментария");
    assert_eq!(phrase(5), "5 комментариев");
    assert_eq!(phrase(11), "11 комментариев");
    assert_eq!(phrase(21), "21 комментарий");
    assert_eq!(phrase(22), "22 комментария");
    assert_eq!(phrase(0), "0 комментариев");
    assert_eq!(phrase(111), "111 комментариев");
    assert_eq!(phrase(1001), "1\u{a0}001 комментарий");
}

#[test]
fn english_and_chinese_counts() {
    let en = strings_for(Language::En);
    let zh = strings_for(Language::Zh);
    assert_eq!(count_phrase(&en.comments_count, 1, Language::En), "1 comment");
    assert_eq!(count_phrase(&en.comments_count, 0, Language::En), "0 comments");
    assert_eq!(count_phrase(&en.show_more_replies, 1, Language::En), "Show 1 more reply");
    assert_eq!(count_phrase(&en.comments_count, 1000, Language::En), "1,000 comments");
    for n in [0, 1, 2, 5, 21] {
        assert_eq!(count_phrase(&zh.comments_count, n, Language::Zh), format!("{n} 条评论"));
    }
}

#[test]
fn numbers_are_grouped_as_each_language_groups_them() {
    assert_eq!(number(5000, Language::En), "5,000");
    assert_eq!(number(5000, Language::Zh), "5,000");
    assert_eq!(number(5000, Language::Ru), "5\u{a0}000");
    assert_eq!(number(7, Language::Ru), "7");
}

/// Every `Plural` of a table, by field name.
fn plurals(language: Language) -> Vec<(String, Plural)> {
    let fields = serde_json::to_value(strings_for(language)).unwrap();
    fields
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, value)| value.is_object())
        .map(|(name, value)| {
            let form = |f: &str| -> &'static str { Box::leak(value[f].as_str().unwrap().to_owned().into_boxed_str()) };
            (name.clone(), Plural { one: form("one"), few: form("few"), many: form("many"), other: form("other") })
        })
        .collect()
}

#[test]
fn every_plural_has_exactly_the_forms_cldr_gives_its_language() {
    for language in Language::ALL {
        let cldr: BTreeSet<&str> = native::plural_categories(language).into_iter().map(PluralCategory::as_cldr).collect();
        let found = plurals(language);
        assert!(found.len() >= 3, "{language:?}: the tables have plural fields");
        for (field, plural) in found {
            let filled: BTreeSet<&str> =
                plural.forms().into_iter().filter(|(_, text)| !text.is_empty()).map(|(c, _)| c.as_cldr()).collect();
            assert_eq!(filled, cldr, "{language:?}: {field} should fill exactly CLDR's categories");
        }
    }
}

/// `tests/fixtures/plural-categories.json`: each language's category for 0..=1000, one letter per
/// number (o one, f few, m many, t other; z zero, w two). The end-to-end test checks the browser's
/// `Intl.PluralRules` against the same file, so the two agree. `BLESS=1` rewrites it.
#[test]
fn plural_categories_0_to_1000_match_the_fixture_the_browser_is_checked_against() {
    let letter = |c: PluralCategory| match c {
        PluralCategory::Zero => 'z',
        PluralCategory::One => 'o',
        PluralCategory::Two => 'w',
        PluralCategory::Few => 'f',
        PluralCategory::Many => 'm',
        PluralCategory::Other => 't',
    };
    let mut table = serde_json::Map::new();
    for language in Language::ALL {
        let run: String = (0..=1000u64).map(|n| letter(plural_category(n, language))).collect();
        table.insert(language.tag().to_owned(), run.into());
    }
    let made = serde_json::to_string_pretty(&serde_json::Value::Object(table)).unwrap() + "\n";
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/plural-categories.json");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &made).unwrap();
    }
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(kept == made, "ICU4X's plural categories differ from {} (BLESS=1 rewrites it after checking why)", path.display());
}
