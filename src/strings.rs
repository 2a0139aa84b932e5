//! Every word the interface shows, in one place, ready for translation (English, Chinese and Russian
//! are planned: add a table and pick it by language in [`strings_for`]).
//!
//! Templates mark their arguments as `{name}`; fill them with [`fill`].

/// The interface's words in one language.
pub struct Strings {
    pub site_name: &'static str,
    pub skip_to_content: &'static str,
    pub loading_article: &'static str,
    pub by: &'static str,
    pub and: &'static str,
    pub updated: &'static str,
    pub more_articles: &'static str,
    pub try_again: &'static str,
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
}

pub const EN: Strings = Strings {
    site_name: "Broadsheet",
    skip_to_content: "Skip to the article",
    loading_article: "Loading the article…",
    by: "By",
    and: "and",
    updated: "Updated",
    more_articles: "More articles",
    try_again: "Try again",
    back_home: "Go to the featured article",
    error_heading: "The article could not be shown",
    error_offline: "The server could not be reached. Check your connection, then try again.",
    error_timeout: "The server is taking too long to answer. Try again in a moment.",
    error_server: "The server had a problem (error {status}). Try again in a moment.",
    error_refused: "The server refused the request (error {status}).",
    error_malformed: "The article file is malformed: {what}. The publisher needs to fix it.",
    error_no_articles: "This site has no articles yet.",
    not_found_heading: "Article not found",
    not_found_text: "There is no article at this address. It may have moved or been removed.",
    page_not_found_heading: "Page not found",
    page_not_found_text: "There is nothing at this address.",
    image_fallback_name: "Image {n}",
    noscript: "This page needs JavaScript to show the article.",
    gallery_heading: "Gallery",
    open_image: "Open image {n} of {total}: {name}",
    previous_image: "Previous image",
    next_image: "Next image",
    close: "Close",
    image_loading: "Loading image…",
    image_failed: "This image could not be loaded",
    zoom_hint: "Double-click or double-tap to zoom; pinch to zoom; drag to pan when zoomed.",
};

/// The words for a BCP 47 language tag; English until other tables exist.
pub fn strings_for(_language: &str) -> &'static Strings {
    &EN
}

/// Fills `{name}` placeholders in a template.
///
/// ```
/// assert_eq!(broadsheet::strings::fill("error {status}", &[("status", "503")]), "error 503");
/// ```
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    args.iter().fold(template.to_owned(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}
