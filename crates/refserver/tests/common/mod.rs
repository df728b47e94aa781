//! Shared helpers: a fresh server state in a temporary data dir, and one-shot JSON calls.

#![allow(dead_code)]

pub mod edit;
pub mod seed;
pub mod upload;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use refserver::{AppState, Config};
use serde_json::Value;
use tower::ServiceExt;

pub const ADMIN_EMAIL: &str = "admin@cloudreve.local";
pub const ADMIN_PASSWORD: &str = "admin-pass-1";

/// A prepared state whose data dir lives as long as the returned guard.
pub fn state_with(f: impl FnOnce(&mut Config)) -> (AppState, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut config = Config::new(dir.path());
    config.admin_password = Some(ADMIN_PASSWORD.into());
    f(&mut config);
    let (state, _) = refserver::seed::prepare(config).expect("prepare");
    (state, dir)
}

pub fn state() -> (AppState, tempfile::TempDir) {
    state_with(|_| {})
}

/// Sends one request through the router and returns (HTTP status, body as JSON or string).
pub async fn call(
    state: &AppState,
    method: &str,
    uri: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(t) = token {
        req = req.header("Authorization", format!("Bearer {t}"));
    }
    let req = match body {
        Some(b) => req
            .header("content-type", "application/json")
            .body(Body::from(b.to_string())),
        None => req.body(Body::empty()),
    }
    .expect("request");
    let res = refserver::app(state.clone())
        .oneshot(req)
        .await
        .expect("response");
    let status = res.status();
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    let json = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()));
    (status, json)
}

/// Signs in and returns the `data` of the login response.
pub async fn sign_in(state: &AppState, email: &str, password: &str) -> Value {
    let (_, body) = call(
        state,
        "POST",
        "/api/v4/session/token",
        None,
        Some(serde_json::json!({"email": email, "password": password})),
    )
    .await;
    assert_eq!(body["code"], 0, "sign-in failed: {body}");
    body["data"].clone()
}

/// The access token of a fresh admin sign-in.
pub async fn admin_token(state: &AppState) -> String {
    sign_in(state, ADMIN_EMAIL, ADMIN_PASSWORD).await["token"]["access_token"]
        .as_str()
        .expect("token")
        .to_string()
}

/// `GET /file?uri=...&extra` as `token`.
pub async fn list(state: &AppState, token: &str, uri: &str, extra: &str) -> Value {
    let q = format!(
        "/api/v4/file?uri={}{extra}",
        cloudreve_api::uri::encode_component(uri)
    );
    call(state, "GET", &q, Some(token), None).await.1
}

/// One string field of each item of a listing (panics on an error answer, so that an empty result
/// is never mistaken for a failed call).
pub fn field(listing: &Value, key: &str) -> Vec<String> {
    listing["data"]["files"]
        .as_array()
        .unwrap_or_else(|| panic!("no files in {listing}"))
        .iter()
        .map(|f| f[key].as_str().unwrap_or_default().to_string())
        .collect()
}

/// A fresh active user with password `secret-pw`, signed in: (row id, access token).
pub async fn new_user(state: &AppState, email: &str) -> (i64, String) {
    let id = refserver::seed::add_user(state, email, "secret-pw", None).expect("user");
    let token = sign_in(state, email, "secret-pw").await["token"]["access_token"]
        .as_str()
        .expect("token")
        .to_string();
    (id, token)
}

/// The names of a listing's items.
pub fn names(listing: &Value) -> Vec<String> {
    field(listing, "name")
}

/// Sends one request with extra headers and returns status, headers and raw body bytes.
pub async fn fetch(
    state: &AppState,
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let mut req = Request::builder().method(method).uri(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = refserver::app(state.clone())
        .oneshot(req.body(Body::empty()).expect("request"))
        .await
        .expect("response");
    let (parts, body) = res.into_parts();
    let bytes = body.collect().await.expect("body").to_bytes().to_vec();
    (parts.status, parts.headers, bytes)
}

/// The row id of the first admin (the demo tree's owner).
pub const ADMIN_ID: i64 = 1;

/// A demo tree (with `f` applied to the config) and an admin token.
pub async fn demo_with(f: impl FnOnce(&mut Config)) -> (AppState, tempfile::TempDir, String) {
    let (s, d) = state_with(|c| {
        c.demo = true;
        f(c);
    });
    let t = admin_token(&s).await;
    (s, d, t)
}

/// The demo tree and an admin token.
pub async fn demo() -> (AppState, tempfile::TempDir, String) {
    demo_with(|_| {}).await
}

/// Adds a user and returns an access token of theirs.
pub async fn user_token(state: &AppState, email: &str) -> String {
    refserver::seed::add_user(state, email, "user-password", None).expect("user");
    sign_in(state, email, "user-password").await["token"]["access_token"]
        .as_str()
        .expect("token")
        .to_string()
}

/// Moves `uri` to the trash and returns its trash URI (the trash must have been empty).
pub async fn trash(state: &AppState, token: &str, uri: &str) -> String {
    let body = serde_json::json!({"uris": [uri]});
    let (_, r) = call(state, "DELETE", "/api/v4/file", Some(token), Some(body)).await;
    assert_eq!(r["code"], 0, "{r}");
    list(state, token, "cloudreve://trash", "").await["data"]["files"][0]["path"]
        .as_str()
        .expect("trash item")
        .to_string()
}

/// A server on a free local port, with `f` applied to the config (admin password [`ADMIN_PASSWORD`]).
pub async fn spawn(f: impl FnOnce(&mut Config)) -> (refserver::Running, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tmp");
    let mut config = Config::new(dir.path());
    config.bind = "127.0.0.1:0".parse().expect("addr");
    config.admin_password = Some(ADMIN_PASSWORD.into());
    f(&mut config);
    (refserver::start(config).await.expect("server"), dir)
}
