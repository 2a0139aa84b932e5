//! One module per subcommand: arguments, then library calls, then what to print.

pub mod build;
pub mod check;
pub mod import;
pub mod new;

use broadsheet_cli::content::Problem;

/// Prints problems sorted by file and line, errors and warnings alike, to stderr.
pub fn print_problems(problems: &[Problem]) {
    let mut sorted: Vec<_> = problems.iter().collect();
    sorted.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    for problem in sorted {
        eprintln!("{problem}");
    }
}

/// "2 errors, 1 warning".
pub fn count(problems: &[Problem]) -> String {
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!("{}, {}", plural(errors, "error"), plural(warnings, "warning"))
}
