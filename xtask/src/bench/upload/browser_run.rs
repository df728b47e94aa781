//! One upload in a fresh Chromium session: sign in, open the files page, choose the file in the
//! page's upload input, wait for its queue row to be `done`; the session's processes are sampled
//! meanwhile. The same without the app (bare_upload.js) tells what Chromium itself costs.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use fantoccini::{Client, Locator};
use serde::Deserialize;
use serde_json::{json, Value};

use super::procs::{self, Sample, Sampler};
use super::timing::{Span, Timing};
use super::Cpu;
use crate::bench::browser::Session;
use crate::bench::{cdp, seed};

const SETUP_JS: &str = include_str!("../js/setup.js");
const WATCH_JS: &str = include_str!("../js/upload_watch.js");
const STATUS_JS: &str = include_str!("../js/upload_status.js");
const TIMINGS_JS: &str = include_str!("../js/upload_timings.js");
const BARE_UPLOAD_JS: &str = include_str!("../js/bare_upload.js");
const BARE_INPUT_JS: &str = "const i = document.createElement('input'); i.type = 'file'; i.id = 'cr-bench-file'; document.body.appendChild(i);";

/// How long the files page may take to show its folder.
const PAGE_LIMIT: Duration = Duration::from_secs(30);
/// Memory sampled before the file is chosen, for the baseline.
const BASELINE: Duration = Duration::from_secs(1);
/// Pause between polls of the row (the timestamps come from the page, not from the polls).
const POLL: Duration = Duration::from_millis(250);
/// States after which nothing more happens without a user.
const STOPPED: [&str; 5] = [
    "failed",
    "cancelled",
    "skipped",
    "awaitingchoice",
    "needsfile",
];

/// What the session's memory did.
#[derive(Debug, Clone, Default)]
pub struct Memory {
    /// Mean RSS (sum over the session's processes) in the second before the choice, bytes.
    pub baseline_rss: f64,
    /// Highest RSS from the choice until done, bytes.
    pub peak_rss: f64,
    /// Most processes counted in one sample.
    pub procs: usize,
    /// Samples taken.
    pub samples: usize,
    /// JS heap after GC before the choice, bytes.
    pub heap_before: f64,
    /// JS heap after GC after done, bytes.
    pub heap_after: f64,
}

impl Memory {
    /// Peak minus baseline RSS.
    pub fn growth(&self) -> f64 {
        self.peak_rss - self.baseline_rss
    }
}

/// One browser upload.
#[derive(Debug, Clone)]
pub struct BrowserRun {
    /// Choice to `done`, from the page's clock.
    pub timing: Timing,
    /// The session's memory.
    pub memory: Memory,
    /// CPU time from the choice to `done`.
    pub cpu: Cpu,
    /// The session's CPU time by kind of process, most first.
    pub cpu_by_kind: Vec<(String, f64)>,
}

#[derive(Debug, Deserialize)]
struct Status {
    state: Option<String>,
    percent: Option<f64>,
    status: Option<String>,
    chosen: Option<f64>,
    done: Option<f64>,
    states: Vec<(String, f64)>,
}

#[derive(Debug, Deserialize)]
struct Entry {
    name: String,
    start: f64,
    end: f64,
}

async fn status(client: &Client, name: &str) -> anyhow::Result<Status> {
    let v = client
        .execute(STATUS_JS, vec![json!(name)])
        .await
        .context("reading the upload row")?;
    serde_json::from_value(v.clone()).with_context(|| format!("upload_status.js answered {v}"))
}

/// What sends the bytes inside the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Uploader {
    /// The app: its files page and upload queue.
    App,
    /// bare_upload.js: the app's schedule with `concurrency` chunks at once, and none of its code.
    Bare {
        /// Chunks in flight at most.
        concurrency: usize,
    },
}

/// Signs in on a same-origin page that is not the app (setup.js stores the session as the app
/// does, and the root folder's view: list, the app's default).
async fn sign_in(client: &Client, base: &str) -> anyhow::Result<()> {
    client.goto(&format!("{base}/api/v4/site/ping")).await?;
    let args = vec![
        json!(seed::EMAIL),
        json!(seed::PASSWORD),
        json!(""),
        json!("list"),
    ];
    let setup: Value = client.execute_async(SETUP_JS, args).await?;
    if let Some(e) = setup["error"].as_str() {
        bail!("{e}");
    }
    Ok(())
}

/// Opens the root folder, ready for a file to be chosen.
async fn open_files_page(client: &Client, base: &str) -> anyhow::Result<()> {
    client.goto(&format!("{base}/home")).await?;
    let start = Instant::now();
    // The folder is shown (its storage policy is known) once `.cr-explorer` is in the page.
    while client.find(Locator::Css(".cr-explorer")).await.is_err() {
        if start.elapsed() > PAGE_LIMIT {
            bail!("the files page showed no folder within {PAGE_LIMIT:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(())
}

/// Uploads `file` as `name` (the app uploads under the file's own name) with `uploader` in
/// `session` (fresh) against the server at `base` (process `server`), waiting at most `limit`.
pub async fn upload(
    session: &Session,
    base: &str,
    server: u32,
    file: &Path,
    name: &str,
    uploader: Uploader,
    limit: Duration,
) -> anyhow::Result<BrowserRun> {
    let client = &session.client;
    sign_in(client, base).await?;
    let input = match uploader {
        Uploader::App => {
            open_files_page(client, base).await?;
            client.execute(WATCH_JS, vec![json!(name)]).await?;
            "input[name=upload-files]"
        }
        Uploader::Bare { .. } => {
            client.execute(BARE_INPUT_JS, vec![]).await?;
            "#cr-bench-file"
        }
    };
    let heap_before = cdp::heap_after_gc(client).await?;
    let sampler = Sampler::start(session.profile());
    tokio::time::sleep(BASELINE).await;
    let chosen_at = sampler.now();
    let server_before = procs::cpu_secs(server).0;
    let cpu_before = procs::cpu_by_process(session.profile());
    let input = client
        .find(Locator::Css(input))
        .await
        .context("the page has no file input")?;
    let polled = Instant::now();
    let outcome = match input.send_keys(&file.display().to_string()).await {
        Err(e) => Err(e).context("choosing the file"),
        Ok(()) => match uploader {
            Uploader::App => wait_done(client, name, limit, polled).await,
            Uploader::Bare { concurrency } => {
                let args = vec![json!(name), json!(concurrency)];
                let v = client.execute_async(BARE_UPLOAD_JS, args).await;
                v.context("running bare_upload.js")
                    .and_then(|v| match v["error"].as_str() {
                        Some(e) => Err(anyhow::anyhow!("bare_upload.js: {e}")),
                        None => Ok((v["start"].as_f64(), v["end"].as_f64())),
                    })
            }
        },
    };
    let done_at = sampler.now();
    let server_cpu = procs::cpu_secs(server).0 - server_before;
    let cpu_by_kind = by_kind(&cpu_before, &procs::cpu_by_process(session.profile()));
    let samples = sampler.stop();
    let (Some(chosen), Some(done)) = outcome? else {
        bail!("the page did not record the start and the end of the upload");
    };
    let entries: Vec<Entry> = serde_json::from_value(client.execute(TIMINGS_JS, vec![]).await?)?;
    let chunks = chunk_spans(&entries, chosen);
    let mut memory = memory(&samples, chosen_at, done_at);
    memory.heap_before = heap_before;
    memory.heap_after = cdp::heap_after_gc(client).await?;
    Ok(BrowserRun {
        timing: Timing {
            total: (done - chosen) / 1000.0,
            chunks,
        },
        memory,
        cpu: Cpu {
            client: cpu_between(&samples, chosen_at, done_at),
            server: server_cpu,
        },
        cpu_by_kind,
    })
}

/// Polls the row of `name` until it is `done`; fails when it stops otherwise or takes too long.
/// Returns when the page saw the file chosen and the row done (page ms).
async fn wait_done(
    client: &Client,
    name: &str,
    limit: Duration,
    started: Instant,
) -> anyhow::Result<(Option<f64>, Option<f64>)> {
    let mut shown = -10.0;
    loop {
        let s = status(client, name).await?;
        let state = s.state.as_deref().unwrap_or("");
        if state == "done" && s.done.is_some() {
            return Ok((s.chosen, s.done));
        }
        if STOPPED.contains(&state) {
            bail!(
                "the upload stopped as {state}: {} (states {:?})",
                s.status.as_deref().unwrap_or(""),
                s.states
            );
        }
        if started.elapsed() > limit {
            bail!("the upload was not done within {limit:?} (last state {state:?})");
        }
        let percent = s.percent.unwrap_or(0.0);
        if percent >= shown + 25.0 {
            println!(
                "  browser: {percent:.0}% after {:.1} s",
                started.elapsed().as_secs_f64()
            );
            shown = percent;
        }
        tokio::time::sleep(POLL).await;
    }
}

/// The chunk requests among `entries`, in seconds from `origin` (page ms).
fn chunk_spans(entries: &[Entry], origin: f64) -> Vec<Span> {
    let mut spans: Vec<Span> = entries
        .iter()
        .filter_map(|e| {
            let (path, index) = e.name.rsplit_once('/')?;
            // `.../file/upload/<session>/<index>`: the session segment follows `upload`.
            let (rest, _session) = path.rsplit_once('/')?;
            if !rest.ends_with("/file/upload") {
                return None;
            }
            Some(Span {
                index: index.parse().ok()?,
                start: (e.start - origin) / 1000.0,
                end: (e.end - origin) / 1000.0,
            })
        })
        .collect();
    spans.sort_by(|a, b| a.index.cmp(&b.index).then(a.start.total_cmp(&b.start)));
    spans
}

/// CPU seconds used between two readings of [`procs::cpu_by_process`], summed by kind of process.
fn by_kind(before: &[(u32, String, f64)], after: &[(u32, String, f64)]) -> Vec<(String, f64)> {
    let mut kinds: Vec<(String, f64)> = Vec::new();
    for (pid, kind, cpu) in after {
        let was = before
            .iter()
            .find(|(p, _, _)| p == pid)
            .map_or(0.0, |b| b.2);
        match kinds.iter_mut().find(|(k, _)| k == kind) {
            Some((_, sum)) => *sum += cpu - was,
            None => kinds.push((kind.clone(), cpu - was)),
        }
    }
    kinds.sort_by(|a, b| b.1.total_cmp(&a.1));
    kinds
}

/// CPU seconds the session used from the last sample before `from` to the first after `to`.
fn cpu_between(samples: &[Sample], from: f64, to: f64) -> f64 {
    let start = samples
        .iter()
        .rev()
        .find(|s| s.at <= from)
        .or(samples.first());
    let end = samples.iter().find(|s| s.at >= to).or(samples.last());
    match (start, end) {
        (Some(a), Some(b)) => (b.cpu - a.cpu).max(0.0),
        _ => 0.0,
    }
}

/// Baseline (mean before `from`) and peak (from `from` to `to`) of the samples.
fn memory(samples: &[Sample], from: f64, to: f64) -> Memory {
    let before: Vec<&Sample> = samples.iter().filter(|s| s.at < from).collect();
    let during = samples.iter().filter(|s| s.at >= from && s.at <= to);
    let mean = |f: fn(&Sample) -> u64| {
        before.iter().map(|s| f(s) as f64).sum::<f64>() / before.len().max(1) as f64
    };
    let peak_rss = during.map(|s| s.rss).max().unwrap_or(0);
    Memory {
        baseline_rss: mean(|s| s.rss),
        peak_rss: peak_rss as f64,
        procs: samples.iter().map(|s| s.procs).max().unwrap_or(0),
        samples: samples.len(),
        ..Memory::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_chunk_requests_out_of_the_resource_timings() {
        let e = |name: &str, start: f64, end: f64| Entry {
            name: name.into(),
            start,
            end,
        };
        let entries = [
            e("http://h/api/v4/file/upload", 100.0, 110.0),
            e("http://h/api/v4/file/upload/abc/1", 1200.0, 2000.0),
            e("http://h/api/v4/file/upload/abc/0", 1100.0, 1900.0),
            e("http://h/api/v4/file?uri=x", 0.0, 50.0),
        ];
        let spans = chunk_spans(&entries, 100.0);
        assert_eq!(
            spans,
            vec![
                Span {
                    index: 0,
                    start: 1.0,
                    end: 1.8
                },
                Span {
                    index: 1,
                    start: 1.1,
                    end: 1.9
                },
            ]
        );
    }

    #[test]
    fn baseline_is_the_mean_before_and_peak_the_max_during() {
        let s = |at: f64, rss: u64| Sample {
            at,
            rss,
            cpu: at * 2.0,
            procs: 3,
        };
        let m = memory(
            &[
                s(0.1, 100),
                s(0.2, 200),
                s(0.5, 900),
                s(0.9, 400),
                s(2.0, 5000),
            ],
            0.3,
            1.0,
        );
        assert_eq!(m.baseline_rss, 150.0);
        assert_eq!(m.peak_rss, 900.0);
        assert_eq!(m.growth(), 750.0);
        assert_eq!(m.procs, 3);
        let samples = [s(0.1, 0), s(0.2, 0), s(0.5, 0), s(0.9, 0), s(2.0, 0)];
        assert_eq!(cpu_between(&samples, 0.3, 1.0), 3.6);
    }
}
