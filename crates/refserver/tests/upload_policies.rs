//! Storage policies as data (file.md §5, models.md StoragePolicy): which policy a folder uses, and
//! the rules a policy puts on uploads (size, extension, name patterns), plus quota.

mod common;

use common::seed::put;
use common::upload::*;
use common::*;
use refserver::ids::Kind;
use serde_json::{json, Value};

/// The `User` group's quota (migration 0001): 1 GiB.
const USER_QUOTA: i64 = 1 << 30;

async fn policy_of(s: &refserver::AppState, t: &str, uri: &str) -> Value {
    let r = list(s, t, uri, "").await;
    assert_eq!(r["code"], 0, "{r}");
    r["data"]["storage_policy"].clone()
}

#[tokio::test]
async fn listings_search_and_info_name_the_folders_effective_policy() {
    let (s, _d, t, bob) = hooked_user().await;
    put(&s, bob, "Mounted/Inner", None);
    put(&s, bob, "Mounted/Inner/photo.jpg", Some(3));
    let default = policy_of(&s, &t, "cloudreve://my").await;
    assert_eq!(default["id"], default_policy_id(&s));
    assert_eq!(default["name"], "Default storage policy");
    assert_eq!(default["type"], "local");
    assert_eq!(default["max_size"], 0);
    assert_eq!(default["chunk_concurrency"], 3);

    let rules = json!({"name": "Pictures only", "max_size": 5000, "allowed_suffix": ["jpg", "png"],
        "denied_suffix": ["exe"], "allowed_name_regexp": "^[a-z]", "denied_name_regexp": "tmp",
        "chunk_concurrency": 2});
    let id = new_policy(&s, &t, rules).await;
    mount(&s, &t, "cloudreve://my/Mounted", &id).await;
    for uri in ["cloudreve://my/Mounted", "cloudreve://my/Mounted/Inner"] {
        let p = policy_of(&s, &t, uri).await;
        assert_eq!(
            p,
            json!({"id": id, "name": "Pictures only", "type": "local", "max_size": 5000,
                "allowed_suffix": ["jpg", "png"], "denied_suffix": ["exe"],
                "allowed_name_regexp": "^[a-z]", "denied_name_regexp": "tmp", "chunk_concurrency": 2}),
            "{uri}"
        );
    }
    assert_eq!(
        policy_of(&s, &t, "cloudreve://my").await["id"],
        default_policy_id(&s)
    );
    let search = policy_of(&s, &t, "cloudreve://my/Mounted?name=photo").await;
    assert_eq!(search["id"], id, "a search names its folder's policy");
    let q = format!(
        "/api/v4/file/info?uri={}&extended=true",
        cloudreve_api::uri::encode_component("cloudreve://my/Mounted/Inner/photo.jpg")
    );
    let r = call(&s, "GET", &q, Some(&t), None).await.1;
    assert_eq!(
        r["data"]["extended_info"]["storage_policy"]["id"], id,
        "{r}"
    );

    // Without a mount, the group's policy applies.
    let group = s.ids.encode(Kind::Group, 2);
    let id = new_policy(&s, &t, json!({"name": "Users' policy", "group": group})).await;
    assert_eq!(policy_of(&s, &t, "cloudreve://my").await["id"], id);
    let r = post(
        &s,
        &t,
        "/test/mount",
        json!({"uri": "cloudreve://my/Mounted", "policy_id": null}),
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    assert_eq!(
        policy_of(&s, &t, "cloudreve://my/Mounted/Inner").await["id"],
        id
    );
}

#[tokio::test]
async fn the_folders_policy_is_used_whatever_the_request_names() {
    let (s, _d, t, bob) = hooked_user().await;
    put(&s, bob, "dir", None);
    let id = new_policy(&s, &t, json!({"name": "Tiny chunks", "chunk_size": 7})).await;
    mount(&s, &t, "cloudreve://my/dir", &id).await;
    let cred = open(&s, &t, "cloudreve://my/dir/x.bin", 20).await;
    assert_eq!(cred["storage_policy"]["id"], id);
    assert_eq!(cred["chunk_size"], 7);
    let data = pattern(20, 1);
    for i in 0..3 {
        assert_eq!(chunk(&s, &t, &cred, i, &data).await["code"], 0);
    }
    assert_eq!(download(&s, &t, "cloudreve://my/dir/x.bin").await, data);
}

#[tokio::test]
async fn a_file_over_max_size_answers_40049() {
    let (s, _d, t, _) = hooked_user().await;
    let id = new_policy(&s, &t, json!({"max_size": 100})).await;
    mount(&s, &t, "cloudreve://my", &id).await;
    let r = open_with(&s, &t, "cloudreve://my/big.bin", 101, json!({})).await;
    assert_eq!(r["code"], 40049, "{r}");
    assert_eq!(
        open_with(&s, &t, "cloudreve://my/ok.bin", 100, json!({})).await["code"],
        0
    );
}

#[tokio::test]
async fn extensions_outside_allowed_or_inside_denied_answer_40050() {
    let (s, _d, t, bob) = hooked_user().await;
    put(&s, bob, "pics", None);
    put(&s, bob, "any", None);
    let allow = new_policy(&s, &t, json!({"allowed_suffix": ["jpg", "PNG"]})).await;
    mount(&s, &t, "cloudreve://my/pics", &allow).await;
    let deny = new_policy(&s, &t, json!({"denied_suffix": ["exe"]})).await;
    mount(&s, &t, "cloudreve://my/any", &deny).await;
    let cases = [
        ("pics/a.jpg", 0),
        ("pics/a.JPG", 0),
        ("pics/a.png", 0),
        ("pics/a.gif", 40050),
        ("pics/jpg", 40050),
        ("any/setup.exe", 40050),
        ("any/setup.ExE", 40050),
        ("any/setup.txt", 0),
    ];
    for (path, code) in cases {
        let r = open_with(&s, &t, &format!("cloudreve://my/{path}"), 1, json!({})).await;
        assert_eq!(r["code"], code, "{path}: {r}");
    }
}

#[tokio::test]
async fn names_refused_by_the_patterns_answer_40052() {
    let (s, _d, t, _) = hooked_user().await;
    let id = new_policy(
        &s,
        &t,
        json!({"allowed_name_regexp": "^[a-z0-9 ]+\\.txt$", "denied_name_regexp": "(?i)draft"}),
    )
    .await;
    mount(&s, &t, "cloudreve://my", &id).await;
    for (name, code) in [
        ("notes.txt", 0),
        ("Notes.txt", 40052),
        ("notes.md", 40052),
        ("my draft.txt", 40052),
        ("DRAFT 2.txt", 40052),
    ] {
        let r = open_with(&s, &t, &format!("cloudreve://my/{name}"), 1, json!({})).await;
        assert_eq!(r["code"], code, "{name}: {r}");
    }
    // JavaScript look-arounds are beyond the regex crate: the rule is skipped, not fatal.
    let js = json!({"id": id, "allowed_name_regexp": "", "denied_name_regexp": "^(?!ok)"});
    new_policy(&s, &t, js).await;
    let r = open_with(&s, &t, "cloudreve://my/anything.bin", 1, json!({})).await;
    assert_eq!(r["code"], 0, "{r}");
}

#[tokio::test]
async fn an_upload_over_quota_answers_40051() {
    let (s, _d, t, bob) = hooked_user().await;
    put(&s, bob, "big.bin", Some(USER_QUOTA - 100));
    let r = open_with(&s, &t, "cloudreve://my/a.bin", 101, json!({})).await;
    assert_eq!(r["code"], 40051, "{r}");
    assert_eq!(
        open(&s, &t, "cloudreve://my/a.bin", 60).await["chunk_size"],
        25 << 20
    );
    // The open session's placeholder holds its 60 bytes already.
    let r = open_with(&s, &t, "cloudreve://my/b.bin", 41, json!({})).await;
    assert_eq!(r["code"], 40051, "{r}");
    assert_eq!(
        open_with(&s, &t, "cloudreve://my/b.bin", 40, json!({})).await["code"],
        0
    );
}

#[tokio::test]
async fn a_policy_type_this_server_cannot_store_answers_40006() {
    let (s, _d, t, _) = hooked_user().await;
    let id = new_policy(
        &s,
        &t,
        json!({"type": "onedrive", "settings": {"drive": "x"}}),
    )
    .await;
    mount(&s, &t, "cloudreve://my", &id).await;
    let r = open_with(&s, &t, "cloudreve://my/a.bin", 1, json!({})).await;
    assert_eq!(r["code"], 40006, "{r}");
    assert_eq!(
        policy_of(&s, &t, "cloudreve://my").await["type"],
        "onedrive"
    );
}

#[tokio::test]
async fn the_policy_hooks_check_their_input() {
    let (s, _d, t, _) = hooked_user().await;
    for bad in [
        json!({"chunk_size": -1}),
        json!({"chunk_concurrency": 0}),
        json!({"settings": [1]}),
        json!({"type": ""}),
    ] {
        assert_eq!(
            post(&s, &t, "/test/policy", bad.clone()).await["code"],
            40001,
            "{bad}"
        );
    }
    let r = post(&s, &t, "/test/policy", json!({"id": "zzzzzz", "name": "x"})).await;
    assert_eq!(r["code"], 40035, "{r}");
    let r = post(
        &s,
        &t,
        "/test/mount",
        json!({"uri": "cloudreve://my/nowhere", "policy_id": default_policy_id(&s)}),
    )
    .await;
    assert_eq!(r["code"], 40016, "{r}");
    upload(&s, &t, "cloudreve://my/file.txt", b"x").await;
    let r = post(
        &s,
        &t,
        "/test/mount",
        json!({"uri": "cloudreve://my/file.txt", "policy_id": default_policy_id(&s)}),
    )
    .await;
    assert_eq!(r["code"], 40001, "{r}");
}

/// `POST` of `data` to a node upload URL with `auth` as the whole `Authorization` header.
async fn to_node(
    s: &refserver::AppState,
    url: &str,
    chunk: usize,
    auth: Option<&str>,
    data: &[u8],
) -> Value {
    use axum::body::Body;
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let path = url
        .split_once("/api/v4/")
        .map(|(_, p)| format!("/api/v4/{p}"))
        .expect("node path");
    let mut req = axum::http::Request::post(format!("{path}?chunk={chunk}"))
        .header("content-type", "application/octet-stream")
        .header("content-length", data.len());
    if let Some(a) = auth {
        req = req.header("authorization", a);
    }
    let res = refserver::app(s.clone())
        .oneshot(req.body(Body::from(data.to_vec())).expect("request"))
        .await
        .expect("response");
    assert_eq!(
        res.headers()
            .get("access-control-allow-origin")
            .and_then(|v| v.to_str().ok()),
        Some("*"),
        "the node answers CORS"
    );
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    serde_json::from_slice(&bytes).expect("envelope")
}

#[tokio::test]
async fn a_remote_policy_takes_chunks_at_its_node_url_with_the_session_credential() {
    let (s, _d, t, _) = hooked_user().await;
    let id = new_policy(
        &s,
        &t,
        json!({"name": "Node", "type": "remote", "chunk_size": 4}),
    )
    .await;
    mount(&s, &t, "cloudreve://my", &id).await;
    let cred = open(&s, &t, "cloudreve://my/node.txt", 10).await;
    let session = cred["session_id"].as_str().expect("session");
    let url = cred["upload_urls"][0]
        .as_str()
        .expect("node url")
        .to_string();
    let auth = cred["credential"].as_str().expect("credential").to_string();
    assert!(
        url.ends_with(&format!("/api/v4/slave/upload/{session}")),
        "{url}"
    );
    assert!(auth.starts_with("Bearer Cr "), "{auth}");
    assert_eq!(cred["chunk_size"], 4);
    // The master's own chunk route does not take a node's chunks.
    assert_eq!(chunk(&s, &t, &cred, 0, b"abcd").await["code"], 40006);
    // No credential, or a forged one: refused.
    assert_eq!(to_node(&s, &url, 0, None, b"abcd").await["code"], 40020);
    let forged = format!("{}x", &auth[..auth.len() - 1]);
    assert_eq!(
        to_node(&s, &url, 0, Some(&forged), b"abcd").await["code"],
        40020
    );
    // Another session's credential does not open this one.
    let other = open(&s, &t, "cloudreve://my/other.txt", 4).await;
    let other_auth = other["credential"].as_str().expect("credential");
    assert_eq!(
        to_node(&s, &url, 0, Some(other_auth), b"abcd").await["code"],
        40020
    );
    // With it, chunk by chunk; the last one completes the file.
    for (i, part) in [&b"abcd"[..], b"efgh", b"ij"].into_iter().enumerate() {
        let r = to_node(&s, &url, i, Some(&auth), part).await;
        assert_eq!(r["code"], 0, "chunk {i}: {r}");
    }
    assert_eq!(
        common::edit::content(&s, &t, "cloudreve://my/node.txt", None).await,
        b"abcdefghij"
    );
}
