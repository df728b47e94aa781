//! `PATCH /file/metadata` (file.md §Patch metadata): writable namespaces, removal, ownership, the
//! file systems that allow it, and item-by-item failures.

mod common;

use common::*;
use refserver::AppState;
use serde_json::{json, Value};

async fn patch(s: &AppState, t: &str, uris: &[&str], patches: Value) -> Value {
    let body = json!({"uris": uris, "patches": patches});
    call(s, "PATCH", "/api/v4/file/metadata", Some(t), Some(body))
        .await
        .1
}

async fn metadata(s: &AppState, t: &str, uri: &str) -> Value {
    let q = format!(
        "/api/v4/file/info?uri={}",
        cloudreve_api::uri::encode_component(uri)
    );
    call(s, "GET", &q, Some(t), None).await.1["data"]["metadata"].clone()
}

#[tokio::test]
async fn set_and_remove_keys_in_the_writable_namespaces() {
    let (s, _d, t) = demo().await;
    let uris = ["cloudreve://my/Welcome.md", "cloudreve://my/Documents"];
    let r = patch(
        &s,
        &t,
        &uris,
        json!([
            {"key": "customize:icon_color", "value": "#ff0000"},
            {"key": "customize:emoji", "value": "📁"},
            {"key": "tag:work", "value": ""},
            {"key": "tag:urgent", "value": "rgb(255, 0, 0)"},
            {"key": "dav:displayname", "value": "<x/>"}
        ]),
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    for uri in uris {
        let m = metadata(&s, &t, uri).await;
        assert_eq!(m["customize:icon_color"], "#ff0000", "{uri}: {m}");
        assert_eq!(m["tag:work"], "");
        assert_eq!(m["tag:urgent"], "rgb(255, 0, 0)");
        assert_eq!(m["dav:displayname"], "<x/>");
    }
    let r = patch(
        &s,
        &t,
        &["cloudreve://my/Welcome.md"],
        json!([{"key": "tag:work", "remove": true}, {"key": "customize:emoji", "remove": true}]),
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    let m = metadata(&s, &t, "cloudreve://my/Welcome.md").await;
    assert!(
        m.get("tag:work").is_none() && m.get("customize:emoji").is_none(),
        "{m}"
    );
    assert_eq!(m["tag:urgent"], "rgb(255, 0, 0)");
    // The listing carries them too.
    let listing = list(&s, &t, "cloudreve://my", "&order_by=name").await;
    let docs = &listing["data"]["files"][0];
    assert_eq!(docs["name"], "Documents");
    assert_eq!(docs["metadata"]["tag:work"], "");
}

#[tokio::test]
async fn other_keys_and_bad_values_are_refused_before_anything_changes() {
    let (s, _d, t) = demo().await;
    for bad in [
        json!({"key": "thumb:disabled", "value": ""}),
        json!({"key": "sys:restore_uri", "value": "cloudreve://my/x"}),
        json!({"key": "sys:shared_redirect", "remove": true}),
        json!({"key": "customize:icon_color", "value": "reddish"}),
        json!({"key": "customize:emoji", "value": "🦀"}),
        json!({"key": "tag:", "value": ""}),
        json!({"key": "tag:x", "value": "green"}),
        json!({"key": "no-namespace", "value": ""}),
    ] {
        let patches = json!([{"key": "tag:fine", "value": ""}, bad]);
        let r = patch(&s, &t, &["cloudreve://my/Welcome.md"], patches).await;
        assert_eq!(r["code"], 40001, "{bad}: {r}");
    }
    let m = metadata(&s, &t, "cloudreve://my/Welcome.md").await;
    assert!(m.get("tag:fine").is_none(), "{m}");
    let r = patch(&s, &t, &[], json!([{"key": "tag:a", "value": ""}])).await;
    assert_eq!(r["code"], 40001);
}

#[tokio::test]
async fn items_fail_one_by_one_for_trash_roots_missing_and_foreign_items() {
    let (s, _d, t) = demo().await;
    let trashed = trash(&s, &t, "cloudreve://my/Numbers.csv").await;
    let admin_id = s.ids.encode(refserver::ids::Kind::User, ADMIN_ID);
    let eve = user_token(&s, "eve@x.org").await;
    let foreign = format!("cloudreve://{admin_id}@my/Welcome.md");
    let tag = json!([{"key": "tag:x", "value": ""}]);

    let r = patch(
        &s,
        &eve,
        &[&foreign, "cloudreve://my/Welcome.md"],
        tag.clone(),
    )
    .await;
    assert_eq!(r["code"], 40081, "{r}");
    assert_eq!(r["aggregated_error"][&foreign]["code"], 403, "{r}");
    assert_eq!(
        r["aggregated_error"]["cloudreve://my/Welcome.md"]["code"], 40016,
        "eve's own tree: {r}"
    );
    assert!(metadata(&s, &t, "cloudreve://my/Welcome.md")
        .await
        .get("tag:x")
        .is_none());

    let uris = [
        trashed.as_str(),
        "cloudreve://my",
        "cloudreve://my/nope.txt",
        "cloudreve://my/Welcome.md",
    ];
    let r = patch(&s, &t, &uris, tag).await;
    assert_eq!(r["code"], 40081, "{r}");
    let inner = |u: &str| r["aggregated_error"][u]["code"].clone();
    assert_eq!(inner(&trashed), 403, "the trash takes no metadata: {r}");
    assert_eq!(inner("cloudreve://my"), 403, "nor do roots");
    assert_eq!(inner("cloudreve://my/nope.txt"), 40016);
    assert!(r["aggregated_error"]
        .get("cloudreve://my/Welcome.md")
        .is_none());
    assert_eq!(
        metadata(&s, &t, "cloudreve://my/Welcome.md").await["tag:x"],
        "",
        "the rest is applied"
    );
    let anon = call(
        &s,
        "PATCH",
        "/api/v4/file/metadata",
        None,
        Some(json!({"uris": ["cloudreve://my/Welcome.md"], "patches": []})),
    )
    .await
    .1;
    assert_eq!(anon["code"], 401);
}

#[tokio::test]
async fn the_emoji_preset_is_published() {
    let (s, _d) = state();
    let (_, r) = call(&s, "GET", "/api/v4/site/config/emojis", None, None).await;
    let preset: std::collections::BTreeMap<String, Vec<String>> =
        serde_json::from_str(r["data"]["emoji_preset"].as_str().expect("preset")).expect("json");
    assert!(preset.values().flatten().any(|e| e == "📁"));
}
