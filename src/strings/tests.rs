//! Every string in every language: present, translated, with the same placeholders as English.
//! (Plural forms against CLDR's categories are checked with ICU4X in `tools/prerender/tests`.)

use std::collections::BTreeSet;

use serde_json::Value;

use super::{fill, strings_for, Strings, EN};
use crate::language::Language;

/// Strings that are the same in every language: the product's name.
const SAME_EVERYWHERE: &[&str] = &["site_name"];

/// Every text of a table by field name (`comments_count.other` for plural forms), unused plural
/// forms (`""`) included.
fn texts(strings: &Strings) -> Vec<(String, String)> {
    let Value::Object(fields) = serde_json::to_value(strings).unwrap() else { panic!("a table is an object") };
    let mut all = Vec::new();
    for (name, value) in fields.into_iter().filter(|(name, _)| name != "language") {
        match value {
            Value::String(text) => all.push((name, text)),
            Value::Object(forms) => {
                for (form, text) in forms {
                    all.push((format!("{name}.{form}"), text.as_str().unwrap().to_owned()));
                }
            }
            _ => {}
        }
    }
    all
}

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned())).collect()
}

fn english(field: &str) -> String {
    // A plural form has the placeholders of English's `other` form.
    let wanted = match field.split_once('.') {
        Some((base, _)) => format!("{base}.other"),
        None => field.to_owned(),
    };
    texts(&EN).into_iter().find(|(name, _)| *name == wanted).unwrap().1
}

#[test]
fn the_site_s_name_is_the_same_in_every_language() {
    // The app's shell writes it once, before it knows the site's language.
    for language in Language::ALL {
        assert_eq!(strings_for(language).site_name, EN.site_name);
    }
}

#[test]
fn every_table_says_which_language_it_is() {
    for language in Language::ALL {
        assert_eq!(strings_for(language).language, language);
    }
}

#[test]
fn every_string_is_written_in_every_language() {
    for language in Language::ALL {
        for (field, text) in texts(strings_for(language)) {
            let unused_plural_form = field.contains('.') && !field.ends_with(".other");
            assert!(unused_plural_form || !text.trim().is_empty(), "{language:?}: {field} is blank");
            assert_eq!(text.trim(), text.trim_matches(' '), "{language:?}: {field} has stray whitespace");
        }
    }
}

#[test]
fn every_translation_has_english_s_placeholders() {
    for language in Language::ALL {
        for (field, text) in texts(strings_for(language)).into_iter().filter(|(_, t)| !t.is_empty()) {
            assert_eq!(placeholders(&text), placeholders(&english(&field)), "{language:?}: {field} = {text:?}");
        }
    }
}

#[test]
fn chinese_and_russian_are_translated_not_copied() {
    let is_cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let is_cyrillic = |c: char| ('\u{0400}'..='\u{04ff}').contains(&c);
    for (language, script) in [(Language::Zh, &is_cjk as &dyn Fn(char) -> bool), (Language::Ru, &is_cyrillic)] {
        for (field, text) in texts(strings_for(language)) {
            if text.is_empty() || SAME_EVERYWHERE.contains(&field.as_str()) || matches!(field.as_str(), "list_separator") {
                continue;
            }
            assert!(text.chars().any(script), "{language:?}: {field} = {text:?} is not in the language's script");
        }
    }
}

#[test]
fn chinese_uses_full_width_punctuation() {
    for (field, text) in texts(strings_for(Language::Zh)) {
        // Outside placeholders, URLs and Markdown examples, Chinese text takes ，。：；（）！？.
        let prose: String = text.split("http").next().unwrap().to_owned();
        for ascii in [", ", ". ", ": ", "; ", " (", "! ", "? "] {
            assert!(!prose.contains(ascii), "Chinese {field} = {text:?} has {ascii:?}");
        }
    }
}

#[test]
fn fill_leaves_unknown_placeholders_alone() {
    assert_eq!(fill("{a} and {b}", &[("a", "1")]), "1 and {b}");
}
