//! Serving the built app and compressing the API's JSON. The app: its files (the `.br` or `.gz` twin that `cargo xtask build` writes next
//! to each asset, when the browser accepts that encoding), the SPA fallback to `index.html`, and cache headers.
//! Trunk names every asset after a hash of its content, so those may be cached for good; the page
//! itself must be revalidated, or a browser would keep starting an old build.

use std::path::Path;

use axum::extract::Request;
use axum::http::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{Extensions, HeaderMap, StatusCode, Version};
use axum::middleware::Next;
use axum::response::Response;
use tower_http::compression::predicate::{Predicate, SizeAbove};
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};

/// The built app in `dist`, falling back to its `index.html` for client-side routes.
pub fn service(dist: &Path) -> ServeDir<ServeFile> {
    ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(ServeFile::new(dist.join("index.html")))
}

/// Compresses the API's JSON answers (a 500-item listing is ~120 KiB of repetitive JSON) for
/// clients that accept it. File contents are left alone: they carry byte ranges, and most formats
/// are compressed already.
pub fn json_compression() -> CompressionLayer<impl Predicate> {
    CompressionLayer::new()
        .br(true)
        .gzip(true)
        .compress_when(SizeAbove::new(1024).and(is_json))
}

/// Whether a response is JSON.
fn is_json(_: StatusCode, _: Version, headers: &HeaderMap, _: &Extensions) -> bool {
    headers
        .get(CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"application/json"))
}

/// Whether `path` names a file trunk fingerprinted: `name-<16 hex digits>[_bg].<ext>`.
pub fn is_fingerprinted(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or_default();
    let stem = file.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(name, hash)| {
        !name.is_empty() && hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// Sets `Cache-Control` on the app's own files (API and redirect routes set theirs).
pub async fn cache_headers(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let mut res = next.run(req).await;
    if path.starts_with("/api/") || res.headers().contains_key(CACHE_CONTROL) {
        return res;
    }
    // A missing asset gets the SPA's page (200, HTML); that must not be cached under its name.
    let is_page = res
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"text/html"));
    let value = if is_fingerprinted(&path) && res.status().is_success() && !is_page {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    res.headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static(value));
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_asset_names_are_fingerprinted() {
        for yes in [
            "/cloudreve-web-55585cf1e28ab449_bg.wasm",
            "/cloudreve-web-55585cf1e28ab449.js",
            "/style-0123456789abcdef.css",
        ] {
            assert!(is_fingerprinted(yes), "{yes}");
        }
        for no in [
            "/",
            "/index.html",
            "/home",
            "/s/AbC",
            "/embed/s/abc-def",
            "/favicon.svg",
            "/app-0123456789abcdeg.js",
            "/-0123456789abcdef.js",
        ] {
            assert!(!is_fingerprinted(no), "{no}");
        }
    }
}
