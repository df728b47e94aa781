//! How an upload is checked: the blob the server stores for the file (found through the server's
//! own database by the `bench_blob` example) hashes like the local file. The server serves no
//! download route for files yet (`POST /file/url`), so the blob is read from the data dir.

use std::path::Path;

use anyhow::{bail, Context};
use tokio::process::Command;

use crate::bench::seed;

/// SHA-256 (hex) of a local file.
pub async fn file_sha256(path: &Path) -> anyhow::Result<String> {
    let out = Command::new("sha256sum")
        .arg(path)
        .output()
        .await
        .context("starting sha256sum")?;
    if !out.status.success() {
        bail!("sha256sum {} failed", path.display());
    }
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .map(str::to_string)
        .context("sha256sum printed nothing")
}

/// SHA-256 (hex) of the bytes the server in `data_dir` keeps for the bench user's file `path`.
pub async fn stored_sha256(bin_dir: &Path, data_dir: &Path, path: &str) -> anyhow::Result<String> {
    let out = Command::new(bin_dir.join("examples").join("bench_blob"))
        .arg(data_dir)
        .args([seed::EMAIL, path])
        .output()
        .await
        .context("starting bench_blob")?;
    if !out.status.success() {
        bail!(
            "bench_blob {path} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    let blob = String::from_utf8_lossy(&out.stdout).trim().to_string();
    file_sha256(Path::new(&blob)).await
}
