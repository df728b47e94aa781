//! The reference server for the benchmarks: built with the `bench-server` profile, seeded by the
//! `seed_bench` example into a temp data dir, then run as the normal `refserver` binary on loopback.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use anyhow::{bail, Context};
use tokio::process::{Child, Command};

use super::browser::{free_port, wait_for_port};
use crate::cmd::{self, command, output, run, step};

/// The benchmark user.
pub const EMAIL: &str = "bench@cloudreve.local";
/// Its password.
pub const PASSWORD: &str = "bench-password";

/// Builds the server and the benchmark examples; returns the dir holding the binaries.
pub fn build() -> anyhow::Result<PathBuf> {
    step("building the reference server and its benchmark examples (profile bench-server)");
    run(command("cargo").args([
        "build",
        "--locked",
        "--profile",
        "bench-server",
        "-p",
        "refserver",
        "--bin",
        "refserver",
        "--example",
        "seed_bench",
        "--example",
        "bench_listing",
        "--example",
        "bench_blob",
    ]))?;
    let meta = output(command("cargo").args(["metadata", "--format-version", "1", "--no-deps"]))
        .context("cargo metadata failed")?;
    let meta: serde_json::Value = serde_json::from_str(&meta)?;
    let target = meta["target_directory"]
        .as_str()
        .context("cargo metadata has no target_directory")?;
    Ok(Path::new(target).join("bench-server"))
}

/// Creates the benchmark user with a folder `big-<n>` of `n` files for each of `sizes`.
pub fn seed(bin_dir: &Path, data_dir: &Path, sizes: &[usize]) -> anyhow::Result<()> {
    let mut c = std::process::Command::new(bin_dir.join("examples").join("seed_bench"));
    c.arg(data_dir).args([EMAIL, PASSWORD]);
    c.args(sizes.iter().map(usize::to_string));
    run(&mut c)
}

/// A running reference server; killed when dropped.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:<port>`.
    pub url: String,
}

impl Server {
    /// Serves `data_dir` and the built app on a free loopback port.
    pub async fn start(bin_dir: &Path, data_dir: &Path) -> anyhow::Result<Server> {
        let port = free_port()?;
        let child = Command::new(bin_dir.join("refserver"))
            .args(["--bind", &format!("127.0.0.1:{port}"), "--data-dir"])
            .arg(data_dir)
            .arg("--dist")
            .arg(cmd::root().join("dist"))
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .process_group(0)
            .kill_on_drop(true)
            .spawn()
            .context("starting the reference server")?;
        let mut server = Server {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        if let Err(e) = wait_for_port(port, "the reference server", Duration::from_secs(15)).await {
            if let Ok(Some(status)) = server.child.try_wait() {
                bail!("the reference server exited with {status}");
            }
            return Err(e);
        }
        Ok(server)
    }

    /// The server's process id.
    pub fn pid(&self) -> Option<u32> {
        self.child.id()
    }

    /// Stops the server.
    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }
}
