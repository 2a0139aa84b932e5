//! A problem found in the content, named by file, line and field, as `broadsheet check` prints it.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The site can still be built; a reader may notice (a picture without alt text).
    Warning,
    /// The site cannot be built as written (a front matter that does not parse, a missing picture).
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub file: PathBuf,
    /// 1-based line in the file, when the problem has a place.
    pub line: Option<usize>,
    /// The front matter field or body part at fault (`published`, `gallery[2].src`, `body`).
    pub field: Option<String>,
    pub message: String,
}

impl Problem {
    pub fn error(file: &Path, line: Option<usize>, field: Option<&str>, message: impl Into<String>) -> Problem {
        Problem { severity: Severity::Error, file: file.to_owned(), line, field: field.map(str::to_owned), message: message.into() }
    }

    pub fn warning(file: &Path, line: Option<usize>, field: Option<&str>, message: impl Into<String>) -> Problem {
        Problem { severity: Severity::Warning, file: file.to_owned(), line, field: field.map(str::to_owned), message: message.into() }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// `content/a.md:12: error: published: "26 August" is not a date …`, the form editors and
/// terminals turn into a link to the line.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {kind}: ")?;
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// Turns byte offsets in a file into 1-based line numbers.
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Lines { starts }
    }

    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines() {
        let lines = Lines::new("a\nbc\n\nd");
        assert_eq!([0, 1, 2, 3, 4, 5, 6].map(|o| lines.line_of(o)), [1, 1, 2, 2, 2, 3, 4]);
    }

    #[test]
    fn prints_file_line_severity_and_field() {
        let problem = Problem::error(Path::new("content/a.md"), Some(3), Some("published"), "not a date");
        assert_eq!(problem.to_string(), "content/a.md:3: error: published: not a date");
        let warning = Problem::warning(Path::new("content/a.md"), None, None, "x");
        assert_eq!(warning.to_string(), "content/a.md: warning: x");
    }
}
