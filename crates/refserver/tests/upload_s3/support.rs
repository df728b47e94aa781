//! A reference server (router called without a socket) with an S3 policy mounted on a folder of a
//! fresh user, backed by an s3box; and the browser's side of an S3 upload session.

use axum::http::StatusCode;
use refserver::blobs::BlobRef;
use refserver::AppState;
use serde_json::{json, Value};

use crate::common::upload::{content_url, hooked_user, info, mount, new_policy, open_with, post};
use crate::common::{call, fetch};
use crate::s3_support::{self, Fixture, SECRET_KEY};

pub use crate::s3_support::CHUNK;

/// The folder the S3 policy is mounted on.
pub const FOLDER: &str = "cloudreve://my/bucket";

/// Everything a test needs; the data dirs live as long as this.
pub struct Env {
    /// The reference server's state.
    pub s: AppState,
    /// The user's access token.
    pub t: String,
    /// The S3 server and a client for its bucket.
    pub f: Fixture,
    /// The S3 policy's encoded id.
    pub policy: String,
    /// The user's row id.
    pub user: i64,
    _dir: tempfile::TempDir,
}

/// A user with the folder [`FOLDER`] on an S3 policy of [`CHUNK`]-byte parts.
pub async fn env() -> Env {
    let f = s3_support::fixture().await;
    let (s, dir, t, user) = hooked_user().await;
    let r = post(
        &s,
        &t,
        "/file/create",
        json!({"uri": FOLDER, "type": "folder"}),
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    let settings = s3_support::settings(&f.server, SECRET_KEY);
    let policy = new_policy(
        &s,
        &t,
        json!({"name": "Bucket", "type": "s3", "chunk_size": CHUNK, "settings": settings}),
    )
    .await;
    mount(&s, &t, FOLDER, &policy).await;
    Env {
        s,
        t,
        f,
        policy,
        user,
        _dir: dir,
    }
}

/// `FOLDER/name`.
pub fn at(name: &str) -> String {
    format!("{FOLDER}/{name}")
}

/// Opens a session for `uri` that must succeed; returns the credential.
pub async fn open_as(e: &Env, t: &str, uri: &str, size: usize, extra: Value) -> Value {
    let r = open_with(&e.s, t, uri, size, extra).await;
    assert_eq!(r["code"], 0, "{r}");
    r["data"].clone()
}

/// The credential's session id.
pub fn sid(cred: &Value) -> String {
    cred["session_id"].as_str().expect("session id").to_string()
}

/// PUTs each chunk of `data` to its part URL, all at once as a browser with parallel chunks
/// does; returns the ETags in part order.
pub async fn put_parts(cred: &Value, data: &[u8]) -> Vec<String> {
    let urls: Vec<String> = cred["upload_urls"]
        .as_array()
        .expect("upload_urls")
        .iter()
        .map(|u| u.as_str().expect("url").to_string())
        .collect();
    let size = cred["chunk_size"].as_u64().expect("chunk size") as usize;
    let mut parts = tokio::task::JoinSet::new();
    for (i, url) in urls.into_iter().enumerate() {
        let slice = if size == 0 {
            data.to_vec()
        } else {
            data[(i * size).min(data.len())..((i + 1) * size).min(data.len())].to_vec()
        };
        parts.spawn(async move { (i, s3_support::put_part(&url, &slice).await) });
    }
    let mut etags = parts.join_all().await;
    etags.sort();
    etags.into_iter().map(|(_, etag)| etag).collect()
}

/// POSTs the part list to the credential's `completeURL`, which must accept it.
pub async fn complete(cred: &Value, etags: &[String]) {
    let url = cred["completeURL"].as_str().expect("completeURL");
    let (status, body) = s3_support::complete(url, etags).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

/// `GET /callback/s3/{sid}/{key}` without credentials; returns status and envelope.
pub async fn callback(s: &AppState, sid: &str, key: &str) -> (StatusCode, Value) {
    call(
        s,
        "GET",
        &format!("/api/v4/callback/s3/{sid}/{key}"),
        None,
        None,
    )
    .await
}

/// The credential's callback, which must succeed.
pub async fn callback_ok(s: &AppState, cred: &Value) {
    let key = cred["callback_secret"].as_str().expect("secret");
    let (status, r) = callback(s, &sid(cred), key).await;
    assert_eq!(
        (status, r["code"].clone()),
        (StatusCode::OK, json!(0)),
        "{r}"
    );
}

/// The whole browser flow: open, parts, completion, callback.
pub async fn upload(e: &Env, uri: &str, data: &[u8]) -> Value {
    let cred = open_as(e, &e.t, uri, data.len(), json!({})).await;
    let etags = put_parts(&cred, data).await;
    complete(&cred, &etags).await;
    callback_ok(&e.s, &cred).await;
    cred
}

/// Where the signed content route of `uri` redirects to (it must redirect).
pub async fn content_location(s: &AppState, t: &str, uri: &str) -> String {
    let file = info(s, t, uri).await;
    let url = content_url(s, &file, "x.bin", true);
    let (status, headers, _) = fetch(s, "GET", &url, &[]).await;
    assert_eq!(status, StatusCode::FOUND, "S3 content is a redirect");
    headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("Location")
        .to_string()
}

/// The content of `uri` as a browser downloads it: through the signed route's redirect.
pub async fn content(s: &AppState, t: &str, uri: &str) -> Vec<u8> {
    let url = content_location(s, t, uri).await;
    let (status, _, body) = s3_support::get(&url, None).await;
    assert_eq!(status, StatusCode::OK);
    body.to_vec()
}

/// The object key holding `uri`'s content (it must be in a bucket).
pub fn object_of(e: &Env, uri: &str) -> String {
    let path = uri.strip_prefix("cloudreve://my/").expect("a my URI");
    let segments: Vec<String> = path.split('/').map(str::to_string).collect();
    let row =
        e.s.db
            .with(|c| refserver::store::files::resolve(c, e.user, &segments, 0))
            .expect("resolve")
            .expect("the file exists");
    let blob = row.blob.expect("a blob");
    match BlobRef::parse(&blob) {
        Some(BlobRef::S3 { key, .. }) => key.to_string(),
        other => panic!("{uri} is not in a bucket: {other:?}"),
    }
}

/// Whether the bucket holds `key`.
pub async fn in_bucket(e: &Env, key: &str) -> bool {
    e.f.client.head_object(key).await.expect("head").is_some()
}

/// `DELETE /file/upload` of the credential's session as `t`.
pub async fn cancel(e: &Env, t: &str, cred: &Value) -> Value {
    let body = json!({"id": sid(cred), "uri": cred["uri"]});
    call(&e.s, "DELETE", "/api/v4/file/upload", Some(t), Some(body))
        .await
        .1
}
