//! Saving content and reading versions back: `PUT /file/content`, extended info, version URLs.

use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use refserver::AppState;
use serde_json::{json, Value};
use tower::ServiceExt;

use super::{call, fetch};

/// `PUT /file/content?uri=..[&previous=..]` with `body` and its Content-Length.
pub async fn put_content(
    s: &AppState,
    token: &str,
    uri: &str,
    previous: Option<&str>,
    body: &[u8],
) -> Value {
    let enc = cloudreve_api::uri::encode_component;
    let mut path = format!("/api/v4/file/content?uri={}", enc(uri));
    if let Some(p) = previous {
        path.push_str(&format!("&previous={}", enc(p)));
    }
    let req = Request::builder()
        .method("PUT")
        .uri(path)
        .header("Authorization", format!("Bearer {token}"))
        .header("content-length", body.len())
        .body(Body::from(body.to_vec()))
        .expect("request");
    let res = refserver::app(s.clone())
        .oneshot(req)
        .await
        .expect("response");
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    serde_json::from_slice(&bytes).expect("json")
}

/// `GET /file/info?uri=..&extended=true`.
pub async fn info(s: &AppState, token: &str, uri: &str) -> Value {
    let path = format!(
        "/api/v4/file/info?uri={}&extended=true",
        cloudreve_api::uri::encode_component(uri)
    );
    call(s, "GET", &path, Some(token), None).await.1
}

/// The bytes behind a fresh URL of `uri` (of version `entity` when given).
pub async fn content(s: &AppState, token: &str, uri: &str, entity: Option<&str>) -> Vec<u8> {
    let mut body = json!({ "uris": [uri] });
    if let Some(e) = entity {
        body["entity"] = e.into();
    }
    let (_, r) = call(s, "POST", "/api/v4/file/url", Some(token), Some(body)).await;
    let url = r["data"]["urls"][0]["url"]
        .as_str()
        .unwrap_or_else(|| panic!("{r}"));
    fetch(s, "GET", url, &[]).await.2
}
