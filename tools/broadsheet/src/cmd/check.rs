//! `broadsheet check [--content content/] [--deny-warnings]`

use std::path::PathBuf;
use std::process::ExitCode;

use broadsheet_cli::config::SiteConfig;
use broadsheet_cli::content;

#[derive(clap::Args)]
pub struct Args {
    /// The content folder.
    #[arg(long, default_value = "content")]
    content: PathBuf,
    /// Fail on warnings too (a picture without alt text, a heading level out of range…).
    #[arg(long)]
    deny_warnings: bool,
}

pub fn run(args: Args, site: &SiteConfig) -> Result<ExitCode, String> {
    let loaded = content::load(&args.content, site)?;
    super::print_problems(&loaded.problems);
    let failed = loaded.has_errors() || (args.deny_warnings && !loaded.problems.is_empty());
    println!(
        "check: {} articles, {} comment threads in {}: {}",
        loaded.articles.len(),
        loaded.threads.len(),
        args.content.display(),
        super::count(&loaded.problems)
    );
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
