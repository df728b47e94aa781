//! Direct links (file.md §Direct links): made for own files only, `/f/{id}/{name}` redirects to the
//! bytes and counts, deletion, and the limits.

mod common;

use common::*;
use serde_json::json;

#[tokio::test]
async fn a_direct_link_redirects_to_the_current_bytes_and_counts() {
    let (s, _d) = state();
    refserver::seed::add_file(&s, ADMIN_ID, "Docs/a b.txt", b"first").expect("file");
    let t = admin_token(&s).await;
    let r = call(
        &s,
        "PUT",
        "/api/v4/file/source",
        Some(&t),
        Some(json!({"uris": ["cloudreve://my/Docs/a b.txt"]})),
    )
    .await
    .1;
    assert_eq!(r["code"], 0, "{r}");
    let link = r["data"][0]["link"].as_str().expect("link").to_string();
    assert_eq!(r["data"][0]["file_url"], "cloudreve://my/Docs/a b.txt");
    let path = link
        .split_once("://")
        .and_then(|(_, rest)| rest.split_once('/'))
        .map(|(_, p)| format!("/{p}"))
        .expect("path");
    assert!(
        path.starts_with("/f/") && path.ends_with("/a%20b.txt"),
        "{path}"
    );
    let (status, h, _) = fetch(&s, "GET", &path, &[]).await;
    assert_eq!(status.as_u16(), 302);
    assert!(h
        .get("cache-control")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .starts_with("public, max-age="));
    let to = h
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("location")
        .to_string();
    let (status, _, body) = fetch(&s, "GET", &to, &[]).await;
    assert_eq!((status.as_u16(), body.as_slice()), (200, &b"first"[..]));

    let q = format!(
        "/api/v4/file/info?uri={}&extended=true",
        cloudreve_api::uri::encode_component("cloudreve://my/Docs/a b.txt")
    );
    let info = call(&s, "GET", &q, Some(&t), None).await.1;
    let links = info["data"]["extended_info"]["direct_links"]
        .as_array()
        .expect("links");
    assert_eq!(
        (links.len(), links[0]["downloaded"].as_i64()),
        (1, Some(1)),
        "{info}"
    );

    let id = links[0]["id"].as_str().expect("id").to_string();
    let (_, other) = new_user(&s, "other@example.com").await;
    let r = call(
        &s,
        "DELETE",
        &format!("/api/v4/file/source/{id}"),
        Some(&other),
        None,
    )
    .await
    .1;
    assert_eq!(r["code"], 404, "only the owner deletes: {r}");
    let r = call(
        &s,
        "DELETE",
        &format!("/api/v4/file/source/{id}"),
        Some(&t),
        None,
    )
    .await
    .1;
    assert_eq!(r["code"], 0, "{r}");
    let (status, _, body) = fetch(&s, "GET", &path, &[]).await;
    assert_eq!(status.as_u16(), 404);
    let envelope: serde_json::Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(envelope["code"], 404);
}

#[tokio::test]
async fn folders_other_users_files_and_big_batches_are_refused_item_by_item() {
    let (s, _d) = state();
    refserver::seed::add_file(&s, ADMIN_ID, "Docs/a.txt", b"a").expect("file");
    let t = admin_token(&s).await;
    let r = call(&s, "PUT", "/api/v4/file/source", Some(&t), Some(json!({"uris": ["cloudreve://my/Docs/a.txt", "cloudreve://my/Docs", "cloudreve://my/nope.txt"]}))).await.1;
    assert_eq!(r["code"], 40081, "{r}");
    assert_eq!(
        r["data"].as_array().map(Vec::len),
        Some(1),
        "the link that worked is still given: {r}"
    );
    assert_eq!(r["aggregated_error"]["cloudreve://my/Docs"]["code"], 40077);
    let uris: Vec<String> = (0..11).map(|i| format!("cloudreve://my/f{i}")).collect();
    let r = call(
        &s,
        "PUT",
        "/api/v4/file/source",
        Some(&t),
        Some(json!({"uris": uris})),
    )
    .await
    .1;
    assert_eq!(r["code"], 40014, "{r}");
    let (_, other) = new_user(&s, "other@example.com").await;
    let me = call(&s, "GET", "/api/v4/user/me", Some(&t), None).await.1;
    let admin_id = me["data"]["id"].as_str().expect("id");
    let r = call(
        &s,
        "PUT",
        "/api/v4/file/source",
        Some(&other),
        Some(json!({"uris": [format!("cloudreve://{admin_id}@my/Docs/a.txt")]})),
    )
    .await
    .1;
    assert_eq!(r["code"], 40082, "{r}");
    s.db.with(|c| {
        c.execute(
            "UPDATE groups SET direct_link_batch_size = 0 WHERE id = 2",
            [],
        )
    })
    .expect("off");
    let r = call(
        &s,
        "PUT",
        "/api/v4/file/source",
        Some(&other),
        Some(json!({"uris": ["cloudreve://my/x"]})),
    )
    .await
    .1;
    assert_eq!(r["code"], 40007, "{r}");
    assert_eq!(
        me["data"]["group"]["direct_link_batch_size"], 10,
        "the group says how many: {me}"
    );
}
