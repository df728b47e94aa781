//! `PUT /file/content` (file.md §Update file content) and the versions it leaves behind
//! (`extended_info.entities`), including upload overwrites.

mod common;

use axum::body::Body;
use axum::http::Request;
use common::edit::{content, info, put_content};
use common::*;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

const URI: &str = "cloudreve://my/notes.md";

#[tokio::test]
async fn saving_creates_then_versions_the_file() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    let first = put_content(&s, &t, URI, None, b"# one").await;
    assert_eq!(first["code"], 0, "{first}");
    assert_eq!(
        (
            first["data"]["name"].as_str(),
            first["data"]["size"].as_i64()
        ),
        (Some("notes.md"), Some(5))
    );
    let v1 = first["data"]["primary_entity"]
        .as_str()
        .expect("entity")
        .to_string();

    let second = put_content(&s, &t, URI, Some(&v1), b"# two!").await;
    assert_eq!(second["code"], 0, "{second}");
    let v2 = second["data"]["primary_entity"]
        .as_str()
        .expect("entity")
        .to_string();
    assert_ne!(v1, v2, "each save is a new version");
    assert_eq!(content(&s, &t, URI, None).await, b"# two!");
    assert_eq!(content(&s, &t, URI, Some(&v1)).await, b"# one");

    let ext = info(&s, &t, URI).await;
    let ext = &ext["data"]["extended_info"];
    let ids: Vec<&str> = ext["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .map(|e| e["id"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(ids, [v2.as_str(), v1.as_str()], "newest first");
    assert_eq!(ext["entities"][0]["type"], 0);
    assert_eq!(ext["entities"][0]["size"], 6);
    assert!(
        ext["entities"][0]["created_by"]["nickname"].is_string(),
        "{ext}"
    );
    assert!(ext["entities"][0]["created_by"].get("email").is_none());
    assert!(ext["entities"][0]["storage_policy"]["id"].is_string());
    assert_eq!(ext["storage_used"], 11);

    // No `previous`: overwrite whatever is there.
    let third = put_content(&s, &t, URI, None, b"").await;
    assert_eq!(
        (third["code"].as_i64(), third["data"]["size"].as_i64()),
        (Some(0), Some(0)),
        "{third}"
    );
    assert_eq!(content(&s, &t, URI, None).await, b"");
    assert_eq!(
        info(&s, &t, URI).await["data"]["extended_info"]["entities"]
            .as_array()
            .map(Vec::len),
        Some(3)
    );
    let (_, cap) = call(&s, "GET", "/api/v4/user/capacity", Some(&t), None).await;
    assert_eq!(cap["data"]["used"], 11, "kept versions count: {cap}");
}

#[tokio::test]
async fn a_stale_previous_answers_40076_and_changes_nothing() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    let v1 = put_content(&s, &t, URI, None, b"base").await["data"]["primary_entity"]
        .as_str()
        .expect("e")
        .to_string();
    assert_eq!(
        put_content(&s, &t, URI, Some(&v1), b"mine").await["code"],
        0
    );
    let r = put_content(&s, &t, URI, Some(&v1), b"theirs").await;
    assert_eq!(r["code"], 40076, "{r}");
    assert_eq!(content(&s, &t, URI, None).await, b"mine");
    assert_eq!(
        info(&s, &t, URI).await["data"]["extended_info"]["entities"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
}

#[tokio::test]
async fn limits_locks_quota_and_bad_targets_are_refused() {
    let (s, _d) = state_with(|c| {
        c.max_edit_size = 10;
        c.test_hooks = true;
    });
    let t = admin_token(&s).await;
    assert_eq!(
        put_content(&s, &t, URI, None, b"0123456789!").await["code"],
        40049
    );
    assert_eq!(
        put_content(&s, &t, "cloudreve://my/no/such.txt", None, b"x").await["code"],
        40016
    );
    assert_eq!(
        put_content(&s, &t, "cloudreve://my/a:b.txt", None, b"x").await["code"],
        40052
    );
    assert_eq!(
        put_content(&s, &t, "cloudreve://trash/x.txt", None, b"x").await["code"],
        403
    );
    assert_eq!(put_content(&s, &t, URI, None, b"ok").await["code"], 0);
    let (_, lock) = call(
        &s,
        "POST",
        "/api/v4/test/lock",
        Some(&t),
        Some(json!({"uri": URI, "app": "viewer"})),
    )
    .await;
    assert_eq!(lock["code"], 0, "{lock}");
    assert_eq!(put_content(&s, &t, URI, None, b"no").await["code"], 40073);
    assert_eq!(content(&s, &t, URI, None).await, b"ok");

    let (_, user) = new_user(&s, "small@example.org").await;
    s.db.with(|c| c.execute("UPDATE groups SET max_storage = 12 WHERE id = 2", []))
        .expect("quota");
    assert_eq!(
        put_content(&s, &user, URI, None, b"0123456789").await["code"],
        0
    );
    let r = put_content(&s, &user, URI, None, b"abc").await;
    assert_eq!(r["code"], 40051, "the old version still counts: {r}");

    let req = Request::builder()
        .method("PUT")
        .uri("/api/v4/file/content?uri=cloudreve%3A%2F%2Fmy%2Fx.txt")
        .header("Authorization", format!("Bearer {t}"))
        .body(Body::from("chunked"))
        .expect("request");
    let res = refserver::app(s.clone())
        .oneshot(req)
        .await
        .expect("response");
    let body: Value =
        serde_json::from_slice(&res.into_body().collect().await.expect("b").to_bytes())
            .expect("json");
    assert_eq!(body["code"], 40001, "Content-Length is required: {body}");
}

#[tokio::test]
async fn upload_overwrites_keep_the_old_version() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    assert_eq!(put_content(&s, &t, URI, None, b"before").await["code"], 0);
    let data = b"after upload";
    let opened =
        upload::open_with(&s, &t, URI, data.len(), json!({"entity_type": "version"})).await;
    assert_eq!(opened["code"], 0, "{opened}");
    for i in 0..upload::chunk_count(&opened["data"], data) {
        assert_eq!(
            upload::chunk(&s, &t, &opened["data"], i, data).await["code"],
            0
        );
    }
    assert_eq!(content(&s, &t, URI, None).await, b"after upload");
    let ext = info(&s, &t, URI).await;
    let entities = ext["data"]["extended_info"]["entities"]
        .as_array()
        .expect("entities")
        .clone();
    assert_eq!(entities.len(), 2, "{ext}");
    let old = entities[1]["id"].as_str().expect("id");
    assert_eq!(content(&s, &t, URI, Some(old)).await, b"before");
}
