//! The article itself: header (label, title, date, byline), then the body blocks in order.

use leptos::prelude::*;

use super::{FigureView, Gallery, LazyComments, LazyLightbox, LightboxHandle, LocalDate, RichTextView};
use crate::config::Config;
use crate::source::comments::AnyStore;
use crate::model::{Article, Author, Block, ImageLink};
use crate::strings::{strings_for, Strings};

/// A whole article as `<article>`, its title the page's `<h1>`.
#[component]
pub fn ArticleView(article: Article) -> impl IntoView {
    let strings = strings_for(&article.language);
    let sequence: Vec<_> = article.images().cloned().collect();
    let figure_count = sequence.len() - article.gallery.len();
    let scoped = use_context::<Config>().is_some_and(|config| config.scoped_image_links);
    let link = if scoped { ImageLink::scoped(&article.slug) } else { ImageLink::page() };
    let lightbox = LightboxHandle::new(sequence.len(), link);
    provide_context(lightbox);
    let Article { slug, label, title, language, published, updated, authors, body, gallery, .. } = article;
    // Comments come with the article wherever a configuration says where they live.
    let comments = use_context::<Config>().and_then(|config| {
        let store = AnyStore::for_article(&config, &slug, &title)?;
        let thread_key = config.post_path(&slug);
        let language = language.clone();
        Some(view! { <LazyComments store strings thread_key language/> })
    });
    let label = label.map(|label| view! { <p class="article-label">{label}</p> });
    let updated = updated.map(|updated| {
        view! {
            <span class="article-updated">
                {strings.updated} " " <LocalDate timestamp=updated language=language.clone()/>
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
                    <LocalDate timestamp=published language=language.clone()/>
                    {updated}
                </p>
                {byline}
            </header>
            <div class="article-body">{blocks}</div>
            <Gallery images=gallery first_index=figure_count handle=lightbox strings/>
            <LazyLightbox images=sequence handle=lightbox strings id=slug/>
        </article>
        {comments}
    }
}

/// "By A", "By A and B", "By A, B and C".
fn byline(authors: &[Author], strings: &'static Strings) -> impl IntoView {
    let last = authors.len() - 1;
    let names = authors
        .iter()
        .enumerate()
        .map(|(i, author)| {
            let separator = match i {
                0 => String::new(),
                i if i == last => format!(" {} ", strings.and),
                _ => ", ".to_owned(),
            };
            let name = match &author.url {
                Some(url) => view! { <a class="author" href=url.to_string() rel="author">{author.name.clone()}</a> }.into_any(),
                None => view! { <span class="author">{author.name.clone()}</span> }.into_any(),
            };
            view! { {separator} {name} }
        })
        .collect_view();
    view! { {strings.by} " " {names} }
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
