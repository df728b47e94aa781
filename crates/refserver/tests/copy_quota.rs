//! Copies share blobs but are charged to the owner's quota (file.md §4 "Move or copy files").

mod common;

use common::seed::put;
use common::*;
use serde_json::json;

/// The `User` group's quota (migration 0001): 1 GiB.
const USER_QUOTA: i64 = 1 << 30;

#[tokio::test]
async fn a_copy_over_quota_fails_with_40051_and_copies_nothing() {
    let (s, _d) = state();
    let (bob, t) = new_user(&s, "bob@example.org").await;
    put(&s, bob, "big/part.bin", Some(USER_QUOTA / 2));
    put(&s, bob, "small.txt", Some(10));
    put(&s, bob, "dst", None);
    let copy = |uris: Vec<&str>| json!({"uris": uris, "dst": "cloudreve://my/dst", "copy": true});
    let over = call(
        &s,
        "POST",
        "/api/v4/file/move",
        Some(&t),
        Some(copy(vec!["cloudreve://my/small.txt", "cloudreve://my/big"])),
    )
    .await
    .1;
    assert_eq!(over["code"], 40051, "{over}");
    let dst = list(&s, &t, "cloudreve://my/dst", "").await;
    assert_eq!(dst["data"]["files"], json!([]), "nothing was copied");
    let fits = call(
        &s,
        "POST",
        "/api/v4/file/move",
        Some(&t),
        Some(copy(vec!["cloudreve://my/small.txt"])),
    )
    .await
    .1;
    assert_eq!(fits["code"], 0, "{fits}");
    let cap = call(&s, "GET", "/api/v4/user/capacity", Some(&t), None)
        .await
        .1;
    assert_eq!(
        cap["data"]["used"],
        USER_QUOTA / 2 + 20,
        "the copy is charged"
    );
    let moved = call(
        &s,
        "POST",
        "/api/v4/file/move",
        Some(&t),
        Some(json!({"uris": ["cloudreve://my/big"], "dst": "cloudreve://my/dst"})),
    )
    .await
    .1;
    assert_eq!(moved["code"], 0, "moves are not charged: {moved}");
}
