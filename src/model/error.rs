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
