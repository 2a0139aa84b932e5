//! JSON text to a [`Value`] tree and back: the one way Broadsheet reads and writes JSON.
//!
//! In the WebAssembly build the text is parsed by the browser's own `JSON.parse`, so no parser is
//! compiled into the module (serde_json's parser and serde's generated readers were about a third of
//! it); natively (pre-renderer, tools, tests) serde_json parses. Both give the same tree, and
//! `model::read` turns a tree into typed values with errors that name the field.

use std::fmt::Write;

/// Objects nested deeper than this are refused (a hostile file must not exhaust the stack).
pub const MAX_DEPTH: usize = 128;

/// A JSON value. Objects keep their keys in order; a repeated key counts once, the last one.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The member `key` of an object; `None` for a missing key or a value that is not an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().rev().find(|(name, _)| name == key).map(|(_, value)| value),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// An object from `(key, value)` pairs; `None` values are left out (how we write optional fields).
    pub fn object<const N: usize>(members: [(&str, Option<Value>); N]) -> Value {
        Value::Object(members.into_iter().filter_map(|(key, value)| Some((key.to_owned(), value?))).collect())
    }

    /// The value as compact JSON text.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            // Whole numbers (ids, counts, seconds) are written without the float formatter.
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => {
                let _ = write!(out, "{}", *n as i64);
            }
            Value::Number(n) if n.is_finite() => {
                let _ = write!(out, "{n}");
            }
            Value::Number(_) => out.push_str("null"),
            Value::String(text) => write_string(text, out),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Value::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Value {
        Value::String(text.to_owned())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Value {
        Value::String(text)
    }
}

impl From<f64> for Value {
    fn from(number: f64) -> Value {
        Value::Number(number)
    }
}

impl From<u32> for Value {
    fn from(number: u32) -> Value {
        Value::Number(number.into())
    }
}

impl From<bool> for Value {
    fn from(value: bool) -> Value {
        Value::Bool(value)
    }
}

impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(items: Vec<T>) -> Value {
        Value::Array(items.into_iter().map(Into::into).collect())
    }
}

fn write_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Parses JSON text. The error is the parser's own description of what is wrong.
pub fn parse(text: &str) -> Result<Value, String> {
    backend::parse(text)
}

#[cfg(all(target_arch = "wasm32", feature = "views"))]
mod backend {
    use js_sys::{Array, Object};
    use wasm_bindgen::{JsCast, JsValue};

    use super::{Value, MAX_DEPTH};

    pub fn parse(text: &str) -> Result<Value, String> {
        let parsed = js_sys::JSON::parse(text).map_err(|error| {
            error.dyn_ref::<js_sys::Error>().map_or_else(|| "unreadable JSON".to_owned(), |e| String::from(e.message()))
        })?;
        from_js(&parsed, 0)
    }

    fn from_js(value: &JsValue, depth: usize) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err(format!("nested more than {MAX_DEPTH} levels deep"));
        }
        Ok(if value.is_null() || value.is_undefined() {
            Value::Null
        } else if let Some(flag) = value.as_bool() {
            Value::Bool(flag)
        } else if let Some(number) = value.as_f64() {
            Value::Number(number)
        } else if let Some(text) = value.as_string() {
            Value::String(text)
        } else if Array::is_array(value) {
            let items: &Array = value.unchecked_ref();
            Value::Array(items.iter().map(|item| from_js(&item, depth + 1)).collect::<Result<_, _>>()?)
        } else {
            let entries = Object::entries(value.unchecked_ref());
            let members = entries.iter().map(|entry| {
                let entry: &Array = entry.unchecked_ref();
                Ok((entry.get(0).as_string().unwrap_or_default(), from_js(&entry.get(1), depth + 1)?))
            });
            Value::Object(members.collect::<Result<_, String>>()?)
        })
    }
}

#[cfg(not(all(target_arch = "wasm32", feature = "views")))]
mod backend {
    use super::Value;

    /// serde_json refuses nesting deeper than 128 levels itself (its recursion limit).
    pub fn parse(text: &str) -> Result<Value, String> {
        let parsed: serde_json::Value = serde_json::from_str(text).map_err(|error| error.to_string())?;
        Ok(from_serde(parsed))
    }

    fn from_serde(value: serde_json::Value) -> Value {
        match value {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(flag) => Value::Bool(flag),
            serde_json::Value::Number(number) => Value::Number(number.as_f64().unwrap_or(f64::NAN)),
            serde_json::Value::String(text) => Value::String(text),
            serde_json::Value::Array(items) => Value::Array(items.into_iter().map(from_serde).collect()),
            serde_json::Value::Object(members) => {
                Value::Object(members.into_iter().map(|(key, value)| (key, from_serde(value))).collect())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_kind_of_value() {
        let text = r#"{"a":null,"b":true,"c":[1,2.5,-3],"d":"line\nbreak \"quoted\" \\ \u0001 é 中","e":{}}"#;
        let value = parse(text).unwrap();
        assert_eq!(value.get("c"), Some(&Value::Array(vec![1.0.into(), 2.5.into(), (-3.0).into()])));
        assert_eq!(value.get("d").and_then(Value::as_str), Some("line\nbreak \"quoted\" \\ \u{1} é 中"));
        assert_eq!(parse(&value.to_json()).unwrap(), value);
        assert_eq!(value.to_json(), text);
    }

    #[test]
    fn the_last_of_a_repeated_key_counts() {
        assert_eq!(parse(r#"{"k": 1, "k": 2}"#).unwrap().get("k"), Some(&Value::Number(2.0)));
    }

    #[test]
    fn refuses_broken_and_too_deep_text() {
        assert!(parse("{").is_err());
        assert!(parse("").is_err());
        assert!(parse(&"[".repeat(10_000)).is_err());
        assert!(parse(&format!("{}{}", "[".repeat(200), "]".repeat(200))).is_err());
    }

    #[test]
    fn numbers_that_are_not_finite_are_written_as_null() {
        assert_eq!(Value::Number(f64::NAN).to_json(), "null");
        assert_eq!(Value::Number(f64::INFINITY).to_json(), "null");
        assert_eq!(Value::Number(1_598_454_000.0).to_json(), "1598454000");
        assert_eq!(Value::Number(0.5).to_json(), "0.5");
    }
}
