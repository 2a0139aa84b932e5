//! This browser's `localStorage`, as JSON values under Broadsheet's keys, and its
//! `sessionStorage` for what must not outlive the browser session ([`session`]: a sign-in token).
//! Storage can be missing (private modes, blocked cookies) or full: reads then find nothing and
//! writes report failure, never a panic.

use crate::json::Value;
use crate::model::{CommentDraft, FormatError, Node};

/// A value kept in storage as JSON. The shapes are those earlier versions wrote (serde's), so
/// drafts and comments kept before an upgrade are still read.
pub trait Stored: Sized {
    fn to_value(&self) -> Value;
    fn read(node: &Node) -> Result<Self, FormatError>;
}

fn local_storage() -> Option<web_sys::Storage> {
    // Rendering natively (pre-rendered pages) there is no browser and so no storage.
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

/// The value under `key`, or `None` when absent, unreadable or of another shape.
pub fn read<T: Stored>(key: &str) -> Option<T> {
    let text = local_storage()?.get_item(key).ok().flatten()?;
    Node::parse(&text, |node| T::read(&node)).ok()
}

/// Stores `value` under `key`; false when the browser refused (no storage, quota exceeded).
pub fn write<T: Stored>(key: &str, value: &T) -> bool {
    let text = value.to_value().to_json();
    local_storage().is_some_and(|storage| storage.set_item(key, &text).is_ok())
}

pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

/// The same for `sessionStorage`: kept while this tab (and what it opens) lives, gone when the
/// browser session ends, never kept on disk for later sessions as `localStorage` is.
pub mod session {
    use super::Stored;
    use crate::model::Node;

    fn session_storage() -> Option<web_sys::Storage> {
        if cfg!(not(target_arch = "wasm32")) {
            return None;
        }
        web_sys::window()?.session_storage().ok().flatten()
    }

    pub fn read<T: Stored>(key: &str) -> Option<T> {
        let text = session_storage()?.get_item(key).ok().flatten()?;
        Node::parse(&text, |node| T::read(&node)).ok()
    }

    pub fn write<T: Stored>(key: &str, value: &T) -> bool {
        let text = value.to_value().to_json();
        session_storage().is_some_and(|storage| storage.set_item(key, &text).is_ok())
    }

    pub fn remove(key: &str) {
        if let Some(storage) = session_storage() {
            let _ = storage.remove_item(key);
        }
    }
}

/// Now, in Unix seconds (the browser's clock).
pub fn now_seconds() -> f64 {
    js_sys::Date::now() / 1000.0
}

impl<T: Stored> Stored for Vec<T> {
    fn to_value(&self) -> Value {
        Value::Array(self.iter().map(Stored::to_value).collect())
    }
    fn read(node: &Node) -> Result<Self, FormatError> {
        node.items()?.iter().map(T::read).collect()
    }
}

impl Stored for String {
    fn to_value(&self) -> Value {
        self.as_str().into()
    }
    fn read(node: &Node) -> Result<Self, FormatError> {
        node.str().map(str::to_owned)
    }
}

/// An id and a time, e.g. when the edit window of a comment closes: `["12", 1598454000.5]`.
impl Stored for (String, f64) {
    fn to_value(&self) -> Value {
        Value::Array(vec![self.0.as_str().into(), self.1.into()])
    }
    fn read(node: &Node) -> Result<Self, FormatError> {
        match node.items()?.as_slice() {
            [id, time] => Ok((id.str()?.to_owned(), time.f64()?)),
            _ => Err(node.invalid("expected an id and a time")),
        }
    }
}

impl Stored for CommentDraft {
    fn to_value(&self) -> Value {
        Value::object([
            ("name", Some(self.name.as_str().into())),
            ("email", Some(self.email.as_str().into())),
            ("website", Some(self.website.as_str().into())),
            ("text", Some(self.text.as_str().into())),
        ])
    }
    fn read(node: &Node) -> Result<Self, FormatError> {
        let field = |name: &str| Ok::<_, FormatError>(node.get(name).opt_string()?.unwrap_or_default());
        Ok(CommentDraft { name: field("name")?, email: field("email")?, website: field("website")?, text: field("text")? })
    }
}
