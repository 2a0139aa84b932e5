//! Every word the interface shows, in English, Simplified Chinese and Russian: one [`Strings`] table
//! per language (`strings/en.rs`, `zh.rs`, `ru.rs`), so a field missing from any table does not
//! compile. Words that change with a count are a [`Plural`], chosen by the language's CLDR plural
//! rules (the browser's `Intl.PluralRules`, ICU4X when rendering natively: see `crate::locale`).
//!
//! Templates mark their arguments as `{name}`; fill them with [`fill`].

mod en;
mod ru;
#[cfg(test)]
mod tests;
mod zh;

pub use en::EN;
pub use ru::RU;
pub use zh::ZH;

use crate::language::Language;

/// The interface's words in one language.
#[derive(serde::Serialize)]
pub struct Strings {
    /// The language of this table (its plural rules and number formats go with it).
    pub language: Language,
    pub site_name: &'static str,
    pub skip_to_content: &'static str,
    pub loading_article: &'static str,
    /// The byline, by the number of authors: `{names}`.
    pub by: Plural,
    /// Between the last two authors, spaces included.
    pub and: &'static str,
    /// Between the other authors, spaces included.
    pub list_separator: &'static str,
    pub updated: &'static str,
    pub more_articles: &'static str,
    pub try_again: &'static str,
    /// A part of the page (lightbox, comments, the app itself) whose code could not be fetched.
    pub chunk_failed: &'static str,
    pub back_home: &'static str,
    pub error_heading: &'static str,
    pub error_offline: &'static str,
    pub error_timeout: &'static str,
    /// `{status}`: the HTTP status code.
    pub error_server: &'static str,
    /// `{status}`: the HTTP status code.
    pub error_refused: &'static str,
    /// `{what}`: the FormatError's own sentence, naming the field.
    pub error_malformed: &'static str,
    pub error_no_articles: &'static str,
    pub not_found_heading: &'static str,
    pub not_found_text: &'static str,
    pub page_not_found_heading: &'static str,
    pub page_not_found_text: &'static str,
    /// `{n}`: the image's 1-based position in the article.
    pub image_fallback_name: &'static str,
    pub noscript: &'static str,
    pub gallery_heading: &'static str,
    /// `{n}`, `{total}`, `{name}`: position, count and the image's alt text.
    pub open_image: &'static str,
    pub previous_image: &'static str,
    pub next_image: &'static str,
    pub close: &'static str,
    pub image_loading: &'static str,
    pub image_failed: &'static str,
    pub zoom_hint: &'static str,
    pub comments_heading: &'static str,
    /// The heading once the thread is known: `{count}` comments.
    pub comments_count: Plural,
    pub comments_none: &'static str,
    pub comments_loading: &'static str,
    pub comments_unreachable: &'static str,
    pub comments_timeout: &'static str,
    /// `{reason}`: the server's own words.
    pub comments_refused_because: &'static str,
    /// `{status}`.
    pub comments_refused: &'static str,
    pub comments_edit_refused: &'static str,
    /// `{status}`.
    pub comments_server_error: &'static str,
    /// `{what}`.
    pub comments_malformed: &'static str,
    pub comments_storage: &'static str,
    pub sort_label: &'static str,
    pub sort_oldest: &'static str,
    pub sort_newest: &'static str,
    pub sort_most_liked: &'static str,
    pub load_more: &'static str,
    /// `{count}`: replies not shown yet.
    pub show_more_replies: Plural,
    pub anonymous: &'static str,
    pub saved_in_this_browser: &'static str,
    pub awaiting_moderation: &'static str,
    pub comment_deleted: &'static str,
    pub sending: &'static str,
    pub edited: &'static str,
    pub reply: &'static str,
    pub edit: &'static str,
    pub delete: &'static str,
    pub confirm_delete: &'static str,
    pub cancel: &'static str,
    /// `{count}`.
    pub like: &'static str,
    pub edit_window_closed: &'static str,
    pub field_name: &'static str,
    pub field_email: &'static str,
    pub field_website: &'static str,
    pub field_comment: &'static str,
    pub optional: &'static str,
    pub email_hint: &'static str,
    /// `{min}`, `{max}`, `{count}`.
    pub comment_hint: &'static str,
    pub preview: &'static str,
    pub preview_empty: &'static str,
    pub post_comment: &'static str,
    pub save_edit: &'static str,
    pub posting: &'static str,
    /// `{name}`.
    pub replying_to: &'static str,
    pub honeypot_label: &'static str,
    pub problem_required: &'static str,
    /// `{min}`.
    pub problem_too_short: &'static str,
    /// `{max}`.
    pub problem_too_long: &'static str,
    pub problem_email: &'static str,
    pub problem_website: &'static str,
    pub draft_kept: &'static str,
    pub local_note: &'static str,
    pub comments_need_js: &'static str,
    /// Under a pre-rendered page's comment form until the app has taken it over.
    pub form_getting_ready: &'static str,
    /// Under it when the app could not be loaded at all (blocked, offline, missing files).
    pub form_unavailable: &'static str,
    /// Names the list of links to the article in other languages.
    pub translations_label: &'static str,
    // Accounts on the comments server (Waline): signing in to edit and delete.
    pub sign_in_heading: &'static str,
    pub field_password: &'static str,
    pub sign_in_hint: &'static str,
    pub sign_in: &'static str,
    pub signing_in: &'static str,
    pub sign_in_incomplete: &'static str,
    pub sign_out: &'static str,
    /// `{name}`: the account's name on the comments server.
    pub signed_in_as: &'static str,
    pub signed_out_note: &'static str,
    pub sign_in_failed: &'static str,
    pub sign_in_needed: &'static str,
    pub not_yours: &'static str,
    pub posted_signed_out: &'static str,
}

/// A CLDR plural category, as `Intl.PluralRules.select` and ICU4X name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    pub const ALL: [PluralCategory; 6] =
        [PluralCategory::Zero, PluralCategory::One, PluralCategory::Two, PluralCategory::Few, PluralCategory::Many, PluralCategory::Other];

    /// From `Intl.PluralRules.prototype.select`'s answer; `Other` for anything unknown.
    pub fn from_cldr(name: &str) -> PluralCategory {
        match name {
            "zero" => PluralCategory::Zero,
            "one" => PluralCategory::One,
            "two" => PluralCategory::Two,
            "few" => PluralCategory::Few,
            "many" => PluralCategory::Many,
            _ => PluralCategory::Other,
        }
    }

    pub fn as_cldr(self) -> &'static str {
        match self {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }
}

/// Words that change with a count, one template per CLDR category the language uses (`""` for those
/// it does not: English has one/other, Russian one/few/many/other, Chinese only other). A native
/// test checks each table fills exactly its language's categories, as ICU4X lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Plural {
    pub one: &'static str,
    pub few: &'static str,
    pub many: &'static str,
    pub other: &'static str,
}

impl Plural {
    /// The template for `category` (`other` when the language has no such form).
    pub fn select(&self, category: PluralCategory) -> &'static str {
        let form = match category {
            PluralCategory::One => self.one,
            PluralCategory::Few => self.few,
            PluralCategory::Many => self.many,
            _ => self.other,
        };
        if form.is_empty() { self.other } else { form }
    }

    /// The template for each category, for checks.
    pub fn forms(&self) -> [(PluralCategory, &'static str); 4] {
        [(PluralCategory::One, self.one), (PluralCategory::Few, self.few), (PluralCategory::Many, self.many), (PluralCategory::Other, self.other)]
    }
}



/// The words for an interface language.
pub fn strings_for(language: Language) -> &'static Strings {
    if cfg!(feature = "english-only") {
        return &EN;
    }
    match language {
        Language::En => &EN,
        Language::Zh => &ZH,
        Language::Ru => &RU,
    }
}

/// The words for a BCP 47 tag (see [`Language::from_tag`]).
pub fn strings_for_tag(tag: &str) -> &'static Strings {
    strings_for(Language::from_tag(tag))
}



/// Fills `{name}` placeholders in a template.
///
/// ```
/// assert_eq!(broadsheet::strings::fill("error {status}", &[("status", "503")]), "error 503");
/// ```
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    args.iter().fold(template.to_owned(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}
