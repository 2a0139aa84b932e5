//! Links to the article in its other languages, each named in its own language.

use leptos::prelude::*;

use crate::config::Config;
use crate::language::Language;
use crate::model::Translation;
use crate::strings::Strings;

/// The name a language gives itself: English, 中文, Русский; other languages by their tag.
pub fn own_name(tag: &str) -> String {
    match Language::from_tag(tag) {
        Language::En if !tag.trim().to_ascii_lowercase().starts_with("en") => tag.to_owned(),
        language => language.own_name().to_owned(),
    }
}

/// `<nav>` of links to `translations` (nothing when there are none). Each link goes to the
/// translation's page; `data-article` gives its article file, which the widget loads in place
/// (see `scripts/widget.template.js`). Needs a [`Config`] in context.
#[component]
pub fn TranslationLinks(translations: Vec<Translation>, strings: &'static Strings) -> impl IntoView {
    let config = use_context::<Config>().unwrap_or_default();
    (!translations.is_empty()).then(|| {
        let links = translations
            .into_iter()
            .map(|translation| {
                let name = own_name(&translation.language);
                view! {
                    <a
                        href=config.post_path(&translation.slug)
                        hreflang=translation.language.clone()
                        lang=translation.language
                        data-article=config.article_url(&translation.slug)
                    >
                        {name}
                    </a>
                }
                // As `AnyView`, the list shares the article body's code (a list of its own type costs ~1 KB).
                .into_any()
            })
            .collect::<Vec<_>>();
        view! {
            <nav class="article-translations" lang=strings.language.tag() aria-label=strings.translations_label>
                <span class="article-translations-label" aria-hidden="true">{strings.translations_label}</span>
                {links}
            </nav>
        }
    })
}
