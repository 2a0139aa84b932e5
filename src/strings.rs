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
    /// `{count}`.
    pub comments_count: &'static str,
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
    /// `{count}`.
    pub show_more_replies: &'static str,
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
    chunk_failed: "This part of the page could not be loaded. Check your connection and try again.",
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
    comments_heading: "Comments",
    comments_count: "{count}",
    comments_none: "No comments yet. Be the first to comment.",
    comments_loading: "Loading comments…",
    comments_unreachable: "The comments server could not be reached.",
    comments_timeout: "The comments server did not answer within 10 seconds.",
    comments_refused_because: "The comments server refused: {reason}.",
    comments_refused: "The comments server refused the request (error {status}).",
    comments_edit_refused: "This comment can no longer be changed from this browser: the edit time has run out, or the browser did not keep the comments server's cookie.",
    comments_server_error: "The comments server had a problem (error {status}).",
    comments_malformed: "The comments could not be read: {what}.",
    comments_storage: "This browser would not store the comment (storage is off or full).",
    sort_label: "Sort comments",
    sort_oldest: "Oldest first",
    sort_newest: "Newest first",
    sort_most_liked: "Most liked",
    load_more: "Load more comments",
    show_more_replies: "Show {count} more replies",
    anonymous: "Anonymous",
    saved_in_this_browser: "Saved in this browser only",
    awaiting_moderation: "Awaiting moderation",
    comment_deleted: "Comment deleted",
    sending: "Posting…",
    edited: "edited",
    reply: "Reply",
    edit: "Edit",
    delete: "Delete",
    confirm_delete: "Delete this comment?",
    cancel: "Cancel",
    like: "Like ({count})",
    edit_window_closed: "Editing is no longer possible: the comments server allows changes for 15 minutes after posting.",
    field_name: "Name",
    field_email: "Email",
    field_website: "Website",
    field_comment: "Comment",
    optional: "(optional)",
    email_hint: "Never shown.",
    comment_hint: "{min}–{max} characters; Markdown: *emphasis*, **strong**, `code`, [links](https://…). {count} so far.",
    preview: "Preview",
    preview_empty: "Nothing to preview yet.",
    post_comment: "Post comment",
    save_edit: "Save changes",
    posting: "Posting…",
    replying_to: "Reply to {name}",
    honeypot_label: "Leave this field empty",
    problem_required: "Write a comment first.",
    problem_too_short: "A comment needs at least {min} characters.",
    problem_too_long: "This is too long: at most {max} characters.",
    problem_email: "This does not look like an email address.",
    problem_website: "Enter a web address starting with http:// or https://.",
    draft_kept: "Your text is kept in this browser; try again when you are ready.",
    local_note: "Comments you post here are saved in this browser only; other readers see the site's own thread.",
    comments_need_js: "Comments need JavaScript: turn it on to read the latest and to post.",
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
