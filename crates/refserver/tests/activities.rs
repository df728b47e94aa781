//! File history (`GET /file/activities`, file.md §List file activities): what each operation
//! records, keyset pages that return every entry once in both orders, the filters, and who may read
//! a history.

mod common;

use common::edit::put_content;
use common::upload::{chunk, open, open_with};
use common::*;
use refserver::AppState;
use serde_json::{json, Value};

/// One page of `uri`'s history as `token`.
async fn page(s: &AppState, token: Option<&str>, uri: &str, query: &str) -> Value {
    let q = format!(
        "/api/v4/file/activities?uri={}&page_size=50{query}",
        cloudreve_api::uri::encode_component(uri)
    );
    call(s, "GET", &q, token, None).await.1
}

/// The whole history of `uri`, oldest first (one page is enough in these tests).
async fn history(s: &AppState, token: &str, uri: &str) -> Vec<Value> {
    let r = page(s, Some(token), uri, "&order_direction=asc").await;
    assert_eq!(r["code"], 0, "{r}");
    assert_eq!(r["data"]["pagination"]["next_token"], Value::Null, "{r}");
    r["data"]["activities"]
        .as_array()
        .expect("activities")
        .clone()
}

fn categories(entries: &[Value]) -> Vec<i64> {
    entries
        .iter()
        .map(|a| a["content"]["category"].as_i64().expect("category"))
        .collect()
}

async fn ok_call(s: &AppState, method: &str, path: &str, token: &str, body: Value) -> Value {
    let (_, r) = call(s, method, path, Some(token), Some(body)).await;
    assert_eq!(r["code"], 0, "{method} {path}: {r}");
    r
}

#[tokio::test]
async fn each_operation_is_recorded_with_its_category_and_fields() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    let create = |uri: &str, kind: &str| json!({"uri": uri, "type": kind});
    ok_call(
        &s,
        "POST",
        "/api/v4/file/create",
        &t,
        create("cloudreve://my/Work/a.txt", "file"),
    )
    .await;
    ok_call(
        &s,
        "POST",
        "/api/v4/file/create",
        &t,
        create("cloudreve://my/Archive/Sub", "folder"),
    )
    .await;
    ok_call(
        &s,
        "POST",
        "/api/v4/file/rename",
        &t,
        json!({"uri": "cloudreve://my/Work/a.txt", "new_name": "b.txt"}),
    )
    .await;
    ok_call(&s, "POST", "/api/v4/file/move", &t, json!({"uris": ["cloudreve://my/Work/b.txt"], "dst": "cloudreve://my/Archive", "copy": true})).await;
    ok_call(&s, "PATCH", "/api/v4/file/metadata", &t, json!({"uris": ["cloudreve://my/Work/b.txt"], "patches": [{"key": "tag:blue", "value": ""}]})).await;
    ok_call(
        &s,
        "POST",
        "/api/v4/file/url",
        &t,
        json!({"uris": ["cloudreve://my/Work/b.txt"], "download": true}),
    )
    .await;
    ok_call(
        &s,
        "PUT",
        "/api/v4/share",
        &t,
        json!({"uri": "cloudreve://my/Work"}),
    )
    .await;
    ok_call(&s, "POST", "/api/v4/file/move", &t, json!({"uris": ["cloudreve://my/Work/b.txt"], "dst": "cloudreve://my/Archive/Sub", "copy": false})).await;

    // The file's own history, in order, with each category's fields.
    let file = history(&s, &t, "cloudreve://my/Archive/Sub/b.txt").await;
    assert_eq!(categories(&file), vec![7, 8, 12, 23, 11, 14], "{file:#?}");
    let rename = &file[1]["content"];
    assert_eq!(
        (
            rename["original_name"].as_str(),
            rename["new_name"].as_str()
        ),
        (Some("a.txt"), Some("b.txt"))
    );
    let copy = &file[2]["content"];
    assert_eq!(
        (copy["from"].as_str(), copy["to"].as_str()),
        (
            Some("cloudreve://my/Work/b.txt"),
            Some("cloudreve://my/Archive/b.txt")
        )
    );
    let moved = &file[5]["content"];
    assert_eq!(
        (moved["from"].as_str(), moved["to"].as_str()),
        (
            Some("cloudreve://my/Work/b.txt"),
            Some("cloudreve://my/Archive/Sub/b.txt")
        )
    );
    assert_eq!(
        file[0]["user"]["nickname"], "Admin",
        "the actor, redacted: {}",
        file[0]
    );
    assert_eq!(file[0]["user"]["email"], Value::Null, "redacted");
    // The copy has its own history, which starts with where it came from.
    let copy = history(&s, &t, "cloudreve://my/Archive/b.txt").await;
    assert_eq!(categories(&copy), vec![13]);
    // A folder's history holds what happened inside it, the move out included.
    let work = history(&s, &t, "cloudreve://my/Work").await;
    assert_eq!(
        categories(&work),
        vec![7, 7, 8, 12, 23, 11, 17, 14],
        "{work:#?}"
    );
    let share = &work[6]["content"];
    assert!(
        share["exts"]["share_id"]
            .as_str()
            .is_some_and(|id| !id.is_empty()),
        "{share}"
    );
    assert_eq!(
        work[1]["content"]["exts"]["uri"],
        "cloudreve://my/Work/a.txt"
    );

    // Trash, restore and delete for good.
    let trashed = trash(&s, &t, "cloudreve://my/Archive/b.txt").await;
    ok_call(
        &s,
        "POST",
        "/api/v4/file/restore",
        &t,
        json!({"uris": [trashed]}),
    )
    .await;
    ok_call(
        &s,
        "DELETE",
        "/api/v4/file",
        &t,
        json!({"uris": ["cloudreve://my/Archive/b.txt"], "skip_soft_delete": true}),
    )
    .await;
    let archive = history(&s, &t, "cloudreve://my/Archive").await;
    let tail: Vec<i64> = categories(&archive).into_iter().rev().take(3).collect();
    assert_eq!(
        tail,
        vec![15, 14, 16],
        "trash, restore, delete: {archive:#?}"
    );
    let restore = &archive[archive.len() - 2]["content"];
    assert_eq!(
        (restore["to"].as_str(), restore["exts"]["restored"].as_str()),
        (Some("cloudreve://my/Archive/b.txt"), Some("true"))
    );
}

#[tokio::test]
async fn pages_return_every_entry_once_in_both_orders() {
    let (s, _d) = state();
    refserver::seed::add_file(&s, ADMIN_ID, "Notes.txt", b"n").expect("file");
    refserver::seed::add_activities(&s, ADMIN_ID, "Notes.txt", 35).expect("history");
    let t = admin_token(&s).await;
    let mut orders = Vec::new();
    for dir in ["asc", "desc"] {
        let mut seen = Vec::new();
        let mut token = String::new();
        let mut pages = 0;
        loop {
            let q = format!(
                "/api/v4/file/activities?uri=cloudreve%3A%2F%2Fmy%2FNotes.txt&page_size=10&order_direction={dir}&next_page_token={token}"
            );
            let (_, r) = call(&s, "GET", &q, Some(&t), None).await;
            assert_eq!(r["code"], 0, "{r}");
            pages += 1;
            let items = r["data"]["activities"].as_array().expect("activities");
            assert!(items.len() <= 10);
            seen.extend(
                items
                    .iter()
                    .map(|a| a["id"].as_str().expect("id").to_string()),
            );
            match r["data"]["pagination"]["next_token"].as_str() {
                Some(next) if !next.is_empty() => token = next.to_string(),
                _ => break,
            }
        }
        assert_eq!(pages, 4, "35 entries in pages of 10");
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(
            (seen.len(), unique.len()),
            (35, 35),
            "each entry exactly once"
        );
        orders.push(seen);
    }
    let mut asc = orders[0].clone();
    asc.reverse();
    assert_eq!(asc, orders[1], "newest first is oldest first reversed");
    // The oldest entry is a rename from the seed; times grow with the order.
    let first = page(
        &s,
        Some(&t),
        "cloudreve://my/Notes.txt",
        "&order_direction=asc",
    )
    .await;
    let items = first["data"]["activities"].as_array().expect("activities");
    assert_eq!(items[0]["content"]["original_name"], "draft-0");
    assert!(items[0]["created_at"].as_str() < items[1]["created_at"].as_str());
    // Page sizes the contract refuses.
    for bad in ["page_size=9", "page_size=5000"] {
        let q = format!("/api/v4/file/activities?uri=cloudreve%3A%2F%2Fmy%2FNotes.txt&{bad}");
        let (_, r) = call(&s, "GET", &q, Some(&t), None).await;
        assert_eq!(r["code"], 40001, "{bad}: {r}");
    }
}

#[tokio::test]
async fn filters_pick_mine_updates_or_reads_and_visitors_are_nobody() {
    let (s, _d) = state();
    refserver::seed::add_file(&s, ADMIN_ID, "Report.txt", b"numbers").expect("file");
    refserver::seed::add_activities(&s, ADMIN_ID, "Report.txt", 6).expect("history");
    let id = refserver::seed::add_share(&s, ADMIN_ID, "Report.txt", "", &Default::default())
        .expect("share");
    // An anonymous visitor opens the share and downloads the file.
    let (_, visit) = call(
        &s,
        "GET",
        &format!("/api/v4/share/info/{id}?count_views=true"),
        None,
        None,
    )
    .await;
    assert_eq!(visit["code"], 0, "{visit}");
    let body = json!({"uris": [format!("cloudreve://{id}@share/Report.txt")], "download": true});
    let (_, url) = call(&s, "POST", "/api/v4/file/url", None, Some(body)).await;
    assert_eq!(url["code"], 0, "{url}");
    let t = admin_token(&s).await;
    let uri = "cloudreve://my/Report.txt";
    let all = history(&s, &t, uri).await;
    assert_eq!(categories(&all), vec![8, 11, 23, 8, 11, 23, 18, 11]);
    let visitor = &all[7];
    assert_eq!(
        visitor["user"],
        Value::Null,
        "an anonymous visitor is nobody: {visitor}"
    );
    assert_eq!(visitor["content"]["exts"]["share_id"], id.as_str());
    let pick = |filter: &'static str| {
        let (s, t) = (s.clone(), t.clone());
        async move {
            let r = page(
                &s,
                Some(&t),
                uri,
                &format!("&order_direction=asc&filter={filter}"),
            )
            .await;
            assert_eq!(r["code"], 0, "{r}");
            categories(r["data"]["activities"].as_array().expect("activities"))
        }
    };
    assert_eq!(pick("my").await, vec![8, 11, 23, 8, 11, 23]);
    assert_eq!(pick("reads").await, vec![11, 11, 18, 11]);
    assert_eq!(pick("updates").await, vec![8, 23, 8, 23]);
    let (_, r) = call(&s, "GET", "/api/v4/file/activities?uri=cloudreve%3A%2F%2Fmy%2FReport.txt&page_size=10&filter=everything", Some(&t), None).await;
    assert_eq!(r["code"], 40001, "{r}");
}

#[tokio::test]
async fn nobody_else_reads_a_history() {
    let (s, _d) = state();
    refserver::seed::add_file(&s, ADMIN_ID, "Private.txt", b"mine").expect("file");
    refserver::seed::add_activities(&s, ADMIN_ID, "Private.txt", 3).expect("history");
    let (_, other) = new_user(&s, "other@example.com").await;
    // Another user's own path names their own tree: nothing there.
    let r = page(&s, Some(&other), "cloudreve://my/Private.txt", "").await;
    assert_eq!(r["code"], 40016, "{r}");
    // The owner's tree by the owner's id: refused.
    let admin = s.ids.encode(refserver::ids::Kind::User, ADMIN_ID);
    let r = page(
        &s,
        Some(&other),
        &format!("cloudreve://{admin}@my/Private.txt"),
        "",
    )
    .await;
    assert_ne!(r["code"], 0, "{r}");
    assert_eq!(r["data"], Value::Null, "{r}");
    // Signed out: sign in first.
    let r = page(&s, None, "cloudreve://my/Private.txt", "").await;
    assert_eq!(r["code"], 401, "{r}");
}

#[tokio::test]
async fn uploads_saves_and_versions_are_recorded_with_their_version() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    let uri = "cloudreve://my/up.txt";
    // A new file by upload, then new content by upload over it.
    let cred = open(&s, &t, uri, 5).await;
    assert_eq!(chunk(&s, &t, &cred, 0, b"hello").await["code"], 0);
    let over = open_with(&s, &t, uri, 6, json!({"entity_type": "version"})).await;
    assert_eq!(over["code"], 0, "{over}");
    assert_eq!(chunk(&s, &t, &over["data"], 0, b"hello!").await["code"], 0);
    // A save from the editor, then back to the upload, then that save deleted.
    let saved = put_content(&s, &t, uri, None, b"edited").await;
    let save_version = saved["data"]["primary_entity"]
        .as_str()
        .expect("version")
        .to_string();
    let file = history(&s, &t, uri).await;
    let upload_version = file[1]["version_id"]
        .as_str()
        .expect("upload's version")
        .to_string();
    let r = call(
        &s,
        "POST",
        "/api/v4/file/version/current",
        Some(&t),
        Some(json!({"uri": uri, "version": upload_version})),
    )
    .await
    .1;
    assert_eq!(r["code"], 0, "{r}");
    let r = call(
        &s,
        "DELETE",
        "/api/v4/file/version",
        Some(&t),
        Some(json!({"uri": uri, "version": save_version})),
    )
    .await
    .1;
    assert_eq!(r["code"], 0, "{r}");
    let file = history(&s, &t, uri).await;
    assert_eq!(categories(&file), vec![7, 10, 10, 19, 20], "{file:#?}");
    assert!(
        file[1]["content"]["entity_create_time"].is_string(),
        "{}",
        file[1]
    );
    assert_eq!(
        file[2]["version_id"],
        save_version.as_str(),
        "the save names its version"
    );
    assert_eq!(file[3]["version_id"], upload_version.as_str());
    assert_eq!(file[4]["version_id"], save_version.as_str());
}

#[tokio::test]
async fn items_zipped_for_download_are_read() {
    let (s, _d) = state();
    refserver::seed::add_file(&s, ADMIN_ID, "Zip/a.txt", b"a").expect("file");
    refserver::seed::add_file(&s, ADMIN_ID, "Zip/b.txt", b"b").expect("file");
    let t = admin_token(&s).await;
    let body =
        json!({"uris": ["cloudreve://my/Zip/a.txt", "cloudreve://my/Zip/b.txt"], "archive": true});
    ok_call(&s, "POST", "/api/v4/file/url", &t, body).await;
    let folder = history(&s, &t, "cloudreve://my/Zip").await;
    assert_eq!(categories(&folder), vec![11, 11]);
    assert!(
        folder
            .iter()
            .all(|a| a["content"]["exts"]["archive"] == "true"),
        "{folder:#?}"
    );
    assert_eq!(
        folder[1]["content"]["exts"]["uri"],
        "cloudreve://my/Zip/b.txt"
    );
}

#[tokio::test]
async fn a_view_change_shows_in_its_folders_feed_only() {
    let (s, _d) = state();
    refserver::seed::add_file(&s, ADMIN_ID, "Work/Inner/a.txt", b"a").expect("file");
    let t = admin_token(&s).await;
    let view = json!({"page_size": 100, "order": "name", "order_direction": "asc", "view": "list", "thumbnail": true});
    ok_call(
        &s,
        "PATCH",
        "/api/v4/file/view",
        &t,
        json!({"uri": "cloudreve://my/Work/Inner", "view": view}),
    )
    .await;
    let inner = history(&s, &t, "cloudreve://my/Work/Inner").await;
    assert_eq!(categories(&inner), [56], "{inner:?}");
    assert_eq!(
        inner[0]["content"]["exts"]["uri"],
        "cloudreve://my/Work/Inner"
    );
    assert_eq!(inner[0]["user"]["nickname"], "Admin");
    // How a subfolder is shown says nothing about the folders above it.
    let work = history(&s, &t, "cloudreve://my/Work").await;
    assert!(!categories(&work).contains(&56), "{work:?}");
    // A refused view records nothing.
    let (_, r) = call(
        &s,
        "PATCH",
        "/api/v4/file/view",
        Some(&t),
        Some(json!({"uri": "cloudreve://my/Work/a-missing-folder", "view": view})),
    )
    .await;
    assert_ne!(r["code"], 0, "{r}");
    assert_eq!(history(&s, &t, "cloudreve://my/Work/Inner").await.len(), 1);
}
