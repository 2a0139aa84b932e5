//! `broadsheet`: builds a Broadsheet site from Markdown and pictures, checks the content, imports
//! WordPress and JSON Feed posts. Parses the arguments and hands over to one module per subcommand.

mod cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "broadsheet", version, about = "Publish Broadsheet articles written in Markdown, and import them from WordPress or a JSON Feed.")]
struct Cli {
    /// The site's settings (default language, published address); optional.
    #[arg(long, global = true, default_value = "broadsheet.toml")]
    config: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start a new article: content/<slug>.md with its front matter filled in.
    New(cmd::new::Args),
    /// Build the site: articles, index, pictures, then pages, feeds, sitemap and compression.
    Build(cmd::build::Args),
    /// List every problem in the content (file, line, field); exit status 1 on any error.
    Check(cmd::check::Args),
    /// Import posts into content/ as Markdown articles.
    #[command(subcommand)]
    Import(cmd::import::Source),
}

fn main() -> ExitCode {
    // Read before any thread starts: the local UTC offset cannot be asked for safely afterwards.
    let now = time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    let cli = Cli::parse();
    let site = match broadsheet_cli::config::SiteConfig::load(&cli.config) {
        Ok(site) => site,
        Err(problem) => {
            eprintln!("broadsheet: {problem}");
            return ExitCode::FAILURE;
        }
    };
    let result = match cli.command {
        Command::New(args) => cmd::new::run(args, &site, now),
        Command::Build(args) => cmd::build::run(args, &site),
        Command::Check(args) => cmd::check::run(args, &site),
        Command::Import(source) => cmd::import::run(source, &site),
    };
    match result {
        Ok(code) => code,
        Err(problem) => {
            eprintln!("broadsheet: {problem}");
            ExitCode::FAILURE
        }
    }
}
