//! `cargo xtask bench`: the bundle size, the reference server's listing speed, the file explorer
//! in headless Chromium (folders of 2,000 and 10,000 files × list/grid/gallery × CPU 1x/4x), and a
//! 1 GiB upload through the app against curl (`upload`), and a first visit of the embeddable share
//! viewer (`embed`). Prints the results and, after a full run,
//! writes them to BENCHMARKS.md.
//!
//! Each browser cell runs in its own fresh Chromium session (cold profile and caches), against one
//! reference server process seeded once; the upload part has its own server and sessions.

mod browser;
mod cdp;
mod cell;
mod embed;
mod report;
mod seed;
mod upload;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;
use std::time::Instant;

use anyhow::{bail, Context};
use tokio::sync::watch;

use self::browser::Driver;
use self::cell::{Outcome, Spec, View};
use self::report::Report;
use self::seed::Server;
use crate::cmd::{command, output, step};
use crate::{bootstrap, build};

const USAGE: &str = "usage: cargo xtask bench [--sizes 2000,10000] [--views list,grid,gallery] [--cpu 1,4] [--no-listing]
                         [--upload | --no-upload] [--upload-mib 1024] [--upload-runs 2]
                         [--embed | --no-embed] [--no-build]
  --upload       only the upload benchmark (no listing, no explorer cells, no embed)
  --embed        only the embeddable share viewer's first visit
  --no-upload    skip the upload benchmark
  --no-embed     skip the embed benchmark
  --upload-mib   size of the uploaded file (default 1024: the issue's 1 GiB)
  --upload-runs  uploads per sender (app, bare XHR, curl, taking turns; default 2)
  --no-build     use the app already in dist/ instead of building it
(BENCHMARKS.md is only rewritten by a full run, without options)";

/// Which parts and cells to run.
struct Options {
    sizes: Vec<usize>,
    views: Vec<View>,
    cpu: Vec<u32>,
    listing: bool,
    explorer: bool,
    upload: Option<upload::Options>,
    embed: bool,
    build: bool,
    full: bool,
}

fn list<T>(value: Option<String>, parse: impl Fn(&str) -> Option<T>) -> anyhow::Result<Vec<T>> {
    let value = value.with_context(|| format!("missing value\n{USAGE}"))?;
    value
        .split(',')
        .map(|v| parse(v.trim()).with_context(|| format!("bad value {v:?}\n{USAGE}")))
        .collect()
}

fn one<T>(value: Option<String>, parse: impl Fn(&str) -> Option<T>) -> anyhow::Result<T> {
    let value = value.with_context(|| format!("missing value\n{USAGE}"))?;
    parse(value.trim()).with_context(|| format!("bad value {value:?}\n{USAGE}"))
}

impl Options {
    fn parse(args: &[String]) -> anyhow::Result<Options> {
        let mut o = Options {
            sizes: vec![2_000, 10_000],
            views: View::ALL.to_vec(),
            cpu: vec![1, 4],
            listing: true,
            explorer: true,
            upload: Some(upload::Options::default()),
            embed: true,
            build: true,
            full: args.is_empty(),
        };
        let mut upload_options = upload::Options::default();
        let mut args = args.iter().cloned();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--sizes" => o.sizes = list(args.next(), |v| v.parse().ok())?,
                "--views" => {
                    o.views = list(args.next(), |v| {
                        View::ALL.into_iter().find(|w| w.name() == v)
                    })?
                }
                "--cpu" => o.cpu = list(args.next(), |v| v.parse().ok().filter(|r| *r >= 1))?,
                "--no-listing" => o.listing = false,
                "--upload" => {
                    o.listing = false;
                    o.explorer = false;
                    o.embed = false;
                }
                "--embed" => {
                    o.listing = false;
                    o.explorer = false;
                    o.upload = None;
                }
                "--no-embed" => o.embed = false,
                "--no-upload" => o.upload = None,
                "--upload-mib" => {
                    upload_options.mib = one(args.next(), |v| v.parse().ok().filter(|m| *m > 0))?
                }
                "--upload-runs" => {
                    upload_options.runs = one(args.next(), |v| v.parse().ok().filter(|r| *r > 0))?
                }
                "--no-build" => o.build = false,
                "-h" | "--help" => {
                    println!("{USAGE}");
                    std::process::exit(0);
                }
                _ => bail!("unknown argument {arg:?}\n{USAGE}"),
            }
        }
        o.upload = o.upload.map(|_| upload_options);
        Ok(o)
    }

    fn specs(&self) -> Vec<Spec> {
        let mut specs = Vec::new();
        for &size in &self.sizes {
            for &view in &self.views {
                for &cpu in &self.cpu {
                    specs.push(Spec { size, view, cpu });
                }
            }
        }
        specs
    }
}

/// Runs the benchmarks given on the command line.
pub fn run(args: &[String]) -> anyhow::Result<()> {
    let options = Options::parse(args)?;
    let run_started = Instant::now();
    let machine = machine();
    let size = if options.build {
        build::release()?
    } else {
        bootstrap::ensure_apt_packages()?;
        build::bundle_size()?
    };
    let bin_dir = seed::build()?;
    let listing = if options.listing {
        listing(&bin_dir)?
    } else {
        Vec::new()
    };
    let started = Instant::now();
    let cells = if options.explorer {
        browser_part(&bin_dir, &options)?
    } else {
        Vec::new()
    };
    let browser_secs = started.elapsed().as_secs_f64();
    // A failed upload part is reported after the explorer's results, which stay printed.
    // Like the uploads, a failed embed part is reported after what did run.
    let embed = options.embed.then(|| embed::part(&bin_dir));
    let (embed, embed_error) = match embed {
        Some(Ok(r)) => (Some(r), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    let uploads = options.upload.map(|o| upload::part(&bin_dir, o));
    let (uploads, upload_error) = match uploads {
        Some(Ok(r)) => (Some(r), None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    let report = Report {
        machine,
        bundle: format!(
            "wasm: {} bytes raw, {} bytes gzip -9 ({:.1} KiB), {:.1} KiB brotli (what the reference server sends).",
            size.raw,
            size.gzip,
            size.gzip as f64 / 1024.0,
            size.brotli as f64 / 1024.0
        ),
        listing,
        cells,
        browser_secs,
        uploads,
        embed,
    };
    println!("\n{}", report.machine);
    if options.explorer {
        println!(
            "\n{}\n{}\nthe browser part took {:.0} s",
            report.table(),
            report.targets(),
            report.browser_secs
        );
    }
    if let Some(u) = &report.uploads {
        println!("{}", u.markdown());
    }
    if let Some(e) = &report.embed {
        println!("{}", e.markdown());
    }
    println!("bench took {:.0} s", run_started.elapsed().as_secs_f64());
    let failed = report
        .cells
        .iter()
        .filter(|(_, o)| matches!(o, Outcome::Failed(_)))
        .count();
    if failed > 0 {
        bail!("{failed} browser cell(s) failed; BENCHMARKS.md left as it was");
    }
    if let Some(e) = embed_error {
        return Err(e.context("the embed benchmark failed; BENCHMARKS.md left as it was"));
    }
    if let Some(e) = upload_error {
        return Err(e.context("the upload benchmark failed; BENCHMARKS.md left as it was"));
    }
    if options.full {
        report.write()?;
    } else {
        println!("(not a full run: BENCHMARKS.md left as it was)");
    }
    Ok(())
}

/// Runs the server listing benchmark, echoing and returning its output lines.
fn listing(bin_dir: &Path) -> anyhow::Result<Vec<String>> {
    step("benchmark: listing a 2,000-item folder on the reference server");
    let mut child = std::process::Command::new(bin_dir.join("examples").join("bench_listing"))
        .stdout(Stdio::piped())
        .spawn()
        .context("starting bench_listing")?;
    let mut lines = Vec::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines() {
            let line = line?;
            println!("{line}");
            lines.push(line);
        }
    }
    let status = child.wait()?;
    if !status.success() {
        bail!("bench_listing failed with {status}");
    }
    Ok(lines)
}

/// Seeds a temp data dir, starts the server and chromedriver, and measures every cell.
fn browser_part(bin_dir: &Path, options: &Options) -> anyhow::Result<Vec<(Spec, Outcome)>> {
    step("benchmark: the file explorer in headless Chromium");
    let data = tempfile::Builder::new()
        .prefix("cr-bench-data-")
        .tempdir()?;
    seed::seed(bin_dir, data.path(), &options.sizes)?;
    let specs = options.specs();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let (interrupt, interrupted) = watch::channel(false);
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                let _ = interrupt.send(true);
            }
        });
        let server = Server::start(bin_dir, data.path()).await?;
        let result = match Driver::start().await {
            Ok(driver) => {
                let r = run_cells(&driver, &server.url, &specs, interrupted).await;
                driver.stop().await;
                r
            }
            Err(e) => Err(e),
        };
        server.stop().await;
        result
    })
}

/// Measures each cell in a fresh session, closing it on every path; stops early on Ctrl-C.
async fn run_cells(
    driver: &Driver,
    base: &str,
    specs: &[Spec],
    mut interrupted: watch::Receiver<bool>,
) -> anyhow::Result<Vec<(Spec, Outcome)>> {
    let mut results = Vec::new();
    for &spec in specs {
        if *interrupted.borrow() {
            bail!("interrupted");
        }
        let started = Instant::now();
        let session = driver.session().await?;
        let outcome = tokio::select! {
            r = cell::measure(&session.client, base, spec) => {
                Some(r.unwrap_or_else(|e| Outcome::Failed(format!("{e:#}"))))
            }
            _ = interrupted.wait_for(|stop| *stop) => None,
        };
        session.close().await;
        let Some(outcome) = outcome else {
            bail!("interrupted");
        };
        let summary = match &outcome {
            Outcome::Measured(m) => format!(
                "first screen {:.0} ms, scroll {:.1} s, p95 frame {:.1} ms",
                m.first_screen_ms,
                m.scroll_ms / 1000.0,
                m.p95_frame_ms
            ),
            Outcome::Unavailable(why) => format!("n/a ({why})"),
            Outcome::Failed(why) => format!("FAILED: {why}"),
        };
        println!(
            "{:>6} files, {:<7} CPU {}x: {summary} [{:.0} s]",
            spec.size,
            spec.view.name(),
            spec.cpu,
            started.elapsed().as_secs_f64()
        );
        results.push((spec, outcome));
    }
    Ok(results)
}

/// One line on the machine, the browser, the app commit and the load when the run started.
fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .and_then(|r| r.split(':').nth(1))
        })
        .map(str::trim)
        .unwrap_or("unknown CPU");
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let mem_gib = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0 / 1024.0);
    let load = std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    let chromium = output(std::process::Command::new("chromium").arg("--version"))
        .unwrap_or_else(|| "Chromium (version unknown)".into());
    let commit = output(command("git").args(["rev-parse", "--short", "HEAD"])).unwrap_or_default();
    let date =
        output(std::process::Command::new("date").args(["-u", "+%Y-%m-%d"])).unwrap_or_default();
    format!(
        "Run on {date} at commit {commit}: {cpu}, {cores} cores, {mem_gib:.0} GiB RAM, load average {load} at the start; {chromium}."
    )
}
