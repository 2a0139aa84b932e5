//! Reading typed values out of a JSON tree ([`crate::json::Value`]), with errors that name the
//! field at fault by its path in the file (`body[2].src`), so an author knows what to fix.
//!
//! Every reader in the model and the adapters goes through [`Node`]: a value and where it sits.
//! Absent and `null` mean the same (an optional field left out).
//!
//! ```
//! use broadsheet::model::{FormatError, Node};
//! let title = Node::parse("{\"title\": 5}", |file| file.get("title").opt_string()).unwrap_err();
//! assert_eq!(title.field(), Some("title"));
//! let name = Node::parse("{\"authors\": [{}]}", |file| file.get("authors").items()?[0].get("name").opt_u32());
//! assert_eq!(name, Ok(None));
//! let name = Node::parse("{\"authors\": [{}]}", |file| file.get("authors").items()?[0].get("name").f64());
//! assert_eq!(name, Err(FormatError::Missing { field: "authors[0].name".into() }));
//! ```

use super::FormatError;
use crate::json::{self, Value};

/// A value of a JSON file (or its absence) and its path in the file.
#[derive(Clone, Debug)]
pub struct Node<'a> {
    value: Option<&'a Value>,
    path: String,
}

impl<'a> Node<'a> {
    /// The top of a file already parsed.
    pub fn root(value: &'a Value) -> Node<'a> {
        Node { value: Some(value), path: String::new() }
    }

    /// Parses `text` and reads its top with `read`; broken JSON is a [`FormatError::Syntax`].
    pub fn parse<T>(text: &str, read: impl FnOnce(Node<'_>) -> Result<T, FormatError>) -> Result<T, FormatError> {
        let value = json::parse(text).map_err(|reason| FormatError::Syntax { reason })?;
        read(Node::root(&value))
    }

    /// The path of this value in the file, e.g. `body[2].src` (empty at the top).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The member `key` of this object (absent when this is not an object or has no such member).
    pub fn get(&self, key: &str) -> Node<'a> {
        let path = if self.path.is_empty() { key.to_owned() } else { format!("{}.{key}", self.path) };
        Node { value: self.value.and_then(|value| value.get(key)), path }
    }

    /// The value, unless it is absent or `null`.
    pub fn value(&self) -> Option<&'a Value> {
        self.value.filter(|value| **value != Value::Null)
    }

    pub fn exists(&self) -> bool {
        self.value().is_some()
    }

    pub fn missing(&self) -> FormatError {
        FormatError::Missing { field: self.path.clone() }
    }

    pub fn invalid(&self, reason: &str) -> FormatError {
        let field = if self.path.is_empty() { "(top level)" } else { &self.path };
        FormatError::invalid(field, reason)
    }

    /// Reads the value with `read` when it is there; `None` when absent or `null`.
    pub fn optional<T>(&self, read: impl FnOnce(&Node<'a>) -> Result<T, FormatError>) -> Result<Option<T>, FormatError> {
        if self.exists() {
            read(self).map(Some)
        } else {
            Ok(None)
        }
    }

    /// Checks that this value is an object (the top of a file, a block, an image).
    pub fn object(&self) -> Result<(), FormatError> {
        match self.value() {
            Some(Value::Object(_)) => Ok(()),
            Some(other) => Err(self.invalid(&format!("expected an object, found {}", kind(other)))),
            None if self.path.is_empty() => Err(self.invalid("expected an object, found null")),
            None => Err(self.missing()),
        }
    }

    pub fn str(&self) -> Result<&'a str, FormatError> {
        match self.value() {
            Some(Value::String(text)) => Ok(text),
            Some(other) => Err(self.invalid(&format!("expected text, found {}", kind(other)))),
            None => Err(self.missing()),
        }
    }

    pub fn opt_str(&self) -> Result<Option<&'a str>, FormatError> {
        self.optional(Node::str)
    }

    /// An optional text as an owned `String`.
    pub fn opt_string(&self) -> Result<Option<String>, FormatError> {
        Ok(self.opt_str()?.map(str::to_owned))
    }

    pub fn f64(&self) -> Result<f64, FormatError> {
        match self.value() {
            Some(Value::Number(number)) => Ok(*number),
            Some(other) => Err(self.invalid(&format!("expected a number, found {}", kind(other)))),
            None => Err(self.missing()),
        }
    }

    pub fn opt_f64(&self) -> Result<Option<f64>, FormatError> {
        self.optional(Node::f64)
    }

    /// A whole number from 0 to 4294967295.
    pub fn u32(&self) -> Result<u32, FormatError> {
        let number = self.f64()?;
        if number.fract() != 0.0 || !(0.0..=f64::from(u32::MAX)).contains(&number) {
            // (No number in the message: formatting floats would cost the module ~5 KB.)
            return Err(self.invalid("expected a whole number from 0 to 4294967295"));
        }
        Ok(number as u32)
    }

    pub fn opt_u32(&self) -> Result<Option<u32>, FormatError> {
        self.optional(Node::u32)
    }

    pub fn bool(&self) -> Result<bool, FormatError> {
        match self.value() {
            Some(Value::Bool(flag)) => Ok(*flag),
            Some(other) => Err(self.invalid(&format!("expected true or false, found {}", kind(other)))),
            None => Err(self.missing()),
        }
    }

    /// A flag that is `false` when absent.
    pub fn flag(&self) -> Result<bool, FormatError> {
        Ok(self.optional(Node::bool)?.unwrap_or(false))
    }

    /// The items of a required array, each with its path (`comments[3]`).
    pub fn items(&self) -> Result<Vec<Node<'a>>, FormatError> {
        match self.value() {
            Some(Value::Array(items)) => Ok(items
                .iter()
                .enumerate()
                .map(|(i, item)| Node { value: Some(item), path: format!("{}[{i}]", self.path) })
                .collect()),
            Some(other) => Err(self.invalid(&format!("expected a list, found {}", kind(other)))),
            None => Err(self.missing()),
        }
    }

    /// The items of an optional array: none when absent or `null`.
    pub fn opt_items(&self) -> Result<Vec<Node<'a>>, FormatError> {
        Ok(self.optional(Node::items)?.unwrap_or_default())
    }

    /// Reads every item of an optional array with `read`.
    pub fn list<T>(&self, read: impl Fn(&Node<'a>) -> Result<T, FormatError>) -> Result<Vec<T>, FormatError> {
        self.opt_items()?.iter().map(read).collect()
    }
}

/// What a value is, in an author's words, for error messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T>(text: &str, f: impl FnOnce(Node<'_>) -> Result<T, FormatError>) -> Result<T, FormatError> {
        Node::parse(text, f)
    }

    #[test]
    fn paths_name_members_and_items() {
        let error = read(r#"{"body": [{}, {"src": 3}]}"#, |file| file.get("body").items()?[1].get("src").str().map(str::to_owned));
        assert_eq!(error.unwrap_err(), FormatError::invalid("body[1].src", "expected text, found a number"));
    }

    #[test]
    fn absent_and_null_are_the_same() {
        assert_eq!(read(r#"{"a": null}"#, |f| f.get("a").opt_string()), Ok(None));
        assert_eq!(read(r#"{}"#, |f| f.get("a").opt_u32()), Ok(None));
        assert_eq!(read(r#"{"a": null}"#, |f| f.get("a").str().map(str::to_owned)), Err(FormatError::Missing { field: "a".into() }));
        assert_eq!(read(r#"{}"#, |f| f.get("list").opt_items().map(|items| items.len())), Ok(0));
        assert_eq!(read(r#"{}"#, |f| f.get("flag").flag()), Ok(false));
    }

    #[test]
    fn whole_numbers_are_checked() {
        for bad in ["-1", "1.5", "4294967296", "\"7\""] {
            assert!(read(&format!(r#"{{"n": {bad}}}"#), |f| f.get("n").u32()).is_err(), "{bad}");
        }
        assert_eq!(read(r#"{"n": 4294967295}"#, |f| f.get("n").u32()), Ok(u32::MAX));
    }

    #[test]
    fn a_top_level_of_the_wrong_kind_is_named() {
        let error = read("[1]", |f| f.get("title").str().map(str::to_owned)).unwrap_err();
        assert_eq!(error.field(), Some("title"));
        assert!(matches!(read("{", |f| f.str().map(str::to_owned)), Err(FormatError::Syntax { .. })));
        assert_eq!(read("3", |f| f.str().map(str::to_owned)).unwrap_err().field(), Some("(top level)"));
    }
}
