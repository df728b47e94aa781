//! One benchmark cell (folder size × view × CPU throttling), measured in a fresh browser session:
//! sign in and store the view, open the folder, time the first screen, weigh the heap, scroll to the end.

use std::time::Duration;

use anyhow::{bail, Context};
use fantoccini::Client;
use serde::Deserialize;
use serde_json::{json, Value};

use super::{cdp, seed};

/// Records when the first item appears (also used by the embed part).
pub const FIRST_ITEM_JS: &str = include_str!("js/first_item.js");
const SETUP_JS: &str = include_str!("js/setup.js");
const WAIT_FIRST_JS: &str = include_str!("js/wait_first.js");
const SCROLL_JS: &str = include_str!("js/scroll.js");
const WASM_MEMORY_JS: &str =
    "const w = window.__crBench && window.__crBench.wasm; return w && w.memory ? w.memory.buffer.byteLength : null;";

/// How long the first item may take to appear before the view counts as not available.
const FIRST_ITEM_LIMIT: Duration = Duration::from_secs(30);
/// How long the scroll to the end may take before it is reported as unfinished.
const SCROLL_LIMIT: Duration = Duration::from_secs(150);
/// Pause between the first item and the first heap reading, so the first page settles.
const SETTLE: Duration = Duration::from_millis(500);

/// An explorer layout, set per folder through `PATCH /file/view`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Rows (the app's default).
    List,
    /// Tiles.
    Grid,
    /// Large thumbnails.
    Gallery,
}

impl View {
    /// Every view, in report order.
    pub const ALL: [View; 3] = [View::List, View::Grid, View::Gallery];

    /// The API's name of the view.
    pub fn name(self) -> &'static str {
        match self {
            View::List => "list",
            View::Grid => "grid",
            View::Gallery => "gallery",
        }
    }
}

/// What one cell measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// Files in the folder.
    pub size: usize,
    /// The view.
    pub view: View,
    /// CPU throttling rate (1 = none).
    pub cpu: u32,
}

/// The result of one cell.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Measured.
    Measured(Measurement),
    /// The server or the app does not offer this view yet (why).
    Unavailable(String),
    /// Something went wrong (what).
    Failed(String),
}

/// The numbers of one cell.
#[derive(Debug, Clone)]
pub struct Measurement {
    /// ms from navigation start to the first `[data-cr-item]` in the DOM.
    pub first_screen_ms: f64,
    /// Elements in the document when the first item appeared.
    pub dom_first: u64,
    /// Item elements when the first item appeared.
    pub items_first: u64,
    /// Most elements seen in any frame while scrolling.
    pub dom_max: u64,
    /// Most item elements seen in any frame while scrolling.
    pub items_max: u64,
    /// Elements at the end of the scroll.
    pub dom_end: u64,
    /// Item elements at the end of the scroll.
    pub items_end: u64,
    /// JS heap bytes after GC, after the first screen settled.
    pub heap_first: f64,
    /// JS heap bytes after GC, at the end of the scroll.
    pub heap_end: f64,
    /// Bytes of wasm linear memory at the end (not part of the JS heap), if readable.
    pub wasm_memory: Option<f64>,
    /// ms from the first scroll step to the last item rendered (or to giving up).
    pub scroll_ms: f64,
    /// Whether the scroll reached the last item.
    pub reached_end: bool,
    /// Animation frames while scrolling.
    pub frames: usize,
    /// Median frame delta while scrolling, ms.
    pub p50_frame_ms: f64,
    /// 95th percentile of the frame deltas while scrolling, ms.
    pub p95_frame_ms: f64,
    /// Longest frame delta while scrolling, ms.
    pub max_frame_ms: f64,
    /// Anything the reader should know about this cell.
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Setup {
    error: Option<String>,
    view_error: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FirstItem {
    first_item: f64,
    dom_at_first: u64,
    items_at_first: u64,
    first_class: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Scroll {
    error: Option<String>,
    #[serde(default)]
    reached_end: bool,
    #[serde(default)]
    ms: f64,
    #[serde(default)]
    deltas: Vec<f64>,
    #[serde(default)]
    dom_max: u64,
    #[serde(default)]
    items_max: u64,
    #[serde(default)]
    dom_end: u64,
    #[serde(default)]
    items_end: u64,
}

async fn script<T: for<'de> Deserialize<'de>>(
    client: &Client,
    name: &str,
    source: &str,
    args: Vec<Value>,
) -> anyhow::Result<T> {
    let value = client
        .execute_async(source, args)
        .await
        .with_context(|| format!("running {name}"))?;
    serde_json::from_value(value.clone()).with_context(|| format!("{name} answered {value}"))
}

/// Measures `spec` in the fresh session `client` against the server at `base`.
pub async fn measure(client: &Client, base: &str, spec: Spec) -> anyhow::Result<Outcome> {
    let folder = format!("big-{}", spec.size);
    cdp::on_new_document(client, FIRST_ITEM_JS).await?;
    // A same-origin page that is not the app, so the measured navigation is the app's first load.
    client.goto(&format!("{base}/api/v4/site/ping")).await?;
    let args = vec![
        json!(seed::EMAIL),
        json!(seed::PASSWORD),
        json!(folder),
        json!(spec.view.name()),
    ];
    let setup: Setup = script(client, "setup.js", SETUP_JS, args).await?;
    if let Some(e) = setup.error {
        bail!("{e}");
    }
    let note = match (setup.view_error, spec.view) {
        (None, _) => None,
        (Some(e), View::List) => Some(format!("view not stored ({e}); list is the app's default")),
        (Some(e), _) => return Ok(Outcome::Unavailable(e)),
    };
    cdp::throttle_cpu(client, spec.cpu).await?;
    client
        .goto(&format!("{base}/home?path=cloudreve%3A%2F%2Fmy%2F{folder}"))
        .await?;
    let limit = json!(FIRST_ITEM_LIMIT.as_millis() as u64);
    let first: Option<FirstItem> =
        script(client, "wait_first.js", WAIT_FIRST_JS, vec![limit]).await?;
    let Some(first) = first else {
        let why = format!("no [data-cr-item] within {FIRST_ITEM_LIMIT:?}");
        return Ok(match spec.view {
            View::List => Outcome::Failed(why),
            _ => Outcome::Unavailable(why),
        });
    };
    // Until the app has its own grid and gallery, it shows list rows whatever the setting says.
    if spec.view != View::List && first.first_class.contains("cr-files__row") {
        return Ok(Outcome::Unavailable("the app rendered list rows".into()));
    }
    tokio::time::sleep(SETTLE).await;
    let heap_first = cdp::heap_after_gc(client).await?;
    // The folder's last file by name, as `refserver::seed::add_big_folder` names them.
    let args = vec![
        json!(format!("item-{:05}.txt", spec.size.saturating_sub(1))),
        json!(SCROLL_LIMIT.as_millis() as u64),
    ];
    let scroll: Scroll = script(client, "scroll.js", SCROLL_JS, args).await?;
    if let Some(e) = scroll.error {
        bail!("{e}");
    }
    let heap_end = cdp::heap_after_gc(client).await?;
    let wasm_memory = client.execute(WASM_MEMORY_JS, vec![]).await?.as_f64();
    Ok(Outcome::Measured(Measurement {
        first_screen_ms: first.first_item,
        dom_first: first.dom_at_first,
        items_first: first.items_at_first,
        dom_max: scroll.dom_max,
        items_max: scroll.items_max,
        dom_end: scroll.dom_end,
        items_end: scroll.items_end,
        heap_first,
        heap_end,
        wasm_memory,
        scroll_ms: scroll.ms,
        reached_end: scroll.reached_end,
        frames: scroll.deltas.len(),
        p50_frame_ms: percentile(&scroll.deltas, 0.5),
        p95_frame_ms: percentile(&scroll.deltas, 0.95),
        max_frame_ms: percentile(&scroll.deltas, 1.0),
        note,
    }))
}

/// The nearest-rank `p` percentile of `samples` (0 when empty).
pub fn percentile(samples: &[f64], p: f64) -> f64 {
    if samples.is_empty() {
        return 0.0;
    }
    let mut samples = samples.to_vec();
    samples.sort_by(f64::total_cmp);
    let rank = (p * samples.len() as f64).ceil() as usize;
    samples[rank.clamp(1, samples.len()) - 1]
}

#[cfg(test)]
mod tests {
    use super::percentile;

    #[test]
    fn nearest_rank_percentile() {
        let samples: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&samples, 0.5), 50.0);
        assert_eq!(percentile(&samples, 0.95), 95.0);
        assert_eq!(percentile(&samples, 1.0), 100.0);
        assert_eq!(percentile(&[7.0], 0.95), 7.0);
        assert_eq!(percentile(&[], 0.95), 0.0);
    }
}
