//! `cargo xtask serve`: the app and the reference server with demo files, on one port.

use crate::build;
use crate::cmd::{command, run, step};

/// Builds everything and runs the server until interrupted. `args` go to the server.
pub fn run_server(args: &[String]) -> anyhow::Result<()> {
    build::release()?;
    step("starting the reference server (Ctrl-C stops it)");
    let mut c = command("cargo");
    c.args([
        "run",
        "--locked",
        "-p",
        "refserver",
        "--",
        "--demo",
        "--dist",
        "dist",
    ]);
    if !args.iter().any(|a| a == "--data-dir") {
        c.args(["--data-dir", "data"]);
    }
    c.args(args);
    run(&mut c)
}
