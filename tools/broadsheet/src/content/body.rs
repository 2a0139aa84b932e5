//! The body of a Markdown article as the format's blocks: paragraphs, headings, quotes, lists,
//! code, and figures (a picture alone on the first line of its paragraph; the lines after it are
//! the caption, the picture's title is the credit).

use std::ops::Range;

use broadsheet::model::{Block, Image, Inline, RichText, SafeUrl};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag};

/// Where a block or a picture was found, as a byte range in the body.
pub type Span = Range<usize>;

/// A picture the body refers to, before the picture pipeline has seen it.
#[derive(Clone, Debug, PartialEq)]
pub struct BodyPicture {
    /// Index of the figure in the body's blocks.
    pub block: usize,
    pub span: Span,
}

/// Something to tell the author about a part of the body.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub span: Span,
    pub message: String,
}

#[derive(Default)]
pub struct Body {
    pub blocks: Vec<Block>,
    pub figures: Vec<BodyPicture>,
    pub notes: Vec<Note>,
}

/// The Markdown extensions the body reads: those rich text reads, so a text means the same in
/// the body and in a caption.
pub fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH
}

/// Reads a Markdown body. Never fails: what the format cannot hold is noted and kept as text.
pub fn read(markdown: &str) -> Body {
    let events: Vec<(Event<'_>, Span)> = Parser::new_ext(markdown, options()).into_offset_iter().collect();
    let mut body = Body::default();
    let mut i = 0;
    while i < events.len() {
        let end = matching_end(&events, i);
        read_block(&events[i..=end], &mut body);
        i = end + 1;
    }
    body
}

/// The index of the event that closes the one at `start` (itself, for a single event).
fn matching_end(events: &[(Event<'_>, Span)], start: usize) -> usize {
    if !matches!(events[start].0, Event::Start(_)) {
        return start;
    }
    let mut depth = 0;
    for (i, (event, _)) in events.iter().enumerate().skip(start) {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

fn inner<'e, 'a>(events: &'e [(Event<'a>, Span)]) -> &'e [(Event<'a>, Span)] {
    if events.len() >= 2 {
        &events[1..events.len() - 1]
    } else {
        &[]
    }
}

fn rich_text(events: &[(Event<'_>, Span)]) -> RichText {
    RichText::from_events(events.iter().map(|(event, _)| event.clone()))
}

fn read_block(events: &[(Event<'_>, Span)], body: &mut Body) {
    let (first, span) = &events[0];
    let span = span.clone();
    let note = |body: &mut Body, message: &str| body.notes.push(Note { span: span.clone(), message: message.into() });
    match first {
        Event::Start(Tag::Paragraph) => read_paragraph(inner(events), span, body),
        Event::Start(Tag::Heading { level, .. }) => {
            let level = match level {
                HeadingLevel::H1 => {
                    note(body, "a level-1 heading (#) is the title's level: shown as level 2 (##)");
                    2
                }
                HeadingLevel::H2 => 2,
                HeadingLevel::H3 => 3,
                HeadingLevel::H4 => 4,
                _ => {
                    note(body, "headings go down to level 4 (####): shown as level 4");
                    4
                }
            };
            note_inline_extras(inner(events), &span, body);
            body.blocks.push(Block::Heading { level, text: rich_text(inner(events)) });
        }
        Event::Start(Tag::BlockQuote(_)) => read_quote(inner(events), span, body),
        Event::Start(Tag::List(start)) => {
            if start.is_some_and(|n| n != 1) {
                note(body, "a numbered list starts at 1 on the page, whatever its first number here");
            }
            let mut items = Vec::new();
            let list = inner(events);
            let mut i = 0;
            while i < list.len() {
                let end = matching_end(list, i);
                let item = inner(&list[i..=end]);
                if item.iter().any(|(e, _)| matches!(e, Event::Start(Tag::List(_)))) {
                    note(body, "a list inside a list item is flattened into the item (one level of list only)");
                }
                note_inline_extras(item, &span, body);
                items.push(rich_text(item));
                i = end + 1;
            }
            body.blocks.push(Block::List { ordered: start.is_some(), items });
        }
        Event::Start(Tag::CodeBlock(kind)) => {
            let language = match kind {
                CodeBlockKind::Fenced(info) => info.split_whitespace().next().map(str::to_owned),
                CodeBlockKind::Indented => None,
            };
            let mut text: String = inner(events)
                .iter()
                .filter_map(|(e, _)| match e {
                    Event::Text(t) => Some(t.as_ref()),
                    _ => None,
                })
                .collect();
            if text.ends_with('\n') {
                text.pop();
            }
            body.blocks.push(Block::Code { language, text });
        }
        Event::Start(Tag::HtmlBlock) => {
            let html: String = inner(events)
                .iter()
                .filter_map(|(e, _)| match e {
                    Event::Html(t) => Some(t.as_ref()),
                    _ => None,
                })
                .collect();
            let trimmed = html.trim();
            // An HTML comment is a note to fellow authors (WordPress's <!-- more -->): not shown.
            if trimmed.starts_with("<!--") && trimmed.ends_with("-->") {
                return;
            }
            note(body, "HTML is not read: it is shown as the text you typed (use Markdown instead)");
            body.blocks.push(Block::Paragraph(RichText(vec![Inline::Text(trimmed.to_owned())])));
        }
        Event::Rule => {}
        Event::Start(_) => {
            note(body, "this kind of block is not part of the format: kept as a paragraph of its text");
            body.blocks.push(Block::Paragraph(rich_text(inner(events))));
        }
        _ => {}
    }
}

/// A paragraph, or a figure when a picture stands alone on its first line.
fn read_paragraph(events: &[(Event<'_>, Span)], span: Span, body: &mut Body) {
    if let Some((Event::Start(Tag::Image { dest_url, title, .. }), image_span)) = events.first() {
        let image_end = matching_end(events, 0);
        let after = events.get(image_end + 1).map(|(e, _)| e);
        if matches!(after, None | Some(Event::SoftBreak | Event::HardBreak)) {
            let alt = rich_text(inner(&events[..=image_end])).plain_text().trim().to_owned();
            let caption_events = events.get(image_end + 2..).unwrap_or_default();
            note_inline_extras(caption_events, &span, body);
            let Some(src) = SafeUrl::parse(dest_url) else {
                body.notes.push(Note {
                    span: image_span.clone(),
                    message: format!("the picture's address {dest_url:?} is not allowed (only a file here, http or https)"),
                });
                return;
            };
            body.figures.push(BodyPicture { block: body.blocks.len(), span: image_span.clone() });
            body.blocks.push(Block::Figure(Image {
                src,
                alt: Some(alt).filter(|alt| !alt.is_empty()),
                caption: rich_text(caption_events),
                credit: Some(title.trim().to_owned()).filter(|credit| !credit.is_empty()),
                width: None,
                height: None,
                srcset: Vec::new(),
                sizes: None,
            }));
            return;
        }
    }
    note_inline_extras(events, &span, body);
    let text = rich_text(events);
    if !text.plain_text().trim().is_empty() {
        body.blocks.push(Block::Paragraph(text));
    }
}

/// A quotation; a last paragraph that starts with a dash (`— Name` or `-- Name`) says who said it.
fn read_quote(events: &[(Event<'_>, Span)], span: Span, body: &mut Body) {
    let mut parts: Vec<&[(Event<'_>, Span)]> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let end = matching_end(events, i);
        if !matches!(events[i].0, Event::Start(Tag::Paragraph)) {
            body.notes.push(Note {
                span: events[i].1.clone(),
                message: "a quote holds paragraphs: other blocks inside it are flattened to text".into(),
            });
        }
        parts.push(&events[i..=end]);
        i = end + 1;
    }
    let mut cite = None;
    // Only a paragraph after the quoted text names who said it: a quote that is all dash is text.
    if let Some(last) = parts.last().filter(|_| parts.len() > 1) {
        let text = rich_text(inner(last)).plain_text();
        let trimmed = text.trim();
        if let Some(name) = trimmed.strip_prefix('—').or_else(|| trimmed.strip_prefix("--")).or_else(|| trimmed.strip_prefix('―')) {
            cite = Some(name.trim().to_owned()).filter(|name| !name.is_empty());
            parts.pop();
        }
    }
    let mut text = Vec::new();
    for part in parts {
        note_inline_extras(part, &span, body);
        let part = rich_text(part);
        if !text.is_empty() && !part.is_empty() {
            text.push(Inline::LineBreak);
        }
        text.extend(part.0);
    }
    body.blocks.push(Block::Quote { text: RichText(text), cite });
}

/// Pictures inside text and inline HTML: kept as text, and the author is told.
fn note_inline_extras(events: &[(Event<'_>, Span)], span: &Span, body: &mut Body) {
    for (event, at) in events {
        let message = match event {
            Event::Start(Tag::Image { .. }) => {
                "a picture inside text is shown as its alt text: put it on a line of its own (its own paragraph) to make it a figure"
            }
            Event::InlineHtml(_) => "HTML is not read: it is shown as the text you typed",
            _ => continue,
        };
        let span = if at.start >= span.start { at.clone() } else { span.clone() };
        body.notes.push(Note { span, message: message.into() });
    }
}
