//! Waline's server-rendered comment HTML read by the browser's own parser, inertly: a document made
//! by `DOMParser` runs no script, loads no image and fetches nothing. Its tree then goes through
//! the one allow-list walk for HTML from elsewhere ([`crate::model::html`]); no HTML string is ever
//! put into the page.
//!
//! The tree is read through the DOM's own getters (`Node.prototype`'s `nodeType`, `Element.
//! prototype`'s `getAttribute`…), never through the nodes' properties: in HTML a `<form>` answers
//! `form.nodeType` with its `<input name=nodeType>`, and a document answers `document.body` with
//! an `<img name=body>` ("DOM clobbering"). Hostile comments do exactly that.

use std::borrow::Cow;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomParser, Node, NodeList, SupportedType};

use crate::model::html::{blocks, rich_text, HtmlNode, LeftOut, NoClaims};
use crate::model::{Block, Inline, RichText};

/// The DOM's own accessors, taken from the prototypes of this window (which a parsed document
/// cannot change).
struct Dom {
    node_type: Function,
    node_value: Function,
    child_nodes: Function,
    local_name: Function,
    get_attribute: Function,
    get_attribute_names: Function,
    body: Function,
}

impl Dom {
    fn new() -> Option<Dom> {
        let window: JsValue = web_sys::window()?.into();
        let prototype = |class: &str| Reflect::get(&window, &class.into()).and_then(|c| Reflect::get(&c, &"prototype".into())).ok();
        let getter = |proto: &JsValue, name: &str| -> Option<Function> {
            let descriptor = Reflect::get_own_property_descriptor(proto.unchecked_ref::<js_sys::Object>(), &name.into()).ok()?;
            Reflect::get(&descriptor, &"get".into()).ok()?.dyn_into().ok()
        };
        let method = |proto: &JsValue, name: &str| -> Option<Function> { Reflect::get(proto, &name.into()).ok()?.dyn_into().ok() };
        let (node, element, document) = (prototype("Node")?, prototype("Element")?, prototype("Document")?);
        Some(Dom {
            node_type: getter(&node, "nodeType")?,
            node_value: getter(&node, "nodeValue")?,
            child_nodes: getter(&node, "childNodes")?,
            local_name: getter(&element, "localName")?,
            get_attribute: method(&element, "getAttribute")?,
            get_attribute_names: method(&element, "getAttributeNames")?,
            body: getter(&document, "body")?,
        })
    }
}

/// A node of an inert document.
#[derive(Clone)]
struct DomNode<'a> {
    node: JsValue,
    dom: &'a Dom,
}

impl DomNode<'_> {
    fn kind(&self) -> u32 {
        self.dom.node_type.call0(&self.node).ok().and_then(|v| v.as_f64()).unwrap_or(0.0) as u32
    }
}

impl HtmlNode for DomNode<'_> {
    fn element_name(&self) -> Option<Cow<'_, str>> {
        if self.kind() != u32::from(Node::ELEMENT_NODE) {
            return None;
        }
        let name = self.dom.local_name.call0(&self.node).ok()?.as_string()?;
        Some(Cow::Owned(name.to_ascii_lowercase()))
    }

    fn text(&self) -> Option<Cow<'_, str>> {
        let kind = self.kind();
        if kind != u32::from(Node::TEXT_NODE) && kind != u32::from(Node::CDATA_SECTION_NODE) {
            return None;
        }
        Some(Cow::Owned(self.dom.node_value.call0(&self.node).ok()?.as_string().unwrap_or_default()))
    }

    fn attribute(&self, name: &str) -> Option<Cow<'_, str>> {
        if self.kind() != u32::from(Node::ELEMENT_NODE) {
            return None;
        }
        self.dom.get_attribute.call1(&self.node, &name.into()).ok()?.as_string().map(Cow::Owned)
    }

    fn attribute_names(&self) -> Vec<String> {
        if self.kind() != u32::from(Node::ELEMENT_NODE) {
            return Vec::new();
        }
        self.dom
            .get_attribute_names
            .call0(&self.node)
            .ok()
            .and_then(|names| names.dyn_into::<Array>().ok())
            .map(|names| names.iter().filter_map(|name| name.as_string()).collect())
            .unwrap_or_default()
    }

    fn children(&self) -> Vec<Self> {
        let Some(list) = self.dom.child_nodes.call0(&self.node).ok().and_then(|l| l.dyn_into::<NodeList>().ok()) else {
            return Vec::new();
        };
        (0..list.length()).filter_map(|i| list.item(i)).map(|node| DomNode { node: node.into(), dom: self.dom }).collect()
    }
}

/// One comment's HTML as our text: a run of prose and the blocks. HTML that cannot be parsed at
/// all (no browser) is shown as its text, never as markup.
pub fn comment_html(html: &str) -> (RichText, Vec<Block>) {
    let walked = READER.with(|reader| {
        let (dom, parser) = reader.as_ref()?;
        let document = parser.parse_from_string(html, SupportedType::TextHtml).ok()?;
        let body = dom.body.call0(&document).ok().filter(|body| !body.is_null() && !body.is_undefined())?;
        let node = DomNode { node: body, dom };
        let mut left_out = LeftOut::default();
        Some((rich_text(&node, &mut left_out), blocks(&node, &mut NoClaims, &mut left_out)))
    });
    walked.unwrap_or_else(|| (RichText(vec![Inline::Text(html.to_owned())]), Vec::new()))
}

thread_local! {
    /// The accessors and one parser, made once: a page of comments is read comment by comment.
    static READER: Option<(Dom, DomParser)> = Dom::new().zip(DomParser::new().ok());
}
