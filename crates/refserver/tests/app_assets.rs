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
    dist
}

async fn get(url: &str, gzip: bool) -> (u16, String, String, String) {
    let mut req = reqwest::Client::new().get(url);
    if gzip {
        req = req.header("accept-encoding", "gzip, deflate, br");
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
async fn assets_come_gzipped_when_accepted_and_are_cached_for_good() {
    let dist = dist();
    let path = dist.path().to_path_buf();
    let (server, _dir) = spawn(move |c| c.dist_dir = Some(path)).await;
    let base = server.url();
    let immutable = "public, max-age=31536000, immutable";

    let (status, encoding, cache, body) = get(&format!("{base}{WASM}"), true).await;
    assert_eq!(
        (status, encoding.as_str(), cache.as_str(), body.as_str()),
        (200, "gzip", immutable, "its gzip twin")
    );
    // A client that does not say it takes gzip gets the file itself.
    let (status, encoding, cache, body) = get(&format!("{base}{WASM}"), false).await;
    assert_eq!(
        (status, encoding.as_str(), cache.as_str(), body.as_str()),
        (200, "", immutable, "raw wasm")
    );

    // Client-side routes get the page, which is always revalidated.
    let (status, _, cache, body) = get(&format!("{base}/home"), true).await;
    assert_eq!((status, cache.as_str()), (200, "no-cache"));
    assert!(body.contains("<title>app</title>"), "{body}");
    // An asset of another build is not there: the page stands in, but is not cached as the asset.
    let (status, _, cache, body) = get(&format!("{base}/app-fedcba9876543210.js"), true).await;
    assert_eq!((status, cache.as_str()), (200, "no-cache"));
    assert!(body.contains("<title>app</title>"), "{body}");
    // The API keeps its own rule.
    let (_, _, cache, _) = get(&format!("{base}/api/v4/site/ping"), true).await;
    assert_eq!(cache, "private, no-cache");
}
