//! Upload helpers: storage policies through the test hooks, sessions, raw chunks, content read back
//! through the signed content route.

use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use refserver::ids::Kind;
use refserver::signing::{ContentUrl, EntityRef};
use refserver::state::now_secs;
use refserver::AppState;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use tower::ServiceExt;

use super::call;

/// A state with the test hooks on, and a fresh user: (state, dir guard, token, user row id).
pub async fn hooked_user() -> (AppState, tempfile::TempDir, String, i64) {
    let (s, d) = super::state_with(|c| c.test_hooks = true);
    let (id, t) = super::new_user(&s, "bob@example.org").await;
    (s, d, t, id)
}

/// `POST /api/v4{path}` with a JSON body; returns the envelope.
pub async fn post(s: &AppState, t: &str, path: &str, body: Value) -> Value {
    call(s, "POST", &format!("/api/v4{path}"), Some(t), Some(body))
        .await
        .1
}

/// Creates a policy through the hook (`fields` as `POST /test/policy` takes them); returns its id.
pub async fn new_policy(s: &AppState, t: &str, fields: Value) -> String {
    let r = post(s, t, "/test/policy", fields).await;
    assert_eq!(r["code"], 0, "{r}");
    r["data"]["id"].as_str().expect("policy id").to_string()
}

/// Mounts policy `id` on folder `uri`.
pub async fn mount(s: &AppState, t: &str, uri: &str, id: &str) {
    let r = post(s, t, "/test/mount", json!({"uri": uri, "policy_id": id})).await;
    assert_eq!(r["code"], 0, "{r}");
}

/// A local policy with `chunk_size`-byte chunks mounted on the caller's root.
pub async fn small_chunks(s: &AppState, t: &str, chunk_size: i64) -> String {
    let id = new_policy(
        s,
        t,
        json!({"name": "Small chunks", "chunk_size": chunk_size}),
    )
    .await;
    mount(s, t, "cloudreve://my", &id).await;
    id
}

/// The seeded default policy's id (any well-formed id will do: the folder's policy is used).
pub fn default_policy_id(s: &AppState) -> String {
    s.ids.encode(Kind::Policy, 1)
}

/// `PUT /file/upload` with `extra` fields merged into `{uri, size, policy_id}`; returns the envelope.
pub async fn open_with(s: &AppState, t: &str, uri: &str, size: usize, extra: Value) -> Value {
    let mut body = json!({"uri": uri, "size": size, "policy_id": default_policy_id(s)});
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        b.extend(e.clone());
    }
    call(s, "PUT", "/api/v4/file/upload", Some(t), Some(body))
        .await
        .1
}

/// Opens a session that must succeed; returns the credential.
pub async fn open(s: &AppState, t: &str, uri: &str, size: usize) -> Value {
    let r = open_with(s, t, uri, size, json!({})).await;
    assert_eq!(r["code"], 0, "{r}");
    r["data"].clone()
}

/// `POST /file/upload/{sid}/{index}` with `body` and the given headers (no length header unless
/// listed); returns the envelope.
pub async fn chunk_with(
    s: &AppState,
    t: &str,
    sid: &str,
    index: &str,
    headers: &[(&str, String)],
    body: Vec<u8>,
) -> Value {
    let mut req = Request::builder()
        .method("POST")
        .uri(format!("/api/v4/file/upload/{sid}/{index}"))
        .header("Authorization", format!("Bearer {t}"))
        .header("Content-Type", "application/octet-stream");
    for (k, v) in headers {
        req = req.header(*k, v);
    }
    let res = refserver::app(s.clone())
        .oneshot(req.body(Body::from(body)).expect("request"))
        .await
        .expect("response");
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    serde_json::from_slice(&bytes).expect("an envelope")
}

/// Sends chunk `index` of `data` as the contract says (its own slice, with its Content-Length).
pub async fn chunk(s: &AppState, t: &str, cred: &Value, index: usize, data: &[u8]) -> Value {
    let size = cred["chunk_size"].as_u64().expect("chunk size") as usize;
    let slice = if size == 0 {
        data
    } else {
        &data[(index * size).min(data.len())..((index + 1) * size).min(data.len())]
    };
    let sid = cred["session_id"].as_str().expect("session id");
    let len = vec![("Content-Length", slice.len().to_string())];
    chunk_with(s, t, sid, &index.to_string(), &len, slice.to_vec()).await
}

/// How many chunks `data` makes with this credential.
pub fn chunk_count(cred: &Value, data: &[u8]) -> usize {
    match cred["chunk_size"].as_u64().expect("chunk size") as usize {
        0 => 1,
        size => data.len().div_ceil(size).max(1),
    }
}

/// Uploads `data` to `uri` chunk by chunk, in order; every answer must succeed.
pub async fn upload(s: &AppState, t: &str, uri: &str, data: &[u8]) {
    let cred = open(s, t, uri, data.len()).await;
    for i in 0..chunk_count(&cred, data) {
        let r = chunk(s, t, &cred, i, data).await;
        assert_eq!(r["code"], 0, "chunk {i}: {r}");
    }
}

/// `GET /file/info` of `uri` (must succeed).
pub async fn info(s: &AppState, t: &str, uri: &str) -> Value {
    let q = format!(
        "/api/v4/file/info?uri={}",
        cloudreve_api::uri::encode_component(uri)
    );
    let r = call(s, "GET", &q, Some(t), None).await.1;
    assert_eq!(r["code"], 0, "{r}");
    r["data"].clone()
}

/// A signed content URL (valid for a minute) of the file described by `file` (its `GET /file/info`).
pub fn content_url(s: &AppState, file: &Value, name: &str, download: bool) -> String {
    let id = s
        .ids
        .decode(Kind::File, file["id"].as_str().expect("id"))
        .expect("file id");
    ContentUrl {
        entity: EntityRef::File(id),
        name,
        download,
        expires: now_secs() + 60,
    }
    .build(&s.ids, &s.url_secret)
}

/// The content of `uri`, read through a signed content URL (empty files have no content to read).
pub async fn download(s: &AppState, t: &str, uri: &str) -> Vec<u8> {
    let file = info(s, t, uri).await;
    if file["size"] == 0 {
        return Vec::new();
    }
    let url = content_url(s, &file, "x", false);
    let (status, _, body) = super::fetch(s, "GET", &url, &[]).await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    body
}

/// SHA-256 of `bytes`, in hex.
pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `n` bytes that differ from position to position and from seed to seed.
pub fn pattern(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

/// The part file of session `sid`.
pub fn part_file(s: &AppState, sid: &str) -> std::path::PathBuf {
    s.upload_dir.join(sid)
}

/// Bytes charged to the caller (`GET /user/capacity`).
pub async fn used(s: &AppState, t: &str) -> i64 {
    let r = call(s, "GET", "/api/v4/user/capacity", Some(t), None)
        .await
        .1;
    r["data"]["used"].as_i64().expect("used")
}
