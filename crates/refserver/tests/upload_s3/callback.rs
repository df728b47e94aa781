//! `GET /callback/s3/{session_id}/{key}` failures (callback.md): HTTP 401 with 40011 or 40006,
//! HTTP 400 with 40055; and the chunk route, which S3 sessions do not use.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::common::list;
use crate::common::upload::{chunk, open, pattern};
use crate::support::*;

fn answer(got: (StatusCode, Value)) -> (StatusCode, Value) {
    (got.0, got.1["code"].clone())
}

#[tokio::test]
async fn unknown_sessions_wrong_keys_and_other_policy_types_answer_401() {
    let e = env().await;
    let data = pattern(CHUNK + 1, 5);
    let cred = open_as(&e, &e.t, &at("a.bin"), data.len(), json!({})).await;
    let (sid, key) = (sid(&cred), cred["callback_secret"].as_str().expect("key"));
    let gone = (StatusCode::UNAUTHORIZED, json!(40011));

    let unknown = uuid::Uuid::new_v4().to_string();
    assert_eq!(answer(callback(&e.s, &unknown, key).await), gone);
    assert_eq!(answer(callback(&e.s, "not-a-session", key).await), gone);
    assert_eq!(
        answer(callback(&e.s, &sid.to_uppercase(), key).await),
        gone,
        "only the form we make"
    );
    let mut wrong = key.to_string();
    wrong.replace_range(..1, if key.starts_with('a') { "b" } else { "a" });
    assert_eq!(
        answer(callback(&e.s, &sid, &wrong).await),
        gone,
        "wrong key"
    );
    let (_, r) = callback(&e.s, &unknown, key).await;
    assert!(r["correlation_id"].is_string(), "still the envelope: {r}");

    // After all that the session still works.
    let etags = put_parts(&cred, &data).await;
    complete(&cred, &etags).await;
    callback_ok(&e.s, &cred).await;
    assert_eq!(answer(callback(&e.s, &sid, key).await), gone, "twice");

    // A local session (the root is on the local default policy) on the S3 route.
    let local = open(&e.s, &e.t, "cloudreve://my/local.txt", 3).await;
    let local_key = local["callback_secret"].as_str().expect("key");
    assert_eq!(
        answer(callback(&e.s, local["session_id"].as_str().expect("sid"), local_key).await),
        (StatusCode::UNAUTHORIZED, json!(40006))
    );
    assert_eq!(
        chunk(&e.s, &e.t, &local, 0, b"abc").await["code"],
        0,
        "unharmed"
    );
}

#[tokio::test]
async fn the_chunk_route_refuses_s3_sessions_with_40006() {
    let e = env().await;
    let data = pattern(100, 6);
    let cred = open_as(&e, &e.t, &at("b.bin"), data.len(), json!({})).await;
    let r = chunk(&e.s, &e.t, &cred, 0, &data).await;
    assert_eq!(r["code"], 40006, "{r}");
}

#[tokio::test]
async fn a_size_mismatch_answers_400_40055_and_the_session_stays_until_cancelled() {
    let e = env().await;
    let data = pattern(2 * CHUNK, 7);
    let cred = open_as(&e, &e.t, &at("c.bin"), data.len(), json!({})).await;
    let (sid, key) = (sid(&cred), cred["callback_secret"].as_str().expect("key"));
    let mismatch = (StatusCode::BAD_REQUEST, json!(40055));

    // Nothing completed yet: no object.
    assert_eq!(answer(callback(&e.s, &sid, key).await), mismatch);
    // A short last part.
    let etags = put_parts(&cred, &data[..data.len() - 1]).await;
    complete(&cred, &etags).await;
    let (status, r) = callback(&e.s, &sid, key).await;
    assert_eq!((status, r["code"].clone()), mismatch);
    assert!(r["msg"].as_str().is_some_and(|m| m.contains("size")), "{r}");

    // The placeholder is still there until the client cancels (or the session expires).
    let listing = list(&e.s, &e.t, FOLDER, "").await;
    assert!(
        listing.to_string().contains(&sid),
        "still uploading: {listing}"
    );
    let object = format!("uploads/{sid}/c.bin");
    assert!(in_bucket(&e, &object).await);
    assert_eq!(cancel(&e, &e.t, &cred).await["code"], 0);
    assert!(!in_bucket(&e, &object).await, "cancel deletes the object");
    assert!(!list(&e.s, &e.t, FOLDER, "")
        .await
        .to_string()
        .contains("c.bin"));
    assert_eq!(answer(callback(&e.s, &sid, key).await).1, json!(40011));
}
