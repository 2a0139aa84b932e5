//! What a pre-rendered page carries for the app (`<script type="application/json"
//! id="broadsheet-page">`): the little the take-over needs, already read, checked and resolved by
//! the pre-renderer, so the browser parses no article and no Markdown to make the page interactive.
//!
//! Written natively by `tools/prerender`, read in the browser by `enhance`: the same build writes
//! and reads it, so the shape is ours to change (it is not a published format).

use super::{FormatError, Image, ImageSource, Inline, Node, RichText, SafeUrl};
use crate::json::Value;

/// The page's article, as the take-over needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct PageData {
    pub slug: String,
    pub title: String,
    pub language: String,
    /// The article was the site's featured one when the page was built (the page is then also the
    /// site's home page, `index.html`).
    pub featured: bool,
    /// The article's time zone (seconds east of UTC): dates are written in it.
    pub offset_seconds: i32,
    /// Every image in reading order (figures, then the gallery), URLs as the page's HTML has them.
    pub images: Vec<Image>,
    /// The site's thread file as it was at build time (local comments only), read by the comments.
    pub thread: Option<Value>,
}

impl PageData {
    pub fn to_value(&self) -> Value {
        Value::object([
            ("slug", Some(self.slug.as_str().into())),
            ("title", Some(self.title.as_str().into())),
            ("language", Some(self.language.as_str().into())),
            ("featured", Some(self.featured.into())),
            ("offset", Some(Value::Number(f64::from(self.offset_seconds)))),
            ("images", Some(Value::Array(self.images.iter().map(image_value).collect()))),
            ("thread", self.thread.clone()),
        ])
    }

    pub fn from_json(text: &str) -> Result<PageData, FormatError> {
        Node::parse(text, |data| {
            data.object()?;
            Ok(PageData {
                slug: data.get("slug").str()?.to_owned(),
                title: data.get("title").str()?.to_owned(),
                language: data.get("language").str()?.to_owned(),
                featured: data.get("featured").flag()?,
                offset_seconds: data.get("offset").f64()? as i32,
                images: data.get("images").list(read_image)?,
                thread: data.get("thread").value().cloned(),
            })
        })
    }
}

fn url(text: &str) -> Value {
    text.into()
}

fn image_value(image: &Image) -> Value {
    Value::object([
        ("src", Some(url(image.src.as_str()))),
        ("alt", image.alt.as_deref().map(Value::from)),
        ("caption", Some(rich_text_value(&image.caption))),
        ("credit", image.credit.as_deref().map(Value::from)),
        ("width", image.width.map(Value::from)),
        ("height", image.height.map(Value::from)),
        (
            "srcset",
            Some(Value::Array(
                image.srcset.iter().map(|s| Value::Array(vec![url(s.src.as_str()), s.width.into()])).collect(),
            )),
        ),
        ("sizes", image.sizes.as_deref().map(Value::from)),
    ])
}

/// A URL from the page data: it passed the allow-list when the page was built, and must again.
fn read_url(node: &Node) -> Result<SafeUrl, FormatError> {
    SafeUrl::parse(node.str()?).ok_or_else(|| node.invalid("URL not allowed"))
}

fn read_image(image: &Node) -> Result<Image, FormatError> {
    image.object()?;
    Ok(Image {
        src: read_url(&image.get("src"))?,
        alt: image.get("alt").opt_string()?,
        caption: read_rich_text(&image.get("caption"))?,
        credit: image.get("credit").opt_string()?,
        width: image.get("width").opt_u32()?,
        height: image.get("height").opt_u32()?,
        srcset: image.get("srcset").list(|source| match source.items()?.as_slice() {
            [src, width] => Ok(ImageSource { src: read_url(src)?, width: width.u32()? }),
            _ => Err(source.invalid("expected a URL and a width")),
        })?,
        sizes: image.get("sizes").opt_string()?,
    })
}

/// Rich text as a tree of `[kind, …]` arrays: `["t", text]`, `["c", code]`, `["em", …children]`,
/// `["strong", …]`, `["s", …]`, `["a", href or null, title, …children]`, `["br"]`.
fn rich_text_value(text: &RichText) -> Value {
    Value::Array(text.0.iter().map(inline_value).collect())
}

fn inline_value(node: &Inline) -> Value {
    let tagged = |tag: &str, rest: Vec<Value>| Value::Array(std::iter::once(tag.into()).chain(rest).collect());
    let children = |nodes: &[Inline]| nodes.iter().map(inline_value).collect::<Vec<_>>();
    match node {
        Inline::Text(text) => tagged("t", vec![text.as_str().into()]),
        Inline::Code(code) => tagged("c", vec![code.as_str().into()]),
        Inline::Emphasis(nodes) => tagged("em", children(nodes)),
        Inline::Strong(nodes) => tagged("strong", children(nodes)),
        Inline::Strikethrough(nodes) => tagged("s", children(nodes)),
        Inline::LineBreak => tagged("br", Vec::new()),
        Inline::Link { href, title, children: nodes } => {
            let href = href.as_ref().map_or(Value::Null, |href| url(href.as_str()));
            tagged("a", [href, title.as_str().into()].into_iter().chain(children(nodes)).collect())
        }
    }
}

fn read_rich_text(node: &Node) -> Result<RichText, FormatError> {
    node.list(read_inline).map(RichText)
}

fn read_inline(node: &Node) -> Result<Inline, FormatError> {
    let parts = node.items()?;
    let Some((tag, rest)) = parts.split_first() else { return Err(node.invalid("empty node")) };
    let children = |nodes: &[Node]| nodes.iter().map(read_inline).collect::<Result<Vec<_>, _>>();
    let text = || rest.first().map_or_else(|| Err(node.invalid("no text")), |text| Ok(text.str()?.to_owned()));
    Ok(match tag.str()? {
        "t" => Inline::Text(text()?),
        "c" => Inline::Code(text()?),
        "em" => Inline::Emphasis(children(rest)?),
        "strong" => Inline::Strong(children(rest)?),
        "s" => Inline::Strikethrough(children(rest)?),
        "br" => Inline::LineBreak,
        "a" => match rest {
            [href, title, nodes @ ..] => Inline::Link {
                href: href.optional(read_url)?,
                title: title.str()?.to_owned(),
                children: children(nodes)?,
            },
            _ => return Err(node.invalid("a link needs a target and a title")),
        },
        _ => return Err(tag.invalid("unknown kind of text")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;

    #[test]
    fn the_take_over_reads_back_what_the_pre_renderer_wrote() {
        let article = r#"{"format": 1, "slug": "a", "title": "T", "language": "zh", "published": "2020-08-26T12:00:00+03:00",
            "body": [{"type": "figure", "src": "/images/a-480.webp", "alt": "A", "width": 480, "height": 320,
                      "caption": "*Signing* at [JINR](https://jinr.ru \"Dubna\") `x`  \nand ~~old~~ **new** [bad](javascript:alert(1))",
                      "srcset": [{"src": "/images/a-480.webp", "width": 480}, {"src": "/images/a-960.webp", "width": 960}],
                      "sizes": "100vw", "credit": "Photo: JINR"}],
            "gallery": [{"src": "/images/b.webp"}]}"#;
        let (article, _) = Article::from_json(article).unwrap();
        let data = PageData {
            slug: article.slug.clone(),
            title: article.title.clone(),
            language: article.language.clone(),
            featured: true,
            offset_seconds: article.published.offset_seconds(),
            images: article.images().cloned().collect(),
            thread: Some(Value::object([("format", Some(1.0.into()))])),
        };
        let read = PageData::from_json(&data.to_value().to_json()).unwrap();
        assert_eq!(read, data);
        assert!(matches!(&read.images[0].caption.0[0], Inline::Emphasis(_)));
    }

    #[test]
    fn a_refused_url_in_page_data_is_an_error() {
        let text = r#"{"slug": "a", "title": "T", "language": "en", "offset": 0, "images": [{"src": "javascript:alert(1)", "caption": []}]}"#;
        assert_eq!(PageData::from_json(text).unwrap_err().field(), Some("images[0].src"));
    }
}
