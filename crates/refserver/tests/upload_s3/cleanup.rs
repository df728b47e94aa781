//! What a session leaves at the provider when it ends without a file (cancel, expiry), another
//! user's part in it, and sessions that cannot open.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::common::upload::{chunk, new_policy, open_with, pattern, post, used};
use crate::common::{call, list, new_user};
use crate::s3_support::{self, browser};
use crate::support::*;

/// PUTs `data` as part 1 of the credential's upload; returns the status and S3 error code.
async fn put_first_part(cred: &Value, data: &[u8]) -> (StatusCode, String) {
    let url = cred["upload_urls"][0].as_str().expect("part URL");
    let res = browser()
        .put(url)
        .body(data.to_vec())
        .send()
        .await
        .expect("PUT");
    let status = res.status();
    let body = res.text().await.unwrap_or_default();
    let code = body
        .split("<Code>")
        .nth(1)
        .and_then(|rest| rest.split("</Code>").next())
        .unwrap_or_default()
        .to_string();
    (status, code)
}

fn names(listing: &Value) -> String {
    listing["data"]["files"].to_string()
}

#[tokio::test]
async fn cancel_aborts_the_provider_upload() {
    let e = env().await;
    let data = pattern(3 * CHUNK, 8);
    let cred = open_as(&e, &e.t, &at("gone.bin"), data.len(), json!({})).await;
    assert_eq!(
        put_first_part(&cred, &data[..CHUNK]).await.0,
        StatusCode::OK
    );
    assert_eq!(cancel(&e, &e.t, &cred).await["code"], 0);
    assert_eq!(
        put_first_part(&cred, &data[..CHUNK]).await,
        (StatusCode::NOT_FOUND, "NoSuchUpload".to_string())
    );
    assert!(!names(&list(&e.s, &e.t, FOLDER, "").await).contains("gone.bin"));
    assert_eq!(used(&e.s, &e.t).await, 0);
    assert_eq!(cancel(&e, &e.t, &cred).await["code"], 0, "again: fine");
}

#[tokio::test]
async fn the_expiry_sweep_aborts_the_provider_upload() {
    let e = env().await;
    let data = pattern(2 * CHUNK, 9);
    let cred = open_as(&e, &e.t, &at("late.bin"), data.len(), json!({})).await;
    assert_eq!(
        put_first_part(&cred, &data[..CHUNK]).await.0,
        StatusCode::OK
    );
    let r = post(
        &e.s,
        &e.t,
        "/test/expire_upload",
        json!({"session_id": sid(&cred)}),
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    assert_eq!(refserver::uploads::sweep(&e.s).await.expect("sweep"), 1);
    assert_eq!(
        put_first_part(&cred, &data[..CHUNK]).await,
        (StatusCode::NOT_FOUND, "NoSuchUpload".to_string())
    );
    assert!(!names(&list(&e.s, &e.t, FOLDER, "").await).contains("late.bin"));
    let key = cred["callback_secret"].as_str().expect("key");
    assert_eq!(callback(&e.s, &sid(&cred), key).await.1["code"], 40011);
}

#[tokio::test]
async fn another_user_can_neither_send_chunks_nor_cancel_but_the_key_completes() {
    let e = env().await;
    let (_, eve) = new_user(&e.s, "eve@example.org").await;
    let data = pattern(CHUNK + 7, 10);
    let cred = open_as(&e, &e.t, &at("mine.bin"), data.len(), json!({})).await;
    assert_eq!(chunk(&e.s, &eve, &cred, 0, &data).await["code"], 40011);
    assert_eq!(cancel(&e, &eve, &cred).await["code"], 0, "nothing of hers");
    let etags = put_parts(&cred, &data).await;
    complete(&cred, &etags).await;
    // The callback needs no sign-in: the session says whose file it is, whoever calls.
    let path = format!(
        "/api/v4/callback/s3/{}/{}",
        sid(&cred),
        cred["callback_secret"].as_str().expect("key")
    );
    let r = call(&e.s, "GET", &path, Some(&eve), None).await.1;
    assert_eq!(r["code"], 0, "{r}");
    assert_eq!(content(&e.s, &e.t, &at("mine.bin")).await, data);
    assert_eq!(used(&e.s, &eve).await, 0);
}

#[tokio::test]
async fn a_provider_that_refuses_leaves_no_placeholder_behind() {
    let e = env().await;
    let settings = s3_support::settings(&e.f.server, "not-the-secret");
    let bad = new_policy(
        &e.s,
        &e.t,
        json!({"type": "s3", "chunk_size": CHUNK, "settings": settings}),
    )
    .await;
    let r = post(
        &e.s,
        &e.t,
        "/file/create",
        json!({"uri": "cloudreve://my/bad", "type": "folder"}),
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    crate::common::upload::mount(&e.s, &e.t, "cloudreve://my/bad", &bad).await;
    let r = open_with(&e.s, &e.t, "cloudreve://my/bad/x.bin", 10, json!({})).await;
    assert_eq!(r["code"], 50004, "{r}");
    assert!(!names(&list(&e.s, &e.t, "cloudreve://my/bad", "").await).contains("x.bin"));
    assert_eq!(used(&e.s, &e.t).await, 0);
    // The name is free (no lock left).
    let r = open_with(&e.s, &e.t, &at("x.bin"), 10, json!({})).await;
    assert_eq!(r["code"], 0, "{r}");
}

#[tokio::test]
async fn s3_policies_need_usable_settings_and_files_of_at_most_10000_parts() {
    let e = env().await;
    for settings in [
        json!({}),
        json!({"endpoint": "not a url", "bucket": "b", "access_key": "a", "secret_key": "s"}),
        json!({"endpoint": "http://127.0.0.1:9", "bucket": "", "access_key": "a", "secret_key": "s"}),
    ] {
        let r = post(
            &e.s,
            &e.t,
            "/test/policy",
            json!({"type": "s3", "settings": settings}),
        )
        .await;
        assert_eq!(r["code"], 40001, "{r}");
    }
    let r = post(
        &e.s,
        &e.t,
        "/test/policy",
        json!({"id": e.policy, "chunk_size": 1}),
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    let r = open_with(&e.s, &e.t, &at("many.bin"), 10_001, json!({})).await;
    assert_eq!(r["code"], 40049, "{r}");
    let r = open_with(&e.s, &e.t, &at("many.bin"), 10_000, json!({})).await;
    assert_eq!(r["code"], 0, "exactly the limit");
    assert_eq!(
        r["data"]["upload_urls"].as_array().map(Vec::len),
        Some(10_000)
    );
}
