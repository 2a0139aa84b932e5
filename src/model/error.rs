//! Why a file could not be read, naming the field at fault.

/// A file that is not valid JSON, or valid JSON that is not a valid article or index.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("the file is not valid JSON ({reason})")]
    Syntax { reason: String },
    #[error("the field `{field}` is missing")]
    Missing { field: String },
    #[error("the field `{field}` is invalid: {reason}")]
    Invalid { field: String, reason: String },
}

impl FormatError {
    pub fn invalid(field: &str, reason: &str) -> FormatError {
        FormatError::Invalid { field: field.into(), reason: reason.into() }
    }

    /// The field at fault, as a path like `body[2].src`; `None` for a syntax error.
    pub fn field(&self) -> Option<&str> {
        match self {
            FormatError::Syntax { .. } => None,
            FormatError::Missing { field } | FormatError::Invalid { field, .. } => Some(field),
        }
    }
}

/// Parses JSON text into `T`, turning serde's error into a [`FormatError`] with the path of the field.
///
/// The text is read into a `serde_json::Value` first and every type is then read from that one
/// kind of input: each type's deserializer is compiled once instead of once per input kind, which
/// keeps the WebAssembly smaller.
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, FormatError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|error| FormatError::Syntax { reason: error.to_string() })?;
    parse_value(value, "")
}

/// Like [`parse_json`] for a part of a file already read, whose place in the file is `prefix`
/// (e.g. `body[2]`), so errors still name the field by its full path.
pub(crate) fn parse_value<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
    prefix: &str,
) -> Result<T, FormatError> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        let full = match (prefix, path.as_str()) {
            (_, ".") => prefix.to_owned(),
            ("", _) => path,
            _ => format!("{prefix}.{path}"),
        };
        explain(full, error.into_inner())
    })
}

fn explain(path: String, inner: serde_json::Error) -> FormatError {
    if inner.is_syntax() || inner.is_eof() {
        return FormatError::Syntax { reason: inner.to_string() };
    }
    let message = strip_position(&inner.to_string());
    // serde reports a missing field on its parent ("missing field `title`" at "."): join them.
    if let Some(name) = message.strip_prefix("missing field `").and_then(|rest| rest.strip_suffix('`')) {
        return FormatError::Missing { field: join_path(&path, name) };
    }
    FormatError::Invalid { field: if path.is_empty() || path == "." { "(top level)".into() } else { path }, reason: message }
}

fn join_path(parent: &str, name: &str) -> String {
    if parent.is_empty() || parent == "." {
        name.to_owned()
    } else {
        format!("{parent}.{name}")
    }
}

/// serde_json appends " at line L column C", which means nothing to an author looking at a field path.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}
