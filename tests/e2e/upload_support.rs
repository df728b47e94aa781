//! What the upload scenarios share: test files, the policy hook, a log of chunk requests, and waits on
//! the queue's rows.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::json;
use sha2::{Digest, Sha256};

use crate::harness::Ctx;

/// Chunk size the tests give the default policy, so small files take many chunks.
pub const CHUNK: usize = 64 * 1024;

/// Deterministic bytes that differ from file to file.
pub fn bytes(len: usize, seed: u8) -> Vec<u8> {
    let mut x = u32::from(seed).wrapping_mul(2_654_435_761).wrapping_add(1);
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect()
}

pub fn write(dir: &Path, rel: &str, content: &[u8]) -> PathBuf {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&path, content).expect("write");
    path
}

/// Gives the default storage policy small chunks (and anything else in `extra`).
pub async fn set_policy(ctx: &Ctx, extra: serde_json::Value) {
    let listing = ctx
        .api(
            "GET",
            "/file?uri=cloudreve%3A%2F%2Fmy&page_size=10",
            json!(null),
        )
        .await;
    let id = listing["data"]["storage_policy"]["id"].clone();
    let mut body = json!({ "id": id, "chunk_size": CHUNK });
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        b.extend(e.clone());
    }
    let answer = ctx.api("POST", "/test/policy", body).await;
    assert_eq!(answer["code"], 0, "{answer}");
    // The page reads the policy from its listing.
    ctx.c.refresh().await.expect("refresh");
}

/// The chunk log's script (see [`log_chunks`]).
pub const CHUNK_LOG: &str = r#"window.__chunks = []; window.__acked = [];
    const open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (method, url) {
        const m = /\/file\/upload\/[^/]+\/(\d+)$/.exec(url);
        if (m) {
            const index = Number(m[1]);
            window.__chunks.push(index);
            this.addEventListener('load', () => { if (this.status === 200 && JSON.parse(this.responseText).code === 0) window.__acked.push(index); });
        }
        return open.apply(this, arguments);
    };"#;

/// Records every chunk request the page makes (`window.__chunks`: index per request, and
/// `window.__acked`: indexes the server accepted).
pub async fn log_chunks(ctx: &Ctx) {
    ctx.js(&format!("{CHUNK_LOG} return true;")).await;
}

/// Starts the chunk log on every page loaded from now on, before the app's own code runs (a page
/// that resumes by itself sends chunks at once).
pub async fn log_chunks_on_every_page(ctx: &Ctx) {
    ctx.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": CHUNK_LOG }),
    )
    .await;
}

/// Signs in, gives the default policy small chunks, and starts the chunk log.
pub async fn small_chunks_and_a_chunk_log(ctx: &Ctx) {
    ctx.sign_in().await;
    set_policy(ctx, json!({})).await;
    ctx.see("Welcome.md").await;
    log_chunks(ctx).await;
}

pub async fn numbers(ctx: &Ctx, script: &str) -> Vec<u64> {
    let v = ctx.js(script).await;
    let mut out: Vec<u64> = v
        .as_array()
        .map(|a| a.iter().filter_map(serde_json::Value::as_u64).collect())
        .unwrap_or_default();
    out.sort_unstable();
    out
}

pub async fn row_state(ctx: &Ctx, path: &str) -> String {
    ctx.js(&format!(
        "const r = document.querySelector('[data-upload=\"{path}\"]'); return r ? r.dataset.state : ''"
    ))
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

pub async fn wait_row(ctx: &Ctx, path: &str, state: &str) {
    let start = Instant::now();
    loop {
        let got = row_state(ctx, path).await;
        if got == state {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "{path} stayed {got:?}, wanted {state}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub fn sha(b: &[u8]) -> String {
    format!("{:x}", Sha256::digest(b))
}

/// Limits the browser's upload speed so that an upload lasts long enough to be paused.
pub async fn throttle(ctx: &Ctx, bytes_per_sec: u64) {
    ctx.cdp("Network.enable", json!({})).await;
    ctx.cdp(
        "Network.emulateNetworkConditions",
        json!({ "offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": bytes_per_sec }),
    )
    .await;
}

pub async fn row_percent(ctx: &Ctx, path: &str) -> u64 {
    ctx.js(&format!(
        "const r = document.querySelector('[data-upload=\"{path}\"] [role=progressbar]'); return r ? Number(r.getAttribute('aria-valuenow')) : -1"
    ))
    .await
    .as_u64()
    .unwrap_or(0)
}

pub async fn wait_percent(ctx: &Ctx, path: &str, at_least: u64) {
    let start = Instant::now();
    while row_percent(ctx, path).await < at_least {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "{path} never reached {at_least}%"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Drags `path` (a file or a folder) from the desktop onto the middle of the explorer and drops it.
pub async fn drop_on_explorer(ctx: &Ctx, path: &Path) {
    let target = ctx
        .js("const r = document.querySelector('.cr-explorer').getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]")
        .await;
    let (x, y) = (
        target[0].as_f64().unwrap_or(400.0),
        target[1].as_f64().unwrap_or(400.0),
    );
    let data =
        json!({ "items": [], "files": [path.display().to_string()], "dragOperationsMask": 1 });
    for kind in ["dragEnter", "dragOver", "drop"] {
        ctx.cdp(
            "Input.dispatchDragEvent",
            json!({ "type": kind, "x": x, "y": y, "data": data }),
        )
        .await;
    }
}

/// Chunks acknowledged before a reload (`before`) are not sent after it (`after`), and together
/// they are all `count` chunks of the file.
pub fn every_chunk_once_across_a_reload(before: &[u64], after: &[u64], count: u64) {
    assert!(
        !before.is_empty() && !after.is_empty(),
        "{before:?} / {after:?}"
    );
    for i in after {
        assert!(
            !before.contains(i),
            "chunk {i} was sent again after the reload (before: {before:?}, after: {after:?})"
        );
    }
    let mut all: Vec<u64> = before.iter().chain(after).copied().collect();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all, (0..count).collect::<Vec<u64>>());
}

/// Reloads the page while an upload runs, accepting the "leave the page?" question the page asks
/// then (chromedriver may also handle it by itself).
pub async fn reload_mid_upload(ctx: &Ctx) {
    ctx.js("setTimeout(() => location.reload(), 0); return true")
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let _ = ctx.c.accept_alert().await;
}
