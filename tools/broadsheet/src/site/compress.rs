//! Brotli and gzip siblings (`a.html.br`, `a.html.gz`) of every text file and the WebAssembly, for
//! hosts that serve precompressed files: brotli at quality 11 and gzip at level 9.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

const COMPRESSIBLE: [&str; 8] = ["html", "js", "css", "wasm", "json", "svg", "xml", "txt"];

/// Compresses every compressible file under `dir`, in parallel; returns how many.
pub fn compress_tree(dir: &Path) -> Result<usize, String> {
    let mut files = Vec::new();
    walk(dir, &mut files)?;
    files.retain(|f| f.extension().and_then(|e| e.to_str()).is_some_and(|e| COMPRESSIBLE.contains(&e)));
    files.par_iter().map(|file| compress_file(file)).collect::<Result<Vec<_>, _>>()?;
    Ok(files.len())
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn compress_file(file: &Path) -> Result<(), String> {
    let data = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut brotli_out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, ..Default::default() };
    brotli::BrotliCompress(&mut data.as_slice(), &mut brotli_out, &params).map_err(|e| e.to_string())?;
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(&data).map_err(|e| e.to_string())?;
    let gzip_out = gzip.finish().map_err(|e| e.to_string())?;
    let sibling = |ext: &str| {
        let mut name = file.as_os_str().to_owned();
        name.push(ext);
        PathBuf::from(name)
    };
    std::fs::write(sibling(".br"), brotli_out).map_err(|e| format!("{}: {e}", file.display()))?;
    std::fs::write(sibling(".gz"), gzip_out).map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn writes_siblings_that_decompress_to_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("a/index.html");
        std::fs::create_dir_all(page.parent().unwrap()).unwrap();
        let text = "<p>hello</p>".repeat(100);
        std::fs::write(&page, &text).unwrap();
        std::fs::write(dir.path().join("a/p.webp"), b"RIFF").unwrap();
        assert_eq!(compress_tree(dir.path()).unwrap(), 1);
        let mut unbrotli = Vec::new();
        brotli::BrotliDecompress(&mut std::fs::read(dir.path().join("a/index.html.br")).unwrap().as_slice(), &mut unbrotli).unwrap();
        assert_eq!(unbrotli, text.as_bytes());
        let mut ungzip = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(dir.path().join("a/index.html.gz")).unwrap()).read_to_string(&mut ungzip).unwrap();
        assert_eq!(ungzip, text);
        assert!(!dir.path().join("a/p.webp.br").exists(), "pictures are already compressed");
    }
}
