//! Running child processes with the project's tool paths, and finding the project root.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context};

/// The workspace root (parent of `xtask/`).
pub fn root() -> PathBuf {
    // `cargo run` sets the variable for the process. Prefer it over the compile-time value: cargo
    // reuses a workspace member's build across clones sharing one target dir, so the binary may have
    // been compiled in another (possibly deleted) clone.
    let manifest = std::env::var("CARGO_MANIFEST_DIR")
        .unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_string());
    Path::new(&manifest)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Where project-local tools (npm binaryen) live.
pub fn tools_dir() -> PathBuf {
    root().join(".tools")
}

/// `PATH` with the project's tool dirs first.
pub fn tool_path() -> String {
    let cargo_bin = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo"))
        .join("bin");
    let npm_bin = tools_dir().join("node_modules").join(".bin");
    format!(
        "{}:{}:{}",
        npm_bin.display(),
        cargo_bin.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// A command run from the project root with the tool `PATH`.
pub fn command(program: &str) -> Command {
    let mut c = Command::new(program);
    c.current_dir(root())
        .env("PATH", tool_path())
        .env("TRUNK_SKIP_VERSION_CHECK", "true");
    c
}

/// Runs `c`, streaming its output; fails when it fails.
pub fn run(c: &mut Command) -> anyhow::Result<()> {
    let status = c.status().with_context(|| format!("starting {c:?}"))?;
    if !status.success() {
        bail!("{c:?} failed with {status}");
    }
    Ok(())
}

/// Runs `c` quietly and returns its stdout, or `None` if it cannot run or fails.
pub fn output(c: &mut Command) -> Option<String> {
    let out = c.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Prints a step heading.
pub fn step(what: &str) {
    println!("\n==> {what}");
}
