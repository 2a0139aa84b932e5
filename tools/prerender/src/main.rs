//! Re-renders the pages of a build that is already there (`broadsheet build` does it as part of a
//! build): `broadsheet-prerender --dist dist --site-url https://example.org/` (or SITE_URL).

use std::path::PathBuf;

fn main() {
    match args().and_then(|(dist, site_url)| broadsheet_prerender::prerender(&dist, &site_url).map(|s| (dist, s))) {
        Ok((dist, summary)) => {
            for warning in &summary.warnings {
                eprintln!("prerender: {warning}");
            }
            println!("prerender: {} articles, sitemap.xml, feed.xml, feed.json in {}", summary.articles, dist.display())
        }
        Err(problem) => {
            eprintln!("prerender: {problem}");
            std::process::exit(1);
        }
    }
}

fn args() -> Result<(PathBuf, String), String> {
    let mut dist = PathBuf::from("dist");
    let mut site_url = std::env::var("SITE_URL").ok();
    let mut all = std::env::args().skip(1);
    while let Some(arg) = all.next() {
        match arg.as_str() {
            "--dist" => dist = all.next().ok_or("--dist needs a folder")?.into(),
            "--site-url" => site_url = Some(all.next().ok_or("--site-url needs a URL")?),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let mut site_url = site_url.ok_or("give the published site's address: --site-url https://example.org/ (or SITE_URL)")?;
    if !site_url.ends_with('/') {
        site_url.push('/');
    }
    Ok((dist, site_url))
}
