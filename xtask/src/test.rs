//! `cargo xtask test`: every test layer, fastest first, then one closing tally line.
//!
//! Layers: formatting and clippy (native and wasm32), native unit and server tests, the release build,
//! component tests in headless Chromium (wasm-bindgen-test), and end-to-end tests (fantoccini).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use anyhow::{bail, Context};

use crate::build;
use crate::cmd::{command, step};

/// Running totals over every cargo test invocation.
#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
}

impl Tally {
    /// Reads `test result: ok. 3 passed; 0 failed; ...` lines.
    fn add_line(&mut self, line: &str) {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            return;
        };
        for part in rest.split(';') {
            let mut words = part.split_whitespace().rev();
            let (Some(kind), Some(n)) = (words.next(), words.next()) else {
                continue;
            };
            let n: u64 = n.parse().unwrap_or(0);
            match kind {
                "passed" => self.passed += n,
                "failed" => self.failed += n,
                _ => {}
            }
        }
    }
}

/// Runs `c`, echoing its output and counting test results.
fn run_counted(what: &str, c: &mut Command, tally: &mut Tally) -> anyhow::Result<()> {
    step(what);
    let mut child = c
        .stdout(Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {c:?}"))?;
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines() {
            let line = line.unwrap_or_default();
            println!("{line}");
            tally.add_line(&line);
        }
    }
    let status = child.wait()?;
    if !status.success() {
        bail!("{what} failed ({status})");
    }
    Ok(())
}

fn cargo(args: &[&str]) -> Command {
    let mut c = command("cargo");
    c.args(args);
    c
}

/// Runs every layer; the last line printed is the tally.
pub fn run() -> anyhow::Result<()> {
    let mut tally = Tally::default();
    let result = run_layers(&mut tally);
    println!("\ntotal: {} passed, {} failed", tally.passed, tally.failed);
    result
}

fn run_layers(tally: &mut Tally) -> anyhow::Result<()> {
    build::release()?;
    run_counted(
        "formatting (cargo fmt --check)",
        &mut cargo(&["fmt", "--all", "--", "--check"]),
        tally,
    )?;
    run_counted(
        "clippy, native",
        &mut cargo(&[
            "clippy",
            "--locked",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
        tally,
    )?;
    run_counted(
        "clippy, wasm32",
        &mut cargo(&[
            "clippy",
            "--locked",
            "-p",
            "cloudreve-web",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
        tally,
    )?;
    run_counted(
        "unit and server tests (native)",
        &mut cargo(&[
            "test",
            "--locked",
            "-p",
            "cloudreve-api",
            "-p",
            "refserver",
            "-p",
            "s3box",
            "-p",
            "xtask",
        ]),
        tally,
    )?;
    run_counted(
        "app unit tests (native)",
        &mut cargo(&["test", "--locked", "-p", "cloudreve-web", "--lib"]),
        tally,
    )?;
    run_counted(
        "component tests (wasm-bindgen-test in headless Chromium)",
        &mut cargo(&[
            "test",
            "--locked",
            "-p",
            "cloudreve-web",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "web",
            "--test",
            "transport",
        ]),
        tally,
    )?;
    run_counted(
        "end-to-end tests (release build in headless Chromium)",
        &mut cargo(&["test", "--locked", "-p", "cloudreve-web", "--test", "e2e"]),
        tally,
    )?;
    if tally.passed == 0 {
        bail!("no test ran");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Tally;

    #[test]
    fn tallies_cargo_and_wasm_bindgen_result_lines() {
        let mut t = Tally::default();
        t.add_line("test result: ok. 19 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.03s");
        t.add_line("test result: FAILED. 8 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 73.38s");
        t.add_line("test something ... ok");
        assert_eq!((t.passed, t.failed), (27, 2));
    }
}
