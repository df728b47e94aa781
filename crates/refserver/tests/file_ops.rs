//! Rename, trash, restore, permanent delete, move/copy and info through `app().oneshot(..)`, with the
//! ownership rules and item-by-item batch failures of file.md §4.

mod common;

use common::*;
use refserver::AppState;
use serde_json::{json, Value};

async fn post(s: &AppState, t: &str, method: &str, path: &str, body: Value) -> Value {
    call(s, method, &format!("/api/v4{path}"), Some(t), Some(body))
        .await
        .1
}

fn names(listing: &Value) -> Vec<String> {
    listing["data"]["files"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| f["name"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn paths(listing: &Value) -> Vec<String> {
    listing["data"]["files"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| f["path"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn rename_checks_names_conflicts_and_roots() {
    let (s, _d, t) = demo().await;
    let r = post(
        &s,
        &t,
        "POST",
        "/file/rename",
        json!({"uri": "cloudreve://my/Welcome.md", "new_name": "Hello world.md"}),
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    assert_eq!(r["data"]["path"], "cloudreve://my/Hello%20world.md");
    assert!(
        names(&list(&s, &t, "cloudreve://my", "&order_by=name").await)
            .contains(&"Hello world.md".to_string())
    );
    let cases = [
        (
            json!({"uri": "cloudreve://my/Numbers.csv", "new_name": "Hello world.md"}),
            40004,
        ),
        (
            json!({"uri": "cloudreve://my/Numbers.csv", "new_name": "a/b"}),
            40052,
        ),
        (
            json!({"uri": "cloudreve://my/Numbers.csv", "new_name": ""}),
            40052,
        ),
        (
            json!({"uri": "cloudreve://my/nothing", "new_name": "x"}),
            40016,
        ),
        (json!({"uri": "cloudreve://my", "new_name": "x"}), 403),
        (json!({"uri": "cloudreve://trash/x", "new_name": "x"}), 403),
    ];
    for (body, code) in cases {
        assert_eq!(
            post(&s, &t, "POST", "/file/rename", body.clone()).await["code"],
            code,
            "{body}"
        );
    }
    let same = post(
        &s,
        &t,
        "POST",
        "/file/rename",
        json!({"uri": "cloudreve://my/Numbers.csv", "new_name": "Numbers.csv"}),
    )
    .await;
    assert_eq!(same["code"], 0, "renaming to the same name is a no-op");
}

#[tokio::test]
async fn trash_keeps_the_origin_and_restore_puts_it_back() {
    let (s, _d, t) = demo().await;
    let r = post(
        &s,
        &t,
        "DELETE",
        "/file",
        json!({"uris": ["cloudreve://my/Documents/Project%20plan.md", "cloudreve://my/Pictures"]}),
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    assert_eq!(
        names(&list(&s, &t, "cloudreve://my/Documents", "").await),
        ["Archive", "Meeting notes.txt"]
    );
    let trash = list(&s, &t, "cloudreve://trash", "&order_by=name").await;
    assert_eq!(trash["code"], 0, "{trash}");
    let mut shown = names(&trash);
    shown.sort();
    assert_eq!(
        shown,
        ["Pictures", "Project plan.md"],
        "trashed items show their original names"
    );
    assert_eq!(
        trash["data"]["parent"]["id"], "",
        "the trash root is a zero-valued parent"
    );
    assert_eq!(trash["data"]["props"]["capability"], "AMIK");
    let item = trash["data"]["files"]
        .as_array()
        .and_then(|a| a.iter().find(|f| f["name"] == "Project plan.md"))
        .cloned()
        .expect("item");
    let trash_uri = item["path"].as_str().expect("path").to_string();
    assert!(
        trash_uri.starts_with("cloudreve://trash/") && trash_uri.len() > 40,
        "stored under a UUID: {trash_uri}"
    );
    assert_eq!(
        item["metadata"]["sys:restore_uri"],
        "cloudreve://my/Documents/Project%20plan.md"
    );
    assert!(item["metadata"]["sys:expected_collect_time"]
        .as_str()
        .is_some_and(|t| t.parse::<i64>().is_ok()));

    let back = post(
        &s,
        &t,
        "POST",
        "/file/restore",
        json!({"uris": [trash_uri]}),
    )
    .await;
    assert_eq!(back["code"], 0, "{back}");
    assert_eq!(
        names(&list(&s, &t, "cloudreve://my/Documents", "&order_by=name").await),
        ["Archive", "Meeting notes.txt", "Project plan.md"]
    );
    let restored = list(&s, &t, "cloudreve://my/Documents", "&order_by=name").await;
    assert_eq!(
        restored["data"]["files"][2]["metadata"],
        json!({}),
        "trash metadata is dropped on restore"
    );
    assert_eq!(
        names(&list(&s, &t, "cloudreve://trash", "").await),
        ["Pictures"]
    );
}

#[tokio::test]
async fn restore_needs_the_parent_and_a_free_name() {
    let (s, _d, t) = demo().await;
    post(
        &s,
        &t,
        "DELETE",
        "/file",
        json!({"uris": ["cloudreve://my/Documents/Archive/2024%20report.txt"]}),
    )
    .await;
    let trashed = paths(&list(&s, &t, "cloudreve://trash", "").await).remove(0);
    post(
        &s,
        &t,
        "POST",
        "/file/create",
        json!({"uri": "cloudreve://my/Documents/Archive/2024%20report.txt", "type": "file"}),
    )
    .await;
    assert_eq!(
        post(&s, &t, "POST", "/file/restore", json!({"uris": [trashed]})).await["aggregated_error"]
            [&trashed]["code"],
        40004
    );
    post(
        &s,
        &t,
        "DELETE",
        "/file",
        json!({"uris": ["cloudreve://my/Documents/Archive"], "skip_soft_delete": true}),
    )
    .await;
    let r = post(
        &s,
        &t,
        "POST",
        "/file/restore",
        json!({"uris": [trashed.clone()]}),
    )
    .await;
    assert_eq!(
        (r["code"].as_i64(), r["msg"].as_str()),
        (Some(40081), Some("Path not exist")),
        "{r}"
    );
    assert_eq!(
        r["aggregated_error"][&trashed]["code"], 40016,
        "the original folder is gone"
    );
    // A trash item can still be moved to any folder instead.
    let m = post(
        &s,
        &t,
        "POST",
        "/file/move",
        json!({"uris": [trashed], "dst": "cloudreve://my"}),
    )
    .await;
    assert_eq!(m["code"], 0, "{m}");
    assert!(
        names(&list(&s, &t, "cloudreve://my", "").await).contains(&"2024 report.txt".to_string()),
        "moved out of the trash under its original name"
    );
    assert!(names(&list(&s, &t, "cloudreve://trash", "").await).is_empty());
}

#[tokio::test]
async fn permanent_delete_rules_and_blob_cleanup() {
    let (s, d, t) = demo().await;
    let blobs = || {
        std::fs::read_dir(d.path().join("blobs"))
            .map(|r| r.count())
            .unwrap_or(0)
    };
    let before = blobs();
    post(&s, &t, "POST", "/file/move", json!({"uris": ["cloudreve://my/Numbers.csv"], "dst": "cloudreve://my/Documents", "copy": true})).await;
    assert_eq!(blobs(), before, "a copy shares the blob");
    assert_eq!(
        post(
            &s,
            &t,
            "DELETE",
            "/file",
            json!({"uris": ["cloudreve://my/Numbers.csv"]})
        )
        .await["code"],
        0
    );
    let trashed = paths(&list(&s, &t, "cloudreve://trash", "").await).remove(0);
    let r = post(
        &s,
        &t,
        "DELETE",
        "/file",
        json!({"uris": [trashed.clone()]}),
    )
    .await;
    assert_eq!(
        r["aggregated_error"][&trashed]["code"], 403,
        "deleting inside the trash needs skip_soft_delete: {r}"
    );
    assert_eq!(
        post(
            &s,
            &t,
            "DELETE",
            "/file",
            json!({"uris": [trashed], "skip_soft_delete": true})
        )
        .await["code"],
        0
    );
    assert_eq!(blobs(), before, "the copy still uses the blob");
    assert_eq!(
        post(
            &s,
            &t,
            "DELETE",
            "/file",
            json!({"uris": ["cloudreve://my/Documents/Numbers.csv"], "skip_soft_delete": true})
        )
        .await["code"],
        0
    );
    assert_eq!(blobs(), before - 1, "the last user of a blob frees it");
    assert_eq!(
        post(
            &s,
            &t,
            "DELETE",
            "/file",
            json!({"uris": ["cloudreve://my/Pictures"], "skip_soft_delete": true})
        )
        .await["code"],
        0
    );
    assert_eq!(
        blobs(),
        before - 3,
        "a folder takes its files' blobs with it"
    );
    assert_eq!(
        post(
            &s,
            &t,
            "DELETE",
            "/file",
            json!({"uris": ["cloudreve://my"]})
        )
        .await["aggregated_error"]["cloudreve://my"]["code"],
        403,
        "the root cannot be deleted"
    );
    assert_eq!(
        post(&s, &t, "DELETE", "/file", json!({"uris": []})).await["code"],
        40001
    );
    let many: Vec<String> = (0..3001).map(|i| format!("cloudreve://my/{i}")).collect();
    assert_eq!(
        post(&s, &t, "DELETE", "/file", json!({"uris": many})).await["code"],
        40074
    );
}

#[tokio::test]
async fn batch_failures_are_reported_item_by_item_and_successes_commit() {
    let (s, _d, t) = demo().await;
    let r = post(
        &s,
        &t,
        "DELETE",
        "/file",
        json!({"uris": ["cloudreve://my/Welcome.md", "cloudreve://my/ghost", "http://nope"]}),
    )
    .await;
    assert_eq!(r["code"], 40081, "{r}");
    assert_eq!(r["msg"], "One or more operation failed");
    let items = r["aggregated_error"].as_object().expect("aggregated");
    assert_eq!(items.len(), 2);
    assert_eq!(items["cloudreve://my/ghost"]["code"], 40016);
    assert_eq!(items["http://nope"]["code"], 40001);
    assert!(
        items["cloudreve://my/ghost"]["correlation_id"].is_string(),
        "each item carries the request id"
    );
    assert!(
        !names(&list(&s, &t, "cloudreve://my", "").await).contains(&"Welcome.md".to_string()),
        "the good item was trashed"
    );
    let one = post(
        &s,
        &t,
        "DELETE",
        "/file",
        json!({"uris": ["cloudreve://my/ghost"]}),
    )
    .await;
    assert_eq!(
        (one["code"].as_i64(), one["msg"].as_str()),
        (Some(40081), Some("Path not exist")),
        "one failure: its own message"
    );
}

#[tokio::test]
async fn move_and_copy() {
    let (s, _d, t) = demo().await;
    let r = post(&s, &t, "POST", "/file/move", json!({"uris": ["cloudreve://my/Welcome.md", "cloudreve://my/Pictures"], "dst": "cloudreve://my/Documents"})).await;
    assert_eq!(r["code"], 0, "{r}");
    assert_eq!(
        names(&list(&s, &t, "cloudreve://my", "").await),
        ["Documents", "Numbers.csv"]
    );
    assert_eq!(
        names(
            &list(
                &s,
                &t,
                "cloudreve://my/Documents/Pictures",
                "&order_by=name"
            )
            .await
        ),
        ["Sea.png", "Sunset.png"],
        "folders move with their content"
    );
    let into_self = post(
        &s,
        &t,
        "POST",
        "/file/move",
        json!({"uris": ["cloudreve://my/Documents"], "dst": "cloudreve://my/Documents/Archive"}),
    )
    .await;
    assert_eq!(
        into_self["aggregated_error"]["cloudreve://my/Documents"]["code"], 403,
        "{into_self}"
    );
    let clash = post(&s, &t, "POST", "/file/move", json!({"uris": ["cloudreve://my/Numbers.csv"], "dst": "cloudreve://my/Documents", "copy": true})).await;
    assert_eq!(clash["code"], 0);
    let again = post(&s, &t, "POST", "/file/move", json!({"uris": ["cloudreve://my/Numbers.csv"], "dst": "cloudreve://my/Documents", "copy": true})).await;
    assert_eq!(
        again["aggregated_error"]["cloudreve://my/Numbers.csv"]["code"],
        40004
    );
    let deep = post(&s, &t, "POST", "/file/move", json!({"uris": ["cloudreve://my/Documents/Archive"], "dst": "cloudreve://my", "copy": true})).await;
    assert_eq!(deep["code"], 0);
    assert_eq!(
        names(&list(&s, &t, "cloudreve://my/Archive", "").await),
        ["2024 report.txt"],
        "copies are deep"
    );
    assert_eq!(
        names(&list(&s, &t, "cloudreve://my/Documents/Archive", "").await),
        ["2024 report.txt"],
        "the original stays"
    );
    assert_eq!(
        post(
            &s,
            &t,
            "POST",
            "/file/move",
            json!({"uris": ["cloudreve://my/Numbers.csv"], "dst": "cloudreve://my/Numbers.csv"})
        )
        .await["code"],
        40016,
        "the destination must be a folder"
    );
    assert_eq!(
        post(
            &s,
            &t,
            "POST",
            "/file/move",
            json!({"uris": ["cloudreve://my/Numbers.csv"], "dst": "cloudreve://trash"})
        )
        .await["code"],
        403
    );
}

#[tokio::test]
async fn info_with_extended_details_and_folder_summary() {
    let (s, _d, t) = demo().await;
    let q = |extra: &str| {
        format!(
            "/api/v4/file/info?uri={}{extra}",
            cloudreve_api::uri::encode_component("cloudreve://my/Documents")
        )
    };
    let (_, plain) = call(&s, "GET", &q(""), Some(&t), None).await;
    assert_eq!(plain["data"]["name"], "Documents");
    assert!(plain["data"].get("folder_summary").is_none());
    let (_, summary) = call(&s, "GET", &q("&folder_summary=true"), Some(&t), None).await;
    assert_eq!(summary["data"]["folder_summary"]["files"], 3);
    assert_eq!(summary["data"]["folder_summary"]["folders"], 1);
    assert_eq!(summary["data"]["folder_summary"]["completed"], true);
    let file = format!(
        "/api/v4/file/info?uri={}&extended=true",
        cloudreve_api::uri::encode_component("cloudreve://my/Welcome.md")
    );
    let (_, ext) = call(&s, "GET", &file, Some(&t), None).await;
    assert_eq!(
        ext["data"]["extended_info"]["storage_used"],
        ext["data"]["size"]
    );
    assert_eq!(
        ext["data"]["extended_info"]["entities"][0]["id"],
        ext["data"]["primary_entity"]
    );
    let id = ext["data"]["id"].as_str().expect("id");
    let (_, by_id) = call(
        &s,
        "GET",
        &format!("/api/v4/file/info?id={id}"),
        Some(&t),
        None,
    )
    .await;
    assert_eq!(by_id["data"]["path"], "cloudreve://my/Welcome.md");
    let (_, root) = call(
        &s,
        "GET",
        &format!(
            "/api/v4/file/info?uri={}",
            cloudreve_api::uri::encode_component("cloudreve://my")
        ),
        Some(&t),
        None,
    )
    .await;
    assert_eq!(root["code"], 403, "info on roots is not supported");
    let (_, neither) = call(&s, "GET", "/api/v4/file/info", Some(&t), None).await;
    assert_eq!(neither["code"], 40001);
    refserver::seed::add_user(&s, "eve@example.org", "eve-password", None).expect("eve");
    let eve = sign_in(&s, "eve@example.org", "eve-password").await["token"]["access_token"]
        .as_str()
        .expect("t")
        .to_string();
    let (_, stolen) = call(
        &s,
        "GET",
        &format!("/api/v4/file/info?id={id}"),
        Some(&eve),
        None,
    )
    .await;
    assert_eq!(
        stolen["code"], 404,
        "another user's file is invisible by id"
    );
}

#[tokio::test]
async fn other_users_files_are_untouchable() {
    let (s, _d, t) = demo().await;
    let admin_id = sign_in(&s, ADMIN_EMAIL, ADMIN_PASSWORD).await["user"]["id"]
        .as_str()
        .expect("id")
        .to_string();
    refserver::seed::add_user(&s, "mallory@example.org", "mallory-pw", None).expect("mallory");
    let m = sign_in(&s, "mallory@example.org", "mallory-pw").await["token"]["access_token"]
        .as_str()
        .expect("t")
        .to_string();
    let theirs = format!("cloudreve://{admin_id}@my/Welcome.md");
    assert_eq!(
        post(
            &s,
            &m,
            "POST",
            "/file/rename",
            json!({"uri": theirs, "new_name": "pwned"})
        )
        .await["code"],
        403
    );
    assert_eq!(
        post(
            &s,
            &m,
            "DELETE",
            "/file",
            json!({"uris": [theirs.clone()], "skip_soft_delete": true})
        )
        .await["aggregated_error"][&theirs]["code"],
        403
    );
    assert_eq!(
        post(
            &s,
            &m,
            "POST",
            "/file/move",
            json!({"uris": [theirs.clone()], "dst": "cloudreve://my"})
        )
        .await["aggregated_error"][&theirs]["code"],
        403
    );
    post(
        &s,
        &m,
        "POST",
        "/file/create",
        json!({"uri": "cloudreve://my/inbox", "type": "folder"}),
    )
    .await;
    let dst = format!("cloudreve://{admin_id}@my/Documents");
    assert_eq!(
        post(
            &s,
            &m,
            "POST",
            "/file/move",
            json!({"uris": ["cloudreve://my/inbox"], "dst": dst})
        )
        .await["code"],
        403,
        "nor can anything be put into them"
    );
    // The admin's trash is not mallory's.
    post(
        &s,
        &t,
        "DELETE",
        "/file",
        json!({"uris": ["cloudreve://my/Numbers.csv"]}),
    )
    .await;
    let trashed = paths(&list(&s, &t, "cloudreve://trash", "").await).remove(0);
    assert!(names(&list(&s, &m, "cloudreve://trash", "").await).is_empty());
    assert_eq!(
        post(
            &s,
            &m,
            "POST",
            "/file/restore",
            json!({"uris": [trashed.clone()]})
        )
        .await["aggregated_error"][&trashed]["code"],
        40016
    );
    assert_eq!(
        post(
            &s,
            &m,
            "DELETE",
            "/file",
            json!({"uris": [trashed.clone()], "skip_soft_delete": true})
        )
        .await["aggregated_error"][&trashed]["code"],
        40016
    );
    assert_eq!(
        names(&list(&s, &t, "cloudreve://my", "&order_by=name").await),
        ["Documents", "Pictures", "Welcome.md"],
        "nothing of the admin's changed"
    );
}
