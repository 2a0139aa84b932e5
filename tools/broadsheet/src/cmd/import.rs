//! `broadsheet import wordpress|jsonfeed <file> [--content content/] [--download]`

use std::path::PathBuf;
use std::process::ExitCode;

use broadsheet_cli::config::SiteConfig;
use broadsheet_cli::import::write::{write_all, Outcome, WriteOptions};
use broadsheet_cli::import::{jsonfeed, wordpress, ImportBatch, ImportError};

#[derive(clap::Subcommand)]
pub enum Source {
    /// A WordPress REST API v2 posts response (one post or an array, with or without _embed), or a
    /// WordPress export file (WXR 1.1/1.2).
    Wordpress(Args),
    /// A JSON Feed 1.1 or 1.0 document.
    Jsonfeed(Args),
}

#[derive(clap::Args)]
pub struct Args {
    /// The file to import.
    file: PathBuf,
    /// The content folder to import into.
    #[arg(long, default_value = "content")]
    content: PathBuf,
    /// Fetch the posts' pictures into content/images/ (else they stay at their https addresses).
    #[arg(long)]
    download: bool,
    /// Import the posts that can be read and list the others, instead of stopping at the first.
    #[arg(long)]
    skip_broken: bool,
}

pub fn run(source: Source, site: &SiteConfig) -> Result<ExitCode, String> {
    let (args, read): (Args, fn(&std::path::Path, &SiteConfig) -> Result<ImportBatch, ImportError>) = match source {
        Source::Wordpress(args) => (args, wordpress::import),
        Source::Jsonfeed(args) => (args, jsonfeed::import),
    };
    let batch = read(&args.file, site).and_then(|batch| batch.accept(args.skip_broken)).map_err(|e| e.to_string())?;
    let skipped = batch.skipped.clone();
    let options = WriteOptions { content: &args.content, download: args.download, input: &args.file };
    let written = write_all(batch, &options).map_err(|e| e.to_string())?;
    let mut counts = [0; 3];
    for w in &written {
        let (index, word) = match w.outcome {
            Outcome::New => (0, "new"),
            Outcome::Updated => (1, "updated"),
            Outcome::Unchanged => (2, "unchanged"),
        };
        counts[index] += 1;
        println!("{} ({word}): {}", w.file.display(), w.imported.name);
        for (what, count) in w.imported.left_out.entries() {
            let times = if *count > 1 { format!("{count} × ") } else { String::new() };
            println!("    not carried over: {times}{what}");
        }
        for note in &w.imported.notes {
            println!("    note: {note}");
        }
    }
    let skipped = if skipped.is_empty() { String::new() } else { format!("; skipped {}", skipped.join(", ")) };
    println!(
        "import: {} posts from {} ({} new, {} updated, {} unchanged){skipped}",
        written.len(),
        args.file.display(),
        counts[0],
        counts[1],
        counts[2]
    );
    Ok(ExitCode::SUCCESS)
}
