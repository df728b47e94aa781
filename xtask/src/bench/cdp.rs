//! Chrome DevTools Protocol commands through chromedriver (`POST /session/{id}/goog/cdp/execute`):
//! CPU and network throttling, a script for every new document, and the JS heap after a garbage collection.

use anyhow::Context;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::Client;
use serde_json::{json, Value};

/// One CDP command, sent to the session's current page.
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// Sends `cmd` with `params` and returns its result.
async fn send(client: &Client, cmd: &'static str, params: Value) -> anyhow::Result<Value> {
    client
        .issue_cmd(Cdp { cmd, params })
        .await
        .with_context(|| format!("CDP {cmd}"))
}

/// Slows the page's CPU by `rate` (1 = no throttling); it stays in force across navigations.
pub async fn throttle_cpu(client: &Client, rate: u32) -> anyhow::Result<()> {
    send(
        client,
        "Emulation.setCPUThrottlingRate",
        json!({ "rate": rate }),
    )
    .await
    .map(drop)
}

/// Limits the page's network to `mbit` Mbit/s each way with `latency_ms` of added round trip.
pub async fn throttle_network(client: &Client, mbit: f64, latency_ms: f64) -> anyhow::Result<()> {
    send(client, "Network.enable", json!({})).await?;
    let bytes_per_s = mbit * 1_000_000.0 / 8.0;
    send(
        client,
        "Network.emulateNetworkConditions",
        json!({
            "offline": false,
            "latency": latency_ms,
            "downloadThroughput": bytes_per_s,
            "uploadThroughput": bytes_per_s,
        }),
    )
    .await
    .map(drop)
}

/// Runs `source` in every document the page opens from now on, before the page's own scripts.
pub async fn on_new_document(client: &Client, source: &str) -> anyhow::Result<()> {
    send(
        client,
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": source }),
    )
    .await
    .map(drop)
}

/// Bytes of JS heap in use after a full garbage collection.
pub async fn heap_after_gc(client: &Client) -> anyhow::Result<f64> {
    send(client, "HeapProfiler.collectGarbage", json!({})).await?;
    let usage = send(client, "Runtime.getHeapUsage", json!({})).await?;
    usage["usedSize"]
        .as_f64()
        .with_context(|| format!("Runtime.getHeapUsage answered {usage}"))
}
