//! `cargo xtask bench --upload`: a 1 GiB file uploaded through the app in headless Chromium to the
//! reference server on loopback, against `curl` sending the same chunks to the same server with the
//! app's schedule; the browser session's memory is sampled meanwhile. The bytes the server stored
//! for every upload are compared (SHA-256) with the local file, then the file is deleted.
//!
//! The sides alternate (browser, curl, browser, curl, …) so that both see the same machine load.

mod api;
mod browser_run;
mod check;
mod curl_run;
mod payload;
mod procs;
pub mod report;
mod timing;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use tokio::sync::watch;

use self::api::Api;
use self::browser_run::{Memory, Uploader};
use self::timing::Timing;
use super::browser::{Driver, Session};
use super::seed::{self, Server};
use crate::cmd::step;

/// The browser's file name, and so the uploaded file's.
const FILE_NAME: &str = "bench-upload.bin";
/// The bare uploader's file on the server.
const BARE_NAME: &str = "bench-upload-bare.bin";
/// curl's file on the server.
const CURL_NAME: &str = "bench-upload-curl.bin";
/// How long one upload may take.
const RUN_LIMIT: Duration = Duration::from_secs(600);

/// What to upload, and how often.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// File size in MiB (1024 for the 1 GiB).
    pub mib: u64,
    /// Uploads per side.
    pub runs: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { mib: 1024, runs: 2 }
    }
}

/// Who sent the bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The app in headless Chromium.
    Browser,
    /// A few lines of JS in headless Chromium with the app's schedule and none of its code: what
    /// Chromium itself costs.
    Bare,
    /// curl, one process per chunk.
    Curl,
}

/// CPU time one upload cost, seconds (user and system).
#[derive(Debug, Clone, Copy, Default)]
pub struct Cpu {
    /// The sender: the Chromium session's processes, or the curl processes.
    pub client: f64,
    /// The reference server.
    pub server: f64,
}

/// One upload.
#[derive(Debug, Clone)]
pub struct Run {
    /// Who sent it.
    pub side: Side,
    /// Its timeline.
    pub timing: Timing,
    /// The browser session's memory (browser runs).
    pub memory: Option<Memory>,
    /// What it cost in CPU time.
    pub cpu: Cpu,
    /// The browser session's CPU time by kind of process, most first (browser runs).
    pub cpu_by_kind: Vec<(String, f64)>,
}

/// Everything the upload part measured.
#[derive(Debug, Clone)]
pub struct Results {
    /// Bytes per upload.
    pub size: u64,
    /// The policy's chunk size, bytes.
    pub chunk_size: u64,
    /// The policy's chunk concurrency.
    pub concurrency: usize,
    /// The load average when the part started.
    pub load: String,
    /// Every upload, in the order they ran.
    pub runs: Vec<Run>,
    /// Wall time of the whole part, seconds (file generation and checks included).
    pub secs: f64,
}

/// The load average now ("1.00 2.00 3.00").
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// Runs the upload benchmark with the server binaries in `bin_dir`.
pub fn part(bin_dir: &Path, options: Options) -> anyhow::Result<Results> {
    step(&format!(
        "benchmark: uploading {} MiB through headless Chromium, and with curl",
        options.mib
    ));
    let started = Instant::now();
    let load = load_average();
    let work = tempfile::Builder::new()
        .prefix("cr-bench-upload-")
        .tempdir()?;
    let data = tempfile::Builder::new()
        .prefix("cr-bench-data-")
        .tempdir()?;
    let size = options.mib << 20;
    let file = work.path().join(FILE_NAME);
    let t = Instant::now();
    payload::generate(&file, size)?;
    println!(
        "wrote {} MiB to {} in {:.1} s",
        options.mib,
        file.display(),
        t.elapsed().as_secs_f64()
    );
    seed::seed(bin_dir, data.path(), &[])?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let mut results = runtime.block_on(async {
        let (interrupt, interrupted) = watch::channel(false);
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                let _ = interrupt.send(true);
            }
        });
        let server = Server::start(bin_dir, data.path()).await?;
        let pid = server.pid().context("the reference server has exited")?;
        let result = match Driver::start().await {
            Ok(driver) => {
                let dirs = Dirs {
                    bin: bin_dir,
                    data: data.path(),
                    work: work.path(),
                };
                let r = runs(
                    &driver,
                    &server.url,
                    pid,
                    &file,
                    &dirs,
                    options,
                    interrupted,
                )
                .await;
                driver.stop().await;
                r
            }
            Err(e) => Err(e),
        };
        server.stop().await;
        result
    })?;
    results.load = load;
    results.secs = started.elapsed().as_secs_f64();
    Ok(results)
}

/// Where things are.
struct Dirs<'a> {
    /// The server's binaries.
    bin: &'a Path,
    /// The server's data dir.
    data: &'a Path,
    /// The temp dir of the file and its chunks.
    work: &'a Path,
}

/// What every run needs.
struct Bench<'a> {
    base: &'a str,
    /// The server's process id.
    server: u32,
    file: &'a Path,
    size: u64,
    /// The chunk files for curl, cut at the first curl run.
    chunks: Vec<PathBuf>,
    chunk_dir: PathBuf,
}

/// The alternating runs; each upload is checked and deleted before the next.
async fn runs(
    driver: &Driver,
    base: &str,
    server: u32,
    file: &Path,
    dirs: &Dirs<'_>,
    options: Options,
    mut interrupted: watch::Receiver<bool>,
) -> anyhow::Result<Results> {
    let size = std::fs::metadata(file)?.len();
    let expected = check::file_sha256(file).await?;
    let chunk_dir = dirs.work.join("chunks");
    std::fs::create_dir(&chunk_dir)?;
    let api = Api::sign_in(base, seed::EMAIL, seed::PASSWORD).await?;
    let (chunk_size, concurrency) = api.root_policy().await?;
    let mut bench = Bench {
        base,
        server,
        file,
        size,
        chunks: Vec::new(),
        chunk_dir,
    };
    let mut results = Results {
        size,
        chunk_size,
        concurrency,
        load: String::new(),
        runs: Vec::new(),
        secs: 0.0,
    };
    for round in 1..=options.runs {
        for side in Side::ALL {
            if *interrupted.borrow() {
                bail!("interrupted");
            }
            let api = Api::sign_in(base, seed::EMAIL, seed::PASSWORD).await?;
            let name = side.stored_name();
            let run = match side {
                Side::Curl => tokio::select! {
                    r = bench.curl(&api) => r?,
                    _ = interrupted.wait_for(|stop| *stop) => bail!("interrupted"),
                },
                Side::Browser | Side::Bare => {
                    // Closed on every path, after an interruption too.
                    let session = driver.session().await?;
                    let r = tokio::select! {
                        r = bench.browser(&session, side, concurrency) => Some(r),
                        _ = interrupted.wait_for(|stop| *stop) => None,
                    };
                    session.close().await;
                    r.context("interrupted")??
                }
            };
            let stored = check::stored_sha256(dirs.bin, dirs.data, name).await?;
            if stored != expected {
                bail!("{name} differs from the local file: SHA-256 {stored}, expected {expected}");
            }
            api.delete(&format!("cloudreve://my/{name}")).await?;
            println!("{}", report::run_line(round, &run, size));
            results.runs.push(run);
        }
    }
    Ok(results)
}

impl Side {
    /// Every sender, in the order of a round.
    pub const ALL: [Side; 3] = [Side::Browser, Side::Bare, Side::Curl];

    /// The name of its file on the server.
    fn stored_name(self) -> &'static str {
        match self {
            Side::Browser => FILE_NAME,
            Side::Bare => BARE_NAME,
            Side::Curl => CURL_NAME,
        }
    }
}

impl Bench<'_> {
    /// One upload in the browser `session` by `side` (the app, or the bare uploader with
    /// `concurrency` chunks at once; the app reads the policy itself).
    async fn browser(
        &self,
        session: &Session,
        side: Side,
        concurrency: usize,
    ) -> anyhow::Result<Run> {
        let uploader = match side {
            Side::Bare => Uploader::Bare { concurrency },
            _ => Uploader::App,
        };
        let name = side.stored_name();
        let r = browser_run::upload(
            session,
            self.base,
            self.server,
            self.file,
            name,
            uploader,
            RUN_LIMIT,
        )
        .await?;
        Ok(Run {
            side,
            timing: r.timing,
            memory: Some(r.memory),
            cpu: r.cpu,
            cpu_by_kind: r.cpu_by_kind,
        })
    }

    /// curl sends the chunk files.
    async fn curl(&mut self, api: &Api) -> anyhow::Result<Run> {
        let session = api
            .open(&format!("cloudreve://my/{CURL_NAME}"), self.size)
            .await?;
        if self.chunks.is_empty() {
            self.chunks = payload::cut(self.file, session.chunk_size, &self.chunk_dir)?;
        }
        // curl's processes are reaped by xtask, which then counts their CPU time.
        let me = std::process::id();
        let before = (procs::cpu_secs(me).1, procs::cpu_secs(self.server).0);
        let timing = curl_run::send(api, &session, &self.chunks).await?;
        Ok(Run {
            side: Side::Curl,
            timing,
            memory: None,
            cpu: Cpu {
                client: procs::cpu_secs(me).1 - before.0,
                server: procs::cpu_secs(self.server).0 - before.1,
            },
            cpu_by_kind: Vec::new(),
        })
    }
}
