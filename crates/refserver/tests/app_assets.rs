//! The built app as the server hands it out: gzip twins to browsers that accept them, the page for
//! client-side routes, and cache headers that keep fingerprinted assets and revalidate the page.

use common::spawn;

mod common;

const WASM: &str = "/app-0123456789abcdef_bg.wasm";

/// A dist dir like trunk's, with the `.gz` twin `cargo xtask build` adds.
fn dist() -> tempfile::TempDir {
    let dist = tempfile::tempdir().expect("dist");
    let p = dist.path();
    std::fs::write(p.join("index.html"), "<!doctype html><title>app</title>").expect("page");
    std::fs::write(p.join(WASM.trim_start_matches('/')), "raw wasm").expect("wasm");
    std::fs::write(p.join("app-0123456789abcdef_bg.wasm.gz"), "its gzip twin").expect("gz");
    std::fs::write(p.join("app-0123456789abcdef_bg.wasm.br"), "its brotli twin").expect("br");
    dist
}

async fn get(url: &str, accept: &str) -> (u16, String, String, String) {
    let mut req = reqwest::Client::new().get(url);
    if !accept.is_empty() {
        req = req.header("accept-encoding", accept);
    }
    let res = req.send().await.expect("send");
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let (encoding, cache) = (header("content-encoding"), header("cache-control"));
    let status = res.status().as_u16();
    (status, encoding, cache, res.text().await.expect("body"))
}

#[tokio::test]
async fn assets_come_precompressed_when_accepted_and_are_cached_for_good() {
    let dist = dist();
    let path = dist.path().to_path_buf();
    let (server, _dir) = spawn(move |c| c.dist_dir = Some(path)).await;
    let base = server.url();
    let immutable = "public, max-age=31536000, immutable";

    // Chromium and Firefox accept both and get brotli; a client without brotli gets gzip.
    let (status, encoding, cache, body) =
        get(&format!("{base}{WASM}"), "gzip, deflate, br, zstd").await;
    assert_eq!(
        (status, encoding.as_str(), cache.as_str(), body.as_str()),
        (200, "br", immutable, "its brotli twin")
    );
    let (status, encoding, cache, body) = get(&format!("{base}{WASM}"), "gzip, deflate").await;
    assert_eq!(
        (status, encoding.as_str(), cache.as_str(), body.as_str()),
        (200, "gzip", immutable, "its gzip twin")
    );
    // A client that does not say it takes gzip gets the file itself.
    let (status, encoding, cache, body) = get(&format!("{base}{WASM}"), "").await;
    assert_eq!(
        (status, encoding.as_str(), cache.as_str(), body.as_str()),
        (200, "", immutable, "raw wasm")
    );

    // Client-side routes get the page, which is always revalidated.
    let (status, _, cache, body) = get(&format!("{base}/home"), "gzip, br").await;
    assert_eq!((status, cache.as_str()), (200, "no-cache"));
    assert!(body.contains("<title>app</title>"), "{body}");
    // An asset of another build is not there: the page stands in, but is not cached as the asset.
    let (status, _, cache, body) =
        get(&format!("{base}/app-fedcba9876543210.js"), "gzip, br").await;
    assert_eq!((status, cache.as_str()), (200, "no-cache"));
    assert!(body.contains("<title>app</title>"), "{body}");
    // The API keeps its own rule.
    let (_, _, cache, _) = get(&format!("{base}/api/v4/site/ping"), "gzip, br").await;
    assert_eq!(cache, "private, no-cache");
}

#[tokio::test]
async fn json_answers_are_compressed_for_clients_that_accept_it() {
    use std::io::Read;
    let (server, _dir) = spawn(|c| c.demo = true).await;
    // A listing: the answer a visitor's first screen waits for.
    let token = common::admin_token(&server.state).await;
    let url = format!(
        "{}/api/v4/file?uri=cloudreve%3A%2F%2Fmy&page_size=50",
        server.url()
    );
    let http = reqwest::Client::new();
    let plain = http
        .get(&url)
        .bearer_auth(&token)
        .send()
        .await
        .expect("send");
    assert_eq!(plain.headers().get("content-encoding"), None);
    let plain = plain.bytes().await.expect("body");
    let packed = http
        .get(&url)
        .bearer_auth(&token)
        .header("accept-encoding", "gzip")
        .send()
        .await
        .expect("send");
    assert_eq!(
        packed
            .headers()
            .get("content-encoding")
            .and_then(|v| v.to_str().ok()),
        Some("gzip")
    );
    assert!(packed.headers().get("x-cr-correlation-id").is_some());
    let packed = packed.bytes().await.expect("body");
    let mut unpacked = Vec::new();
    flate2::read::GzDecoder::new(&packed[..])
        .read_to_end(&mut unpacked)
        .expect("gzip");
    // The same listing (each answer has its own context hint).
    let files = |bytes: &[u8]| {
        serde_json::from_slice::<serde_json::Value>(bytes).expect("json")["data"]["files"].clone()
    };
    assert_eq!(files(&unpacked), files(&plain));
    assert!(files(&plain).as_array().is_some_and(|f| !f.is_empty()));
    assert!(
        packed.len() < plain.len(),
        "{} < {}",
        packed.len(),
        plain.len()
    );
}
