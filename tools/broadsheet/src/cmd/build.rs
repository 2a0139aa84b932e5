//! `broadsheet build [--content content/] [--dist dist/] [--site-url URL] [--content-only] [--timings]`

use std::path::PathBuf;
use std::process::ExitCode;

use broadsheet_cli::config::SiteConfig;
use broadsheet_cli::site::{self, BuildError, BuildOptions};

#[derive(clap::Args)]
pub struct Args {
    /// The content folder.
    #[arg(long, default_value = "content")]
    content: PathBuf,
    /// The site's folder: the app's release build, which the content joins.
    #[arg(long, default_value = "dist")]
    dist: PathBuf,
    /// Where processed pictures are kept between builds.
    #[arg(long, default_value = ".build/broadsheet-cache")]
    cache: PathBuf,
    /// The published address, for canonical links and feeds (else SITE_URL, else broadsheet.toml).
    #[arg(long, env = "SITE_URL")]
    site_url: Option<String>,
    /// Only the articles, index, pictures and comment threads (no pages, feeds, sitemap or compression).
    #[arg(long)]
    content_only: bool,
    /// Print the time each picture took, bytes before and after, and the time of each step.
    #[arg(long)]
    timings: bool,
}

pub fn run(args: Args, site: &SiteConfig) -> Result<ExitCode, String> {
    let options = BuildOptions {
        content: args.content.clone(),
        dist: args.dist.clone(),
        cache: args.cache,
        site_url: args.site_url,
        content_only: args.content_only,
        site: site.clone(),
    };
    match site::build(&options) {
        Ok(report) => {
            super::print_problems(&report.warnings);
            if args.timings {
                print!("{}", site::timings_table(&report));
            }
            let processed = report.pictures.iter().filter(|p| !p.cached).count();
            let pages = report.pages.map(|n| format!(", {n} pre-rendered pages, feeds, sitemap, {} files compressed", report.compressed)).unwrap_or_default();
            println!(
                "build: {} articles, {} pictures ({processed} processed, {} cached){pages} in {}",
                report.articles,
                report.pictures.len(),
                report.pictures.len() - processed,
                args.dist.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(BuildError::Content(problems)) => {
            super::print_problems(&problems);
            eprintln!("build: the content has {}; nothing was built (see above)", super::count(&problems));
            Ok(ExitCode::FAILURE)
        }
        Err(BuildError::Other(message)) => Err(message),
    }
}
