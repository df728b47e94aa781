//! `POST /file/version/current` and `DELETE /file/version` (file.md §Versions).

mod common;

use common::edit::{content, info, put_content};
use common::*;
use refserver::AppState;
use serde_json::{json, Value};

const URI: &str = "cloudreve://my/doc.txt";

async fn set_current(s: &AppState, t: &str, uri: &str, version: &str) -> Value {
    let body = json!({ "uri": uri, "version": version });
    call(
        s,
        "POST",
        "/api/v4/file/version/current",
        Some(t),
        Some(body),
    )
    .await
    .1
}

async fn delete_version(s: &AppState, t: &str, uri: &str, version: &str) -> Value {
    let body = json!({ "uri": uri, "version": version });
    call(s, "DELETE", "/api/v4/file/version", Some(t), Some(body))
        .await
        .1
}

/// Saves "one" then "two!"; returns their version ids.
async fn two_versions(s: &AppState, t: &str) -> (String, String) {
    let v1 = put_content(s, t, URI, None, b"one").await["data"]["primary_entity"]
        .as_str()
        .expect("v1")
        .to_string();
    let v2 = put_content(s, t, URI, None, b"two!").await["data"]["primary_entity"]
        .as_str()
        .expect("v2")
        .to_string();
    (v1, v2)
}

#[tokio::test]
async fn an_old_version_becomes_current_and_the_size_follows() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    let (v1, v2) = two_versions(&s, &t).await;
    assert_eq!(set_current(&s, &t, URI, &v1).await["code"], 0);
    let now = info(&s, &t, URI).await;
    assert_eq!(
        (
            now["data"]["primary_entity"].as_str(),
            now["data"]["size"].as_i64()
        ),
        (Some(v1.as_str()), Some(3))
    );
    assert_eq!(content(&s, &t, URI, None).await, b"one");
    assert_eq!(
        set_current(&s, &t, URI, &v1).await["code"],
        0,
        "already current: a no-op"
    );
    assert_eq!(
        now["data"]["extended_info"]["entities"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    // The editor's next save starts from the version it sees.
    assert_eq!(
        put_content(&s, &t, URI, Some(&v2), b"x").await["code"],
        40076
    );
    assert_eq!(put_content(&s, &t, URI, Some(&v1), b"x").await["code"], 0);
}

#[tokio::test]
async fn deleting_a_version_frees_its_quota_but_never_the_current_one() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    let (v1, v2) = two_versions(&s, &t).await;
    let used = |cap: Value| cap["data"]["used"].as_i64();
    let cap = call(&s, "GET", "/api/v4/user/capacity", Some(&t), None)
        .await
        .1;
    assert_eq!(used(cap), Some(7));
    assert_eq!(
        delete_version(&s, &t, URI, &v2).await["code"],
        403,
        "current"
    );
    let blobs_before = std::fs::read_dir(&s.blob_dir).expect("dir").count();
    assert_eq!(delete_version(&s, &t, URI, &v1).await["code"], 0);
    assert_eq!(
        std::fs::read_dir(&s.blob_dir).expect("dir").count(),
        blobs_before - 1,
        "blob removed"
    );
    let cap = call(&s, "GET", "/api/v4/user/capacity", Some(&t), None)
        .await
        .1;
    assert_eq!(used(cap), Some(4));
    assert_eq!(
        delete_version(&s, &t, URI, &v1).await["code"],
        40077,
        "already gone"
    );
    assert_eq!(set_current(&s, &t, URI, &v1).await["code"], 40077);
    assert_eq!(content(&s, &t, URI, None).await, b"two!");
}

#[tokio::test]
async fn other_users_unknown_versions_and_locks_are_refused() {
    let (s, _d) = state_with(|c| c.test_hooks = true);
    let t = admin_token(&s).await;
    let (v1, _) = two_versions(&s, &t).await;
    put_content(&s, &t, "cloudreve://my/other.txt", None, b"other").await;
    let other = info(&s, &t, "cloudreve://my/other.txt").await["data"]["primary_entity"]
        .as_str()
        .expect("e")
        .to_string();
    assert_eq!(
        set_current(&s, &t, URI, &other).await["code"],
        40077,
        "another file's version"
    );
    assert_eq!(set_current(&s, &t, URI, "nope").await["code"], 40077);
    assert_eq!(
        set_current(&s, &t, "cloudreve://my/missing.txt", &v1).await["code"],
        40016
    );

    let (_, mallory) = new_user(&s, "mallory@example.org").await;
    let (_, me) = call(&s, "GET", "/api/v4/user/me", Some(&t), None).await;
    let theirs = format!(
        "cloudreve://{}@my/doc.txt",
        me["data"]["id"].as_str().expect("id")
    );
    assert_eq!(set_current(&s, &mallory, &theirs, &v1).await["code"], 40082);
    assert_eq!(
        delete_version(&s, &mallory, &theirs, &v1).await["code"],
        40082
    );
    assert_eq!(
        delete_version(&s, &mallory, URI, &v1).await["code"],
        40016,
        "not in their tree"
    );

    let (_, lock) = call(
        &s,
        "POST",
        "/api/v4/test/lock",
        Some(&t),
        Some(json!({"uri": URI})),
    )
    .await;
    assert_eq!(lock["code"], 0);
    assert_eq!(set_current(&s, &t, URI, &v1).await["code"], 40073);
    assert_eq!(delete_version(&s, &t, URI, &v1).await["code"], 40073);
    assert_eq!(content(&s, &t, URI, None).await, b"two!");
}

#[tokio::test]
async fn deleting_the_file_for_good_removes_every_version_blob() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    let before = std::fs::read_dir(&s.blob_dir).expect("dir").count();
    two_versions(&s, &t).await;
    assert_eq!(
        std::fs::read_dir(&s.blob_dir).expect("dir").count(),
        before + 2
    );
    let body = json!({"uris": [URI], "skip_soft_delete": true});
    let (_, r) = call(&s, "DELETE", "/api/v4/file", Some(&t), Some(body)).await;
    assert_eq!(r["code"], 0, "{r}");
    assert_eq!(std::fs::read_dir(&s.blob_dir).expect("dir").count(), before);
}
