//! The embeddable share viewer on its own: a visitor with an empty browser opens `/embed/s/{id}`
//! (a public share of a 2,000-file folder) and we time the first listed item and weigh what was
//! downloaded until then. Cells: loopback at CPU 1x and 4x, and a 10 Mbit/s link with 40 ms of
//! round trip (a phone on a fair mobile network). Each run is a fresh session, so caches are cold.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{bail, Context};
use serde::Deserialize;
use serde_json::json;

use super::browser::Driver;
use super::cell::FIRST_ITEM_JS;
use super::{cdp, seed};
use crate::cmd::step;

const MAKE_SHARE_JS: &str = include_str!("js/make_share.js");
const WAIT_FIRST_JS: &str = include_str!("js/wait_first.js");
const TRANSFER_JS: &str = include_str!("js/transfer.js");
/// Files in the shared folder.
const FILES: usize = 2_000;
/// Visits per cell; the report gives the median.
const RUNS: usize = 3;
/// How long the first item may take.
const FIRST_ITEM_LIMIT_MS: u64 = 60_000;

/// The conditions of one cell.
#[derive(Debug, Clone, Copy)]
pub struct Conditions {
    /// CPU throttling rate.
    pub cpu: u32,
    /// Link speed and added latency, or none (loopback).
    pub network: Option<(f64, f64)>,
}

impl Conditions {
    const ALL: [Conditions; 3] = [
        Conditions {
            cpu: 1,
            network: None,
        },
        Conditions {
            cpu: 4,
            network: None,
        },
        Conditions {
            cpu: 1,
            network: Some((10.0, 40.0)),
        },
    ];

    fn label(self) -> String {
        let net = match self.network {
            None => "loopback".to_string(),
            Some((mbit, rtt)) => format!("{mbit:.0} Mbit/s, +{rtt:.0} ms RTT"),
        };
        format!("{net}, CPU {}x", self.cpu)
    }
}

/// What one visit measured.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Visit {
    /// ms from navigation start to the first listed item.
    #[serde(default)]
    pub first_item: f64,
    /// Bytes over the wire until then (headers included).
    pub total_bytes: f64,
    /// Requests until then, the page included.
    pub requests: u32,
    /// The wasm's bytes over the wire.
    pub wasm_bytes: f64,
    /// The wasm's size once decoded.
    pub wasm_decoded: f64,
}

/// The part's results: each cell's median visit.
#[derive(Debug, Clone)]
pub struct Results {
    /// Cells and their median visits.
    pub cells: Vec<(Conditions, Visit)>,
}

/// Seeds, serves and measures the embed route.
pub fn part(bin_dir: &Path) -> anyhow::Result<Results> {
    step("benchmark: the embeddable share viewer, first visit");
    let data = tempfile::Builder::new()
        .prefix("cr-bench-embed-")
        .tempdir()?;
    seed::seed(bin_dir, data.path(), &[FILES])?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let server = seed::Server::start(bin_dir, data.path()).await?;
        let result = match Driver::start().await {
            Ok(driver) => {
                let r = measure(&driver, &server.url).await;
                driver.stop().await;
                r
            }
            Err(e) => Err(e),
        };
        server.stop().await;
        result
    })
}

async fn measure(driver: &Driver, base: &str) -> anyhow::Result<Results> {
    let id = make_share(driver, base).await?;
    let mut cells = Vec::new();
    for conditions in Conditions::ALL {
        let mut visits = Vec::new();
        for _ in 0..RUNS {
            let session = driver.session().await?;
            let visit = visit(&session.client, base, &id, conditions).await;
            session.close().await;
            visits.push(visit.with_context(|| conditions.label())?);
        }
        visits.sort_by(|a, b| a.first_item.total_cmp(&b.first_item));
        let median = visits[visits.len() / 2];
        println!(
            "embed, {}: first item {:.0} ms, {:.1} KiB in {} requests",
            conditions.label(),
            median.first_item,
            median.total_bytes / 1024.0,
            median.requests
        );
        cells.push((conditions, median));
    }
    Ok(Results { cells })
}

#[derive(Deserialize)]
struct Made {
    id: Option<String>,
    error: Option<String>,
}

/// Shares `big-2000` of the benchmark user publicly; answers the share id.
async fn make_share(driver: &Driver, base: &str) -> anyhow::Result<String> {
    let session = driver.session().await?;
    let made = async {
        session
            .client
            .goto(&format!("{base}/api/v4/site/ping"))
            .await?;
        let args = vec![
            json!(seed::EMAIL),
            json!(seed::PASSWORD),
            json!(format!("big-{FILES}")),
        ];
        let v = session.client.execute_async(MAKE_SHARE_JS, args).await?;
        anyhow::Ok(serde_json::from_value::<Made>(v)?)
    }
    .await;
    session.close().await;
    let made = made?;
    match (made.id, made.error) {
        (Some(id), _) if !id.is_empty() => Ok(id),
        (_, e) => bail!("could not share the folder: {}", e.unwrap_or_default()),
    }
}

/// One cold visit of the embed route in `client`.
async fn visit(
    client: &fantoccini::Client,
    base: &str,
    id: &str,
    c: Conditions,
) -> anyhow::Result<Visit> {
    cdp::on_new_document(client, FIRST_ITEM_JS).await?;
    cdp::throttle_cpu(client, c.cpu).await?;
    if let Some((mbit, rtt)) = c.network {
        cdp::throttle_network(client, mbit, rtt).await?;
    }
    client.goto(&format!("{base}/embed/s/{id}")).await?;
    let first = client
        .execute_async(WAIT_FIRST_JS, vec![json!(FIRST_ITEM_LIMIT_MS)])
        .await?;
    let first_item = first["firstItem"]
        .as_f64()
        .with_context(|| format!("no listed item within {FIRST_ITEM_LIMIT_MS} ms"))?;
    let transfer = client.execute(TRANSFER_JS, vec![]).await?;
    let mut visit: Visit =
        serde_json::from_value(transfer.clone()).with_context(|| format!("{transfer}"))?;
    visit.first_item = first_item;
    Ok(visit)
}

impl Results {
    /// The part's section of BENCHMARKS.md.
    pub fn markdown(&self) -> String {
        let mut out = format!(
            "\n### Embeddable share viewer: first visit\n\nA visitor with an empty browser opens `/embed/s/{{id}}`, a public share of {FILES} files; median of {RUNS} cold visits per row.\n\n| conditions | first item | downloaded until then | requests | wasm over the wire (decoded) |\n| --- | --- | --- | --- | --- |\n"
        );
        for (c, v) in &self.cells {
            let _ = writeln!(
                out,
                "| {} | {:.0} ms | {:.1} KiB | {} | {:.1} KiB ({:.1} KiB) |",
                c.label(),
                v.first_item,
                v.total_bytes / 1024.0,
                v.requests,
                v.wasm_bytes / 1024.0,
                v.wasm_decoded / 1024.0
            );
        }
        out
    }
}
