//! Locks (errors.md §3, file.md §Force unlock): mutations on locked items, or on folders holding
//! one, answer 40073 with conflicts the contract crate decodes; force unlock lets them through.

mod common;

use cloudreve_api::envelope::decode;
use cloudreve_api::models::ConflictDetail;
use cloudreve_api::ApiError;
use common::*;
use refserver::AppState;
use serde_json::{json, Value};

async fn hooked() -> (AppState, tempfile::TempDir, String) {
    demo_with(|c| c.test_hooks = true).await
}

async fn send(s: &AppState, t: &str, method: &str, path: &str, body: Value) -> Value {
    call(s, method, &format!("/api/v4{path}"), Some(t), Some(body))
        .await
        .1
}

/// Locks `uri` through the test hook; returns the token.
async fn lock(s: &AppState, t: &str, uri: &str, app: &str, ttl: i64) -> String {
    let r = send(
        s,
        t,
        "POST",
        "/test/lock",
        json!({"uri": uri, "app": app, "ttl": ttl}),
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    r["data"]["token"].as_str().expect("token").to_string()
}

/// The conflicts of a 40073 answer, decoded by the contract crate as the app would.
fn conflicts(r: &Value) -> Vec<ConflictDetail> {
    match decode::<()>(&r.to_string()) {
        Err(ApiError::Locked { conflicts, .. }) => conflicts,
        other => panic!("not a lock conflict: {other:?} from {r}"),
    }
}

fn rename(uri: &str, to: &str) -> Value {
    json!({"uri": uri, "new_name": to})
}

const DOC: &str = "cloudreve://my/Documents/Project%20plan.md";

#[tokio::test]
async fn the_hook_is_off_unless_enabled() {
    let (s, _d) = state_with(|c| c.demo = true);
    let t = admin_token(&s).await;
    let (status, body) = call(
        &s,
        "POST",
        "/api/v4/test/lock",
        Some(&t),
        Some(json!({"uri": DOC})),
    )
    .await;
    assert_eq!(
        (status.as_u16(), body.as_str()),
        (404, Some("404 page not found"))
    );
}

#[tokio::test]
async fn a_locked_file_blocks_rename_move_delete_and_metadata() {
    let (s, _d, t) = hooked().await;
    let token = lock(&s, &t, DOC, "viewer", 600).await;
    let attempts = [
        ("POST", "/file/rename", rename(DOC, "x.md")),
        (
            "POST",
            "/file/move",
            json!({"uris": [DOC], "dst": "cloudreve://my"}),
        ),
        ("DELETE", "/file", json!({"uris": [DOC]})),
        (
            "DELETE",
            "/file",
            json!({"uris": [DOC], "skip_soft_delete": true}),
        ),
        (
            "PATCH",
            "/file/metadata",
            json!({"uris": [DOC], "patches": [{"key": "tag:a", "value": ""}]}),
        ),
    ];
    for (method, path, body) in &attempts {
        let r = send(&s, &t, method, path, body.clone()).await;
        assert_eq!(r["code"], 40073, "{method} {path}: {r}");
        assert_eq!(r["msg"], "Lock conflict");
        let c = conflicts(&r);
        assert_eq!(c.len(), 1, "{r}");
        assert_eq!(c[0].path, DOC);
        assert_eq!(c[0].token, token, "the owner sees the token");
        assert_eq!(c[0].owner.application.app_type, "viewer");
        assert_eq!(c[0].lock_type, 0);
    }
    // A copy leaves the source alone, as in CE.
    let r = send(
        &s,
        &t,
        "POST",
        "/file/move",
        json!({"uris": [DOC], "dst": "cloudreve://my", "copy": true}),
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    // Nothing moved.
    let listing = list(&s, &t, "cloudreve://my/Documents", "").await;
    assert!(listing.to_string().contains("Project plan.md"));

    let r = send(&s, &t, "DELETE", "/file/lock", json!({"tokens": [token]})).await;
    assert_eq!(r["code"], 0, "{r}");
    for (method, path, body) in &attempts[..1] {
        let r = send(&s, &t, method, path, body.clone()).await;
        assert_eq!(r["code"], 0, "after force unlock {method} {path}: {r}");
    }
}

#[tokio::test]
async fn a_folder_holding_a_locked_file_is_locked_for_whole_tree_operations() {
    let (s, _d, t) = hooked().await;
    let token = lock(&s, &t, DOC, "upload", 600).await;
    let folder = "cloudreve://my/Documents";
    for (method, path, body) in [
        ("POST", "/file/rename", rename(folder, "Docs")),
        (
            "POST",
            "/file/move",
            json!({"uris": [folder], "dst": "cloudreve://my/Pictures"}),
        ),
        (
            "DELETE",
            "/file",
            json!({"uris": [folder, "cloudreve://my/Welcome.md"]}),
        ),
    ] {
        let r = send(&s, &t, method, path, body).await;
        assert_eq!(r["code"], 40073, "{method} {path}: {r}");
        let c = conflicts(&r);
        assert_eq!(
            (c[0].path.as_str(), c[0].token.as_str()),
            (DOC, token.as_str())
        );
    }
    // The batch failed as a whole: the unlocked item stayed too.
    let root = list(&s, &t, "cloudreve://my", "").await.to_string();
    assert!(root.contains("Welcome.md"), "{root}");
    // Metadata takes a zero-depth lock in CE: a folder's own metadata ignores locks below it.
    let r = send(
        &s,
        &t,
        "PATCH",
        "/file/metadata",
        json!({"uris": [folder], "patches": [{"key": "tag:a", "value": ""}]}),
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    let r = send(&s, &t, "DELETE", "/file/lock", json!({"tokens": [token]})).await;
    assert_eq!(r["code"], 0, "{r}");
    let r = send(&s, &t, "POST", "/file/rename", rename(folder, "Docs")).await;
    assert_eq!(r["code"], 0, "{r}");
}

#[tokio::test]
async fn a_locked_folder_covers_what_is_inside_and_what_is_added() {
    let (s, _d, t) = hooked().await;
    let token = lock(&s, &t, "cloudreve://my/Documents", "dav", 600).await;
    for (method, path, body) in [
        ("POST", "/file/rename", rename(DOC, "x.md")),
        (
            "POST",
            "/file/create",
            json!({"uri": "cloudreve://my/Documents/new/deep.txt", "type": "file"}),
        ),
        (
            "POST",
            "/file/move",
            json!({"uris": ["cloudreve://my/Welcome.md"], "dst": "cloudreve://my/Documents"}),
        ),
        (
            "POST",
            "/file/move",
            json!({"uris": ["cloudreve://my/Welcome.md"], "dst": "cloudreve://my/Documents", "copy": true}),
        ),
    ] {
        let r = send(&s, &t, method, path, body.clone()).await;
        assert_eq!(r["code"], 40073, "{method} {path} {body}: {r}");
        let c = conflicts(&r);
        assert_eq!(c[0].path, "cloudreve://my/Documents");
        assert_eq!((c[0].lock_type, c[0].token.as_str()), (1, token.as_str()));
        assert_eq!(c[0].owner.application.app_type, "dav");
    }
    // An existing item is returned untouched, so asking for it again is no conflict (CE).
    let r = send(
        &s,
        &t,
        "POST",
        "/file/create",
        json!({"uri": "cloudreve://my/Documents/Archive", "type": "folder"}),
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    // Restoring into it is blocked too.
    let r = send(&s, &t, "DELETE", "/file/lock", json!({"tokens": [token]})).await;
    assert_eq!(r["code"], 0);
    let trashed = trash(&s, &t, DOC).await;
    let token = lock(&s, &t, "cloudreve://my/Documents", "dav", 600).await;
    let r = send(&s, &t, "POST", "/file/restore", json!({"uris": [trashed]})).await;
    assert_eq!(r["code"], 40073, "{r}");
    send(&s, &t, "DELETE", "/file/lock", json!({"tokens": [token]})).await;
    let r = send(&s, &t, "POST", "/file/restore", json!({"uris": [trashed]})).await;
    assert_eq!(r["code"], 0, "{r}");
}

#[tokio::test]
async fn expired_locks_are_ignored_and_unknown_tokens_refused() {
    let (s, _d, t) = hooked().await;
    let expired = lock(&s, &t, DOC, "viewer", 0).await;
    let r = send(&s, &t, "POST", "/file/rename", rename(DOC, "renamed.md")).await;
    assert_eq!(r["code"], 0, "an expired lock is no lock: {r}");
    for tokens in [json!([expired]), json!(["no-such-token"])] {
        let r = send(&s, &t, "DELETE", "/file/lock", json!({"tokens": tokens})).await;
        assert_eq!(
            (r["code"].as_i64(), r["msg"].as_str()),
            (Some(40001), Some("failed to unlock file")),
            "{r}"
        );
    }
    let many: Vec<String> = (0..16_385).map(|i| i.to_string()).collect();
    let r = send(&s, &t, "DELETE", "/file/lock", json!({"tokens": many})).await;
    assert_eq!(r["code"], 40001);
    // Unlocking needs no ownership: a token is enough (CE). One bad token releases nothing.
    let live = lock(&s, &t, "cloudreve://my/Welcome.md", "viewer", 600).await;
    let r = send(
        &s,
        &t,
        "DELETE",
        "/file/lock",
        json!({"tokens": [live, "bogus"]}),
    )
    .await;
    assert_eq!(r["code"], 40001);
    let r = call(
        &s,
        "DELETE",
        "/api/v4/file/lock",
        None,
        Some(json!({"tokens": [live]})),
    )
    .await
    .1;
    assert_eq!(r["code"], 0, "{r}");
    for bad in [
        json!({"uri": "cloudreve://my/Welcome.md", "app": "nope"}),
        json!({"uri": "cloudreve://my"}),
        json!({"uri": "cloudreve://my/missing"}),
    ] {
        let r = send(&s, &t, "POST", "/test/lock", bad.clone()).await;
        assert_ne!(r["code"], 0, "{bad}");
    }
}

/// POSTs `body` as JSON and returns the answer's text.
async fn post(http: &reqwest::Client, url: &str, auth: Option<&str>, body: Value) -> String {
    let mut req = http.post(url).json(&body);
    if let Some(a) = auth {
        req = req.header("Authorization", a);
    }
    req.send().await.expect("send").text().await.expect("text")
}

#[tokio::test]
async fn the_hook_works_through_the_real_http_server() {
    let (server, _dir) = spawn(|c| {
        c.demo = true;
        c.test_hooks = true;
    })
    .await;
    let base = format!("{}/api/v4", server.url());
    let http = reqwest::Client::new();
    let login = json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD});
    let login: Value =
        serde_json::from_str(&post(&http, &format!("{base}/session/token"), None, login).await)
            .expect("json");
    let auth = format!(
        "Bearer {}",
        login["data"]["token"]["access_token"]
            .as_str()
            .expect("token")
    );
    let body = json!({"uri": "cloudreve://my/Welcome.md", "app": "viewer"});
    let hook: Value =
        serde_json::from_str(&post(&http, &format!("{base}/test/lock"), Some(&auth), body).await)
            .expect("json");
    assert_eq!(hook["code"], 0, "{hook}");
    let body = rename("cloudreve://my/Welcome.md", "Hi.md");
    let text = post(&http, &format!("{base}/file/rename"), Some(&auth), body).await;
    let Err(ApiError::Locked {
        conflicts,
        correlation_id,
        ..
    }) = decode::<()>(&text)
    else {
        panic!("not a lock conflict: {text}");
    };
    assert!(correlation_id.is_some());
    assert_eq!(
        conflicts[0].token,
        hook["data"]["token"].as_str().unwrap_or_default()
    );
}
