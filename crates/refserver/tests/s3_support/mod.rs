//! Helpers of `tests/s3.rs`: an s3box on a temporary directory with a client for its bucket, and
//! the browser's side of the S3 multipart protocol done with plain HTTP (no S3 credentials).

#![allow(dead_code)]

use std::time::Duration;

use axum::body::Bytes;
use refserver::s3::{S3Client, S3Settings};
use reqwest::header::{CONTENT_TYPE, ETAG};
use reqwest::StatusCode;
use s3box::{S3Box, S3BoxConfig};
use sha2::{Digest, Sha256};

/// The key pair s3box is started with.
pub const ACCESS_KEY: &str = "s3box-test-key";
pub const SECRET_KEY: &str = "s3box-test-secret";
/// The bucket s3box creates.
pub const BUCKET: &str = "cloudreve";
/// Lifetime of the presigned URLs the tests make.
pub const TTL: Duration = Duration::from_secs(3600);
/// The tests' chunk size: far below S3's 5 MiB, which the test server is told to allow.
pub const CHUNK: usize = 64 * 1024;

/// A running s3box and a client for its bucket; the data directory lives as long as this.
pub struct Fixture {
    pub client: S3Client,
    pub server: S3Box,
    _dir: tempfile::TempDir,
}

/// An s3box whose parts may be as small as `min_part_size`, and a client for its bucket.
pub async fn fixture_with(min_part_size: u64) -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut config = S3BoxConfig::new(dir.path(), ACCESS_KEY, SECRET_KEY, BUCKET);
    config.min_part_size = min_part_size;
    let server = s3box::start(config).await.expect("s3box starts");
    let client = S3Client::new(settings(&server, SECRET_KEY)).expect("client");
    Fixture {
        client,
        server,
        _dir: dir,
    }
}

/// An s3box that takes parts of any size (as the tests' 64 KiB chunks need).
pub async fn fixture() -> Fixture {
    fixture_with(1).await
}

/// Settings for the fixture's bucket, signing with `secret`.
pub fn settings(server: &S3Box, secret: &str) -> S3Settings {
    S3Settings {
        endpoint: server.endpoint(),
        bucket: BUCKET.into(),
        region: "us-east-1".into(),
        access_key: ACCESS_KEY.into(),
        secret_key: secret.into(),
        path_style: true,
    }
}

/// Deterministic, non-repeating-looking content.
pub fn content(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| (i as u32).wrapping_mul(2_654_435_761).to_le_bytes()[1] ^ seed)
        .collect()
}

/// SHA-256 of `data`, to compare contents with short failure messages.
pub fn sha256(data: &[u8]) -> Vec<u8> {
    Sha256::digest(data).to_vec()
}

/// A plain HTTP client: no S3 credentials, as in a browser.
pub fn browser() -> reqwest::Client {
    reqwest::Client::new()
}

/// PUTs one part to its presigned URL as the browser does; returns the `ETag` header verbatim.
pub async fn put_part(url: &str, data: &[u8]) -> String {
    let res = browser()
        .put(url)
        .header(CONTENT_TYPE, "application/octet-stream")
        .body(data.to_vec())
        .send()
        .await
        .expect("part PUT");
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "part PUT: {:?}",
        res.text().await
    );
    res.headers()
        .get(ETAG)
        .and_then(|v| v.to_str().ok())
        .expect("ETag header")
        .to_string()
}

/// The CompleteMultipartUpload body listing `etags` as parts 1, 2, ... (ETags verbatim).
pub fn complete_xml(etags: &[String]) -> String {
    let parts: String = etags
        .iter()
        .enumerate()
        .map(|(i, e)| {
            format!(
                "<Part><PartNumber>{}</PartNumber><ETag>{e}</ETag></Part>",
                i + 1
            )
        })
        .collect();
    format!("<CompleteMultipartUpload>{parts}</CompleteMultipartUpload>")
}

/// POSTs the part list to the presigned complete URL; returns status and body.
pub async fn complete(url: &str, etags: &[String]) -> (StatusCode, String) {
    let res = browser()
        .post(url)
        .header(CONTENT_TYPE, "application/octet-stream")
        .body(complete_xml(etags))
        .send()
        .await
        .expect("complete POST");
    let status = res.status();
    (status, res.text().await.unwrap_or_default())
}

/// Uploads `data` to `key` in `CHUNK`-sized parts the browser's way; returns the part ETags.
pub async fn upload_in_parts(client: &S3Client, key: &str, data: &[u8]) -> Vec<String> {
    let id = client
        .create_multipart_upload(key, Some("application/octet-stream"))
        .await
        .expect("create upload");
    let mut etags = Vec::new();
    for (i, chunk) in data.chunks(CHUNK).enumerate() {
        let url = client.presign_upload_part(key, &id, i as u32 + 1, TTL);
        etags.push(put_part(&url, chunk).await);
    }
    let url = client.presign_complete_multipart_upload(key, &id, TTL);
    let (status, body) = complete(&url, &etags).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("<CompleteMultipartUploadResult"), "{body}");
    etags
}

/// GETs `url` as a browser, with an optional `Range`; returns status, headers and body.
pub async fn get(
    url: &str,
    range: Option<&str>,
) -> (StatusCode, reqwest::header::HeaderMap, Bytes) {
    let mut req = browser().get(url);
    if let Some(r) = range {
        req = req.header("range", r);
    }
    let res = req.send().await.expect("GET");
    let (status, headers) = (res.status(), res.headers().clone());
    (status, headers, res.bytes().await.expect("body"))
}

/// Flips the last hex digit of the signature.
pub fn tamper_signature(url: &str) -> String {
    let mut s = url.to_string();
    let last = s.pop().expect("non-empty");
    s.push(if last == '0' { '1' } else { '0' });
    s
}
