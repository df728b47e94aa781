//! The release build of the app and its size report.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use flate2::write::GzEncoder;
use flate2::Compression;

use crate::bootstrap;
use crate::cmd::{self, command, run, step};

/// Sizes of the built wasm.
pub struct BundleSize {
    /// The `_bg.wasm` file.
    pub path: PathBuf,
    /// Bytes on disk.
    pub raw: usize,
    /// Bytes after gzip -9.
    pub gzip: usize,
    /// Bytes of the `.br` twin (what a browser downloads from the reference server).
    pub brotli: usize,
}

/// Builds the release app into `dist/` and prints its size.
pub fn release() -> anyhow::Result<BundleSize> {
    bootstrap::ensure_tools()?;
    step("building the release app (trunk build --release)");
    run(command("trunk").args(["build", "--release", "--locked"]))?;
    precompress(&cmd::root().join("dist"))?;
    let size = bundle_size()?;
    println!(
        "wasm bundle: {} bytes raw, {} bytes gzip ({:.1} KiB gzip), {:.1} KiB brotli — {}",
        size.raw,
        size.gzip,
        size.gzip as f64 / 1024.0,
        size.brotli as f64 / 1024.0,
        size.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    );
    Ok(size)
}

/// Writes a brotli (`<file>.br`, quality 11) and a gzip -9 (`<file>.gz`) twin of each script,
/// stylesheet and wasm file in `dist`, for servers that hand out precompressed files (the
/// reference server, nginx `gzip_static`/`brotli_static`): the wasm goes out at under a third of
/// its size (brotli; 40% with gzip) without compressing it on every request.
fn precompress(dist: &Path) -> anyhow::Result<()> {
    for entry in fs::read_dir(dist).with_context(|| format!("reading {}", dist.display()))? {
        let path = entry?.path();
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "wasm" | "js" | "css"));
        if !wanted {
            continue;
        }
        let bytes = fs::read(&path)?;
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        gz.write_all(&bytes)?;
        let mut br = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 24,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut bytes.as_slice(), &mut br, &params)?;
        for (ext, data) in [(".gz", gz.finish()?), (".br", br)] {
            let mut twin = path.clone().into_os_string();
            twin.push(ext);
            fs::write(&twin, data)
                .with_context(|| format!("writing {}", Path::new(&twin).display()))?;
        }
    }
    Ok(())
}

/// Measures the `_bg.wasm` in `dist/`.
pub fn bundle_size() -> anyhow::Result<BundleSize> {
    let dist = cmd::root().join("dist");
    let path = fs::read_dir(&dist)
        .with_context(|| format!("reading {}", dist.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with("_bg.wasm"))
        .context("dist/ has no _bg.wasm")?;
    let bytes = fs::read(&path)?;
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(&bytes)?;
    let mut br = path.clone().into_os_string();
    br.push(".br");
    // Builds older than the .br twins have none.
    let brotli = fs::metadata(&br).map_or(0, |m| m.len() as usize);
    Ok(BundleSize {
        raw: bytes.len(),
        gzip: gz.finish()?.len(),
        brotli,
        path,
    })
}
