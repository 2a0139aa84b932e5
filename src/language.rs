//! The interface's languages, and which one a BCP 47 tag (an article's `language`, the widget's
//! `lang`, the site index's `language`) gets.

/// A language the interface speaks. Every other language tag gets [`Language::En`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Language {
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
    Ru,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::En, Language::Zh, Language::Ru];

    /// The interface language for a BCP 47 tag: `zh`, `zh-CN`, `zh-Hans`, `zh-Hans-SG` → Chinese;
    /// `ru`, `ru-RU` → Russian; anything else, Traditional Chinese (`zh-Hant`, `zh-TW`, `zh-HK`,
    /// `zh-MO`) included since our Chinese is Simplified, → English. Case and `_` are forgiven.
    ///
    /// ```
    /// use broadsheet::language::Language;
    /// assert_eq!(Language::from_tag("zh-Hans"), Language::Zh);
    /// assert_eq!(Language::from_tag("RU_ru"), Language::Ru);
    /// assert_eq!(Language::from_tag("zh-TW"), Language::En);
    /// assert_eq!(Language::from_tag("fr"), Language::En);
    /// ```
    pub fn from_tag(tag: &str) -> Language {
        if cfg!(feature = "english-only") {
            return Language::En;
        }
        let tag = tag.trim();
        let (first, rest) = tag.split_at(tag.find(['-', '_']).unwrap_or(tag.len()));
        let traditional = || {
            let rest = rest.to_ascii_lowercase();
            ["hant", "-tw", "_tw", "-hk", "_hk", "-mo", "_mo"].iter().any(|t| rest.contains(t))
        };
        if first.eq_ignore_ascii_case("ru") {
            Language::Ru
        } else if first.eq_ignore_ascii_case("zh") && !traditional() {
            Language::Zh
        } else {
            Language::En
        }
    }

    /// The tag the interface is written in (for `lang` attributes and `Intl` when no article's own
    /// tag applies).
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Zh => "zh-Hans",
            Language::Ru => "ru",
        }
    }

    /// The language's name in itself, as a link to a translation shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Zh => "中文",
            Language::Ru => "Русский",
        }
    }
}

/// The Open Graph locale (`language_TERRITORY`) for a BCP 47 tag: its own region when it names one,
/// else the territory where the language is most used (CLDR's likely subtags, for the languages we
/// speak; other languages keep only their language code, which link previews also accept).
///
/// ```
/// use broadsheet::language::og_locale;
/// assert_eq!(og_locale("en"), "en_US");
/// assert_eq!(og_locale("en-GB"), "en_GB");
/// assert_eq!(og_locale("zh-Hans"), "zh_CN");
/// assert_eq!(og_locale("zh-Hans-SG"), "zh_SG");
/// assert_eq!(og_locale("ru"), "ru_RU");
/// assert_eq!(og_locale("fr"), "fr");
/// ```
pub fn og_locale(tag: &str) -> String {
    let tag = tag.trim().replace('_', "-");
    let mut subtags = tag.split('-');
    let language = subtags.next().unwrap_or("en").to_ascii_lowercase();
    let region = subtags
        .find(|s| (s.len() == 2 && s.chars().all(|c| c.is_ascii_alphabetic())) || (s.len() == 3 && s.chars().all(|c| c.is_ascii_digit())))
        .map(str::to_ascii_uppercase);
    let likely = match language.as_str() {
        "en" => Some("US"),
        "zh" => Some("CN"),
        "ru" => Some("RU"),
        _ => None,
    };
    match region.as_deref().or(likely) {
        Some(region) => format!("{language}_{region}"),
        None => language,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_s_tags_pick_the_issue_s_languages() {
        for tag in ["zh", "zh-CN", "zh-Hans", "zh-hans-cn", "ZH"] {
            assert_eq!(Language::from_tag(tag), Language::Zh, "{tag}");
        }
        for tag in ["ru", "ru-RU", "ru-UA"] {
            assert_eq!(Language::from_tag(tag), Language::Ru, "{tag}");
        }
        for tag in ["en", "en-GB", "", "fr", "zh-Hant", "zh-TW", "zh-Hant-HK", "rus", "zhx", "not a language!"] {
            assert_eq!(Language::from_tag(tag), Language::En, "{tag}");
        }
    }

    #[test]
    fn every_language_reads_back_from_its_own_tag() {
        for language in Language::ALL {
            assert_eq!(Language::from_tag(language.tag()), language);
        }
    }
}
