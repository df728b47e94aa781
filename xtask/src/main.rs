//! `cargo xtask <command>`: bootstrap, build, serve, test, bench. One entry point for people and CI.

mod bench;
mod bootstrap;
mod build;
mod cmd;
mod serve;
mod test;

use anyhow::bail;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  bootstrap        install missing tools (wasm32 target, trunk, wasm-bindgen-cli, binaryen, chromium)
  build            build the release app into dist/ and print its size
  serve [ARGS]     build, then run the reference server with the app and demo files
                   (ARGS go to the server, e.g. --bind 127.0.0.1:8080 --data-dir data)
  test             run every test layer: lint, unit, server, browser component, end-to-end
  bench [OPTIONS]  measure the bundle, the reference server's listing speed, the file explorer in
                   headless Chromium and a 1 GiB upload (browser vs curl); a full run rewrites
                   BENCHMARKS.md (cargo xtask bench --help)";

fn main() {
    if let Err(e) = run() {
        eprintln!("xtask: error: {e:#}");
        std::process::exit(1);
    }
}

fn run() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_default();
    let rest: Vec<String> = args.collect();
    match command.as_str() {
        "bootstrap" => bootstrap::ensure_tools(),
        "build" => build::release().map(|_| ()),
        "serve" => serve::run_server(&rest),
        "test" => test::run(),
        "bench" => bench::run(&rest),
        "" | "help" | "-h" | "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => bail!("unknown command {other:?}\n\n{USAGE}"),
    }
}
