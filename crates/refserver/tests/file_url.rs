//! `POST /file/url` (file.md §Create download URL): URLs that fetch content without a token, the
//! download flag, versions, redirects and how failures are reported.

mod common;

use common::*;
use refserver::AppState;
use serde_json::{json, Value};

const BODY: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";

async fn urls(s: &AppState, token: Option<&str>, body: Value) -> Value {
    call(s, "POST", "/api/v4/file/url", token, Some(body))
        .await
        .1
}

fn header<'a>(h: &'a axum::http::HeaderMap, name: &str) -> &'a str {
    h.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
}

/// A state with `Docs/a.txt` ([`BODY`]) and an empty `Docs/empty.txt` of the admin's.
async fn setup() -> (AppState, tempfile::TempDir, String) {
    let (s, d) = state();
    refserver::seed::add_file(&s, ADMIN_ID, "Docs/a.txt", BODY).expect("file");
    refserver::seed::add_file(&s, ADMIN_ID, "Docs/empty.txt", b"").expect("file");
    let t = admin_token(&s).await;
    (s, d, t)
}

#[tokio::test]
async fn a_url_fetches_the_bytes_without_a_token_inline_or_as_download() {
    let (s, _d, t) = setup().await;
    let r = urls(&s, Some(&t), json!({"uris": ["cloudreve://my/Docs/a.txt"]})).await;
    assert_eq!(r["code"], 0, "{r}");
    let url = r["data"]["urls"][0]["url"]
        .as_str()
        .expect("url")
        .to_string();
    assert!(r["data"]["expires"].is_string(), "{r}");
    let (status, h, body) = fetch(&s, "GET", &url, &[]).await;
    assert_eq!((status.as_u16(), body.as_slice()), (200, BODY));
    assert!(header(&h, "content-disposition").starts_with("inline; filename=\"a.txt\""));

    let (status, h, body) = fetch(&s, "GET", &url, &[("range", "bytes=10-13")]).await;
    assert_eq!((status.as_u16(), body.as_slice()), (206, &b"abcd"[..]));
    assert_eq!(header(&h, "content-range"), "bytes 10-13/36");

    let again = urls(&s, Some(&t), json!({"uris": ["cloudreve://my/Docs/a.txt"]})).await;
    assert_eq!(again["data"], r["data"], "a cached URL is handed out again");

    let dl = urls(
        &s,
        Some(&t),
        json!({"uris": ["cloudreve://my/Docs/a.txt"], "download": true}),
    )
    .await;
    let dl = dl["data"]["urls"][0]["url"].as_str().expect("url");
    let (_, h, body) = fetch(&s, "GET", dl, &[]).await;
    assert_eq!(body, BODY);
    assert!(header(&h, "content-disposition").starts_with("attachment; filename=\"a.txt\""));

    let empty = urls(
        &s,
        Some(&t),
        json!({"uris": ["cloudreve://my/Docs/empty.txt"]}),
    )
    .await;
    let (status, _, body) = fetch(
        &s,
        "GET",
        empty["data"]["urls"][0]["url"].as_str().expect("url"),
        &[],
    )
    .await;
    assert_eq!(
        (status.as_u16(), body.len()),
        (200, 0),
        "an empty file has empty content"
    );
}

#[tokio::test]
async fn redirect_answers_302_to_the_url() {
    let (s, _d, t) = setup().await;
    let mut req = axum::http::Request::builder()
        .method("POST")
        .uri("/api/v4/file/url")
        .header("Authorization", format!("Bearer {t}"))
        .header("content-type", "application/json");
    req = req.header("accept", "*/*");
    let body = json!({"uris": ["cloudreve://my/Docs/a.txt"], "redirect": true}).to_string();
    let res = tower::ServiceExt::oneshot(
        refserver::app(s.clone()),
        req.body(axum::body::Body::from(body)).expect("request"),
    )
    .await
    .expect("response");
    assert_eq!(res.status(), 302);
    let location = header(res.headers(), "location").to_string();
    let (status, _, bytes) = fetch(&s, "GET", &location, &[]).await;
    assert_eq!((status.as_u16(), bytes.as_slice()), (200, BODY));
}

#[tokio::test]
async fn versions_are_named_by_entity_and_unknown_ones_answer_40077() {
    let (s, _d, t) = setup().await;
    let (_, info) = call(
        &s,
        "GET",
        "/api/v4/file/info?uri=cloudreve%3A%2F%2Fmy%2FDocs%2Fa.txt",
        Some(&t),
        None,
    )
    .await;
    let entity = info["data"]["primary_entity"]
        .as_str()
        .expect("entity")
        .to_string();
    let r = urls(
        &s,
        Some(&t),
        json!({"uris": ["cloudreve://my/Docs/a.txt"], "entity": entity}),
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    for bad in ["zzzzzz", "", "1"] {
        let r = urls(
            &s,
            Some(&t),
            json!({"uris": ["cloudreve://my/Docs/a.txt"], "entity": bad}),
        )
        .await;
        assert_eq!(r["code"], 40077, "{bad:?}: {r}");
    }
    // Another file's entity is no version of this one.
    let b = refserver::seed::add_file(&s, ADMIN_ID, "Docs/b.txt", b"b").expect("file");
    let wrong = refserver::signing::EntityRef::File(b).encode(&s.ids);
    let r = urls(
        &s,
        Some(&t),
        json!({"uris": ["cloudreve://my/Docs/a.txt"], "entity": wrong}),
    )
    .await;
    assert_eq!(r["code"], 40077, "{r}");
    let r = urls(
        &s,
        Some(&t),
        json!({"uris": ["cloudreve://my/Docs/a.txt", "cloudreve://my/Docs/empty.txt"], "entity": entity}),
    )
    .await;
    assert_eq!(r["code"], 40001, "entity takes one uri: {r}");
}

#[tokio::test]
async fn folders_trash_other_users_and_missing_files_are_refused() {
    let (s, _d, t) = setup().await;
    refserver::seed::add_file(&s, ADMIN_ID, "Old/gone.txt", b"x").expect("file");
    let one = |uri: &str| json!({ "uris": [uri] });
    assert_eq!(
        urls(&s, Some(&t), one("cloudreve://my/Docs")).await["code"],
        40077
    );
    assert_eq!(
        urls(&s, Some(&t), one("cloudreve://my/nope.txt")).await["code"],
        40016
    );
    let trashed = trash(&s, &t, "cloudreve://my/Old").await;
    assert_eq!(urls(&s, Some(&t), one(&trashed)).await["code"], 403);
    assert_eq!(
        urls(&s, None, one("cloudreve://my/Docs/a.txt")).await["code"],
        401
    );

    let (_, mallory) = new_user(&s, "mallory@example.org").await;
    let (_, me) = call(&s, "GET", "/api/v4/user/me", Some(&t), None).await;
    let admin_id = me["data"]["id"].as_str().expect("id");
    let theirs = format!("cloudreve://{admin_id}@my/Docs/a.txt");
    assert_eq!(urls(&s, Some(&mallory), one(&theirs)).await["code"], 403);
    let r = urls(&s, Some(&mallory), one("cloudreve://my/Docs/a.txt")).await;
    assert_eq!(r["code"], 40016, "their own tree has no such file: {r}");
}

#[tokio::test]
async fn partial_failures_are_aggregated_or_skipped() {
    let (s, _d, t) = setup().await;
    let uris = json!([
        "cloudreve://my/Docs/a.txt",
        "cloudreve://my/Docs",
        "cloudreve://my/x"
    ]);
    let r = urls(&s, Some(&t), json!({ "uris": uris })).await;
    assert_eq!(r["code"], 40081, "{r}");
    let failed = r["aggregated_error"].as_object().expect("aggregated");
    assert_eq!(failed["cloudreve://my/Docs"]["code"], 40077);
    assert_eq!(failed["cloudreve://my/x"]["code"], 40016);
    assert!(!failed.contains_key("cloudreve://my/Docs/a.txt"));

    let r = urls(&s, Some(&t), json!({ "uris": uris, "skip_error": true })).await;
    assert_eq!(r["code"], 0, "{r}");
    let got: Vec<&str> = r["data"]["urls"]
        .as_array()
        .expect("urls")
        .iter()
        .map(|u| u["url"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(got.len(), 3);
    assert!(got[0].starts_with("/api/v4/file/content/"), "{got:?}");
    assert_eq!(&got[1..], ["", ""]);

    let r = urls(
        &s,
        Some(&t),
        json!({"uris": ["cloudreve://my/x"], "skip_error": true}),
    )
    .await;
    assert_eq!(
        (r["code"].as_i64(), r["data"]["expires"].is_null()),
        (Some(0), true),
        "{r}"
    );
    assert_eq!(urls(&s, Some(&t), json!({"uris": []})).await["code"], 40001);
    let many: Vec<String> = (0..3001).map(|i| format!("cloudreve://my/{i}")).collect();
    assert_eq!(
        urls(&s, Some(&t), json!({ "uris": many })).await["code"],
        40074
    );
}
