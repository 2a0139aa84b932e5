//! The article itself: header (label, title, date, byline), then the body blocks in order.

use leptos::prelude::*;

use super::{FigureView, Gallery, LazyComments, LazyLightbox, LightboxHandle, LocalDate, RichTextView, TranslationLinks};
use crate::config::Config;
use crate::locale::plural_category;
use crate::model::{Article, Author, Block, ImageLink};
use crate::source::comments::AnyStore;
use crate::strings::{strings_for, Strings};

/// A whole article as `<article>`, its title the page's `<h1>`. Its interface speaks the article's
/// language, unless the [`Config`] forces one (the widget's `lang`).
#[component]
pub fn ArticleView(article: Article) -> impl IntoView {
    let config = use_context::<Config>().unwrap_or_default();
    let strings = strings_for(config.interface_language(&article.language));
    let date_language = config.date_language(&article.language);
    let sequence: Vec<_> = article.images().cloned().collect();
    let figure_count = sequence.len() - article.gallery.len();
    let link = if config.scoped_image_links { ImageLink::scoped(&article.slug) } else { ImageLink::page() };
    let lightbox = LightboxHandle::new(sequence.len(), link);
    provide_context(lightbox);
    let Article { slug, label, title, language, published, updated, authors, body, gallery, translations, .. } = article;
    // The article's time zone: where it was published.
    let offset_seconds = published.offset_seconds();
    // Comments come with the article wherever a configuration says where they live.
    let comments = use_context::<Config>().and_then(|config| {
        let store = AnyStore::for_article(&config, &slug, &title)?;
        let thread_key = config.post_path(&slug);
        let language = date_language.clone();
        Some(view! { <LazyComments store strings thread_key language offset_seconds/> })
    });
    let label = label.map(|label| view! { <p class="article-label">{label}</p> });
    let updated = updated.map(|updated| {
        view! {
            <span class="article-updated">
                {strings.updated} " " <LocalDate timestamp=updated language=date_language.clone() offset_seconds/>
            </span>
        }
    });
    let byline = (!authors.is_empty()).then(|| view! { <p class="article-byline">{byline(&authors, strings)}</p> });
    let mut figures = 0;
    let blocks = body
        .into_iter()
        .map(|block| {
            if matches!(block, Block::Figure(_)) {
                figures += 1;
            }
            block_view(block, figures, strings)
        })
        .collect_view();
    view! {
        <article class="article" lang=language>
            <header class="article-header">
                {label}
                <h1 class="article-title">{title}</h1>
                <p class="article-meta">
                    <LocalDate timestamp=published language=date_language.clone()/>
                    {updated}
                </p>
                {byline}
                <TranslationLinks translations strings/>
            </header>
            <div class="article-body">{blocks}</div>
            <Gallery images=gallery first_index=figure_count handle=lightbox strings/>
            <LazyLightbox images=sequence handle=lightbox strings id=slug/>
        </article>
        {comments}
    }
}

/// "By A", "By A and B", "By A, B and C"; "作者：A、B和C"; "Авторы: A, B и C".
fn byline(authors: &[Author], strings: &'static Strings) -> impl IntoView {
    let last = authors.len() - 1;
    let template = strings.by.select(plural_category(authors.len() as u64, strings.language));
    let (before, after) = template.split_once("{names}").unwrap_or((template, ""));
    let names = authors
        .iter()
        .enumerate()
        .map(|(i, author)| {
            // None rather than "": rendered natively, an empty text is written as a space.
            let separator = match i {
                0 => None,
                i if i == last => Some(strings.and),
                _ => Some(strings.list_separator),
            };
            let name = match &author.url {
                Some(url) => view! { <a class="author" href=url.to_string() rel="author">{author.name.clone()}</a> }.into_any(),
                None => view! { <span class="author">{author.name.clone()}</span> }.into_any(),
            };
            view! { {separator}{name} }
        })
        .collect_view();
    let text = |part: &'static str| (!part.is_empty()).then_some(part);
    view! { {text(before)}{names}{text(after)} }
}

fn block_view(block: Block, figure_position: usize, strings: &'static Strings) -> AnyView {
    match block {
        Block::Paragraph(text) => view! { <p><RichTextView text/></p> }.into_any(),
        Block::Heading { level, text } => match level {
            2 => view! { <h2><RichTextView text/></h2> }.into_any(),
            3 => view! { <h3><RichTextView text/></h3> }.into_any(),
            _ => view! { <h4><RichTextView text/></h4> }.into_any(),
        },
        Block::Figure(image) => view! { <FigureView image position=figure_position strings/> }.into_any(),
        Block::Quote { text, cite } => {
            let cite = cite.map(|cite| view! { <footer><cite>{cite}</cite></footer> });
            view! { <blockquote><p><RichTextView text/></p>{cite}</blockquote> }.into_any()
        }
        Block::List { ordered: true, items } => view! { <ol>{list_items(items)}</ol> }.into_any(),
        Block::List { ordered: false, items } => view! { <ul>{list_items(items)}</ul> }.into_any(),
        Block::Code { language, text } => {
            view! { <pre class="code-block"><code data-language=language>{text}</code></pre> }.into_any()
        }
    }
}

fn list_items(items: Vec<crate::model::RichText>) -> impl IntoView {
    items.into_iter().map(|text| view! { <li><RichTextView text/></li> }).collect_view()
}
