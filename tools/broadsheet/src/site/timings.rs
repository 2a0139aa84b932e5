//! `broadsheet build --timings`: time per picture, bytes before and after, time per step.

use super::BuildReport;

pub fn timings_table(report: &BuildReport) -> String {
    let mut out = String::from("picture                                   largest out       bytes in   widths  bytes out    time\n");
    let mut pictures: Vec<_> = report.pictures.iter().collect();
    pictures.sort_by(|a, b| a.original.cmp(&b.original));
    for p in &pictures {
        let name = p.original.file_name().unwrap_or_default().to_string_lossy();
        let largest = p.variants.last().map(|v| format!("{}x{}", v.width, v.height)).unwrap_or_default();
        let widths: Vec<_> = p.variants.iter().map(|v| v.width.to_string()).collect();
        out.push_str(&format!(
            "{name:<40}  {largest:>10}  {:>14}  {:>7}  {:>9}  {:>6.3} s{}\n",
            p.original_bytes,
            widths.join("/"),
            p.output_bytes(),
            p.seconds,
            if p.cached { "  (cached)" } else { "" }
        ));
    }
    let done: Vec<_> = pictures.iter().filter(|p| !p.cached).collect();
    let before: u64 = pictures.iter().map(|p| p.original_bytes).sum();
    let after: u64 = pictures.iter().map(|p| p.output_bytes()).sum();
    out.push_str(&format!(
        "{} pictures ({} processed, {} from the cache): {} bytes before, {} bytes after ({:.1}%)\n",
        pictures.len(),
        done.len(),
        pictures.len() - done.len(),
        before,
        after,
        if before > 0 { after as f64 * 100.0 / before as f64 } else { 0.0 }
    ));
    if !done.is_empty() {
        let total: f64 = done.iter().map(|p| p.seconds).sum();
        out.push_str(&format!(
            "processing time per picture: mean {:.3} s, max {:.3} s (on {} cores, in parallel)\n",
            total / done.len() as f64,
            done.iter().map(|p| p.seconds).fold(0.0, f64::max),
            rayon::current_num_threads()
        ));
    }
    for (name, seconds) in &report.steps {
        out.push_str(&format!("step {name:<24} {seconds:>8.3} s\n"));
    }
    out
}
