//! Viewer sessions and the WOPI host (file.md §7): tokens, CheckFileInfo, GetFile, PutFile as a new
//! version, WOPI locks, and tokens that must not open anything else.

mod common;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use common::edit::{info, put_content};
use common::*;
use http_body_util::BodyExt;
use refserver::viewers::WopiViewer;
use refserver::AppState;
use serde_json::{json, Value};
use tower::ServiceExt;

const DOC: &str = "cloudreve://my/Report.docx";
const ACTION: &str = "http://office.test/edit?WOPISrc=&lang=lng&thm=darkmode";

struct Fixture {
    s: AppState,
    _dir: tempfile::TempDir,
    token: String,
    viewer: String,
}

async fn setup() -> Fixture {
    let office = WopiViewer::parse(&format!("Office|docx,xlsx|{ACTION}")).expect("viewer");
    let viewer = office.id.clone();
    let (s, dir) = state_with(|c| {
        c.wopi_viewers.push(office);
        c.max_edit_size = 1 << 20;
    });
    let token = admin_token(&s).await;
    assert_eq!(
        put_content(&s, &token, DOC, None, b"first").await["code"],
        0
    );
    Fixture {
        s,
        _dir: dir,
        token,
        viewer,
    }
}

async fn open(f: &Fixture, uri: &str, extra: Value) -> Value {
    let mut body = json!({"uri": uri, "viewer_id": f.viewer, "preferred_action": "edit"});
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        b.extend(e.clone());
    }
    call(
        &f.s,
        "PUT",
        "/api/v4/file/viewerSession",
        Some(&f.token),
        Some(body),
    )
    .await
    .1
}

/// (access token, WOPI path `/api/v4/file/wopi/<id>`) of a fresh session on `uri`.
async fn session(f: &Fixture, uri: &str) -> (String, String) {
    let r = open(f, uri, json!({})).await;
    assert_eq!(r["code"], 0, "{r}");
    let id = info(&f.s, &f.token, uri).await["data"]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let token = r["data"]["session"]["access_token"]
        .as_str()
        .expect("token");
    (token.to_string(), format!("/api/v4/file/wopi/{id}"))
}

/// One WOPI request: (status, headers, body).
async fn wopi(
    s: &AppState,
    method: &str,
    path: &str,
    token: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (StatusCode, HeaderMap, Vec<u8>) {
    let uri = format!(
        "{path}?access_token={}",
        cloudreve_api::uri::encode_component(token)
    );
    let mut req = Request::builder().method(method).uri(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    if method == "POST" {
        req = req.header("content-length", body.len());
    }
    let res = refserver::app(s.clone())
        .oneshot(req.body(Body::from(body.to_vec())).expect("request"))
        .await
        .expect("response");
    let (parts, body) = res.into_parts();
    let bytes = body.collect().await.expect("body").to_bytes().to_vec();
    (parts.status, parts.headers, bytes)
}

/// PutFile at `contents` holding `lock`: (status, headers).
async fn save(
    f: &Fixture,
    contents: &str,
    token: &str,
    lock: &str,
    body: &[u8],
) -> (StatusCode, HeaderMap) {
    let (status, h, _) = wopi(
        &f.s,
        "POST",
        contents,
        token,
        &[("X-WOPI-Lock", lock)],
        body,
    )
    .await;
    (status, h)
}

fn header<'a>(h: &'a HeaderMap, name: &str) -> &'a str {
    h.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
}

#[tokio::test]
async fn a_session_answers_a_long_token_and_the_action_url_with_wopi_src() {
    let f = setup().await;
    let r = open(&f, DOC, json!({})).await;
    assert_eq!(r["code"], 0, "{r}");
    let session = &r["data"]["session"];
    let id = session["id"].as_str().expect("id");
    assert_eq!(id.len(), 36, "a UUID: {id}");
    let token = session["access_token"].as_str().expect("token");
    let secret = token
        .strip_prefix(&format!("{id}."))
        .expect("<id>.<secret>");
    assert_eq!(secret.len(), 128);
    assert!(secret.chars().all(|c| c.is_ascii_alphanumeric()));
    let expires = session["expires"].as_i64().expect("ms");
    let in_ten_hours = refserver::state::now_millis() + 36_000_000;
    assert!(
        (in_ten_hours - 120_000..=in_ten_hours).contains(&expires),
        "{expires}"
    );
    let file_id = info(&f.s, &f.token, DOC).await["data"]["id"].clone();
    let file_id = file_id.as_str().expect("id");
    assert_eq!(
        r["data"]["wopi_src"],
        format!("http://office.test/edit?WOPISrc=http%3A%2F%2F127.0.0.1%3A5212%2Fapi%2Fv4%2Ffile%2Fwopi%2F{file_id}&lang=lng&thm=darkmode")
    );
}

#[tokio::test]
async fn sessions_are_refused_for_unknown_viewers_other_types_big_files_and_others_files() {
    let f = setup().await;
    let r = open(&f, DOC, json!({"viewer_id": "nope"})).await;
    assert_eq!(r["code"], 40001, "unknown viewer: {r}");
    put_content(&f.s, &f.token, "cloudreve://my/notes.txt", None, b"x").await;
    let r = open(&f, "cloudreve://my/notes.txt", json!({})).await;
    assert_eq!(r["code"], 50005, "no action for .txt: {r}");
    let big = vec![b'x'; (1 << 20) + 1];
    refserver::seed::add_file(&f.s, ADMIN_ID, "Big.docx", &big).expect("big");
    let r = open(&f, "cloudreve://my/Big.docx", json!({})).await;
    assert_eq!(r["code"], 40049, "over the edit limit: {r}");
    let r = open(&f, "cloudreve://my/Missing.docx", json!({})).await;
    assert_eq!(r["code"], 40016, "{r}");

    let (_, bob) = new_user(&f.s, "bob@example.com").await;
    let (_, me) = call(&f.s, "GET", "/api/v4/user/me", Some(&f.token), None).await;
    let admin = me["data"]["id"].as_str().expect("id");
    let body = json!({"uri": format!("cloudreve://{admin}@my/Report.docx"), "viewer_id": f.viewer, "preferred_action": "view"});
    let (_, r) = call(
        &f.s,
        "PUT",
        "/api/v4/file/viewerSession",
        Some(&bob),
        Some(body),
    )
    .await;
    assert_eq!(r["code"], 403, "{r}");
}

#[tokio::test]
async fn check_file_info_and_get_file_describe_and_serve_the_document() {
    let f = setup().await;
    let (token, path) = session(&f, DOC).await;
    let (status, _, body) = wopi(&f.s, "GET", &path, &token, &[], b"").await;
    assert_eq!(status, 200);
    let fi: Value = serde_json::from_slice(&body).expect("json");
    let file = info(&f.s, &f.token, DOC).await["data"].clone();
    assert_eq!(fi["BaseFileName"], "Report.docx");
    assert_eq!(fi["Version"], file["primary_entity"]);
    assert_eq!(fi["Size"], 5);
    assert_eq!(fi["OwnerId"], fi["UserId"]);
    let (_, me) = call(&f.s, "GET", "/api/v4/user/me", Some(&f.token), None).await;
    assert_eq!(fi["UserFriendlyName"], me["data"]["nickname"]);
    assert_eq!(fi["UserId"], me["data"]["id"]);
    assert_eq!(
        (&fi["ReadOnly"], &fi["UserCanWrite"]),
        (&json!(false), &json!(true))
    );
    assert_eq!(fi["UserCanNotWriteRelative"], true);
    assert_eq!(
        (&fi["SupportsLocks"], &fi["SupportsUpdate"]),
        (&json!(true), &json!(true))
    );
    assert_eq!(fi["LastModifiedTime"], file["updated_at"]);
    assert_eq!(fi["PostMessageOrigin"], "*");
    assert_eq!(
        fi["BreadcrumbFolderUrl"],
        "http://127.0.0.1:5212/home?path=cloudreve%3A%2F%2Fmy"
    );

    let (status, h, body) = wopi(&f.s, "GET", &format!("{path}/contents"), &token, &[], b"").await;
    assert_eq!((status.as_u16(), body.as_slice()), (200, &b"first"[..]));
    assert_eq!(header(&h, "x-wopi-itemversion"), file["primary_entity"]);
}

#[tokio::test]
async fn put_file_saves_a_new_version() {
    let f = setup().await;
    let (token, path) = session(&f, DOC).await;
    let contents = format!("{path}/contents");
    let (status, h, _) = wopi(
        &f.s,
        "POST",
        &contents,
        &token,
        &[("X-WOPI-Override", "PUT")],
        b"second save",
    )
    .await;
    assert_eq!(status, 200, "{}", header(&h, "x-wopi-servererror"));
    let file = info(&f.s, &f.token, DOC).await["data"].clone();
    assert_eq!(header(&h, "x-wopi-itemversion"), file["primary_entity"]);
    assert_eq!(file["size"], 11);
    let versions = file["extended_info"]["entities"]
        .as_array()
        .expect("entities");
    assert_eq!(versions.len(), 2, "{file}");
    let (_, _, body) = wopi(&f.s, "GET", &contents, &token, &[], b"").await;
    assert_eq!(body, b"second save");
    // The file's history: the first save, then the office save with the version it made.
    let q = format!(
        "/api/v4/file/activities?uri={}&page_size=10&filter=updates",
        cloudreve_api::uri::encode_component(DOC)
    );
    let history = call(&f.s, "GET", &q, Some(&f.token), None).await.1;
    let updates = history["data"]["activities"]
        .as_array()
        .expect("activities");
    assert_eq!(updates.len(), 2, "{history}");
    assert_eq!(updates[1]["content"]["category"], 10);
    assert_eq!(updates[1]["version_id"], file["primary_entity"]);

    let big = vec![b'x'; (1 << 20) + 1];
    let (status, _, _) = wopi(&f.s, "POST", &contents, &token, &[], &big).await;
    assert_eq!(status, 413);
}

#[tokio::test]
async fn locks_guard_saves_and_mismatches_answer_409_with_the_current_lock() {
    let f = setup().await;
    let (token, path) = session(&f, DOC).await;
    let contents = format!("{path}/contents");
    let op = |name: &'static str, lock: &'static str| {
        vec![("X-WOPI-Override", name), ("X-WOPI-Lock", lock)]
    };
    let (status, _, _) = wopi(&f.s, "POST", &path, &token, &op("LOCK", "A"), b"").await;
    assert_eq!(status, 200);
    let (status, h, _) = wopi(&f.s, "POST", &path, &token, &op("GET_LOCK", ""), b"").await;
    assert_eq!((status.as_u16(), header(&h, "x-wopi-lock")), (200, "A"));

    let (status, h) = save(&f, &contents, &token, "B", b"nope").await;
    assert_eq!((status.as_u16(), header(&h, "x-wopi-lock")), (409, "A"));
    assert!(!header(&h, "x-wopi-servererror").is_empty());
    let (status, h, _) = wopi(&f.s, "POST", &path, &token, &op("LOCK", "B"), b"").await;
    assert_eq!((status.as_u16(), header(&h, "x-wopi-lock")), (409, "A"));
    let (status, _) = save(&f, &contents, &token, "A", b"locked save").await;
    assert_eq!(status, 200);
    let (status, _, _) = wopi(&f.s, "POST", &path, &token, &op("REFRESH_LOCK", "A"), b"").await;
    assert_eq!(status, 200);

    // Other writers meet the lock as 40073 while it is held.
    let r = put_content(&f.s, &f.token, DOC, None, b"web editor").await;
    assert_eq!(r["code"], 40073, "{r}");
    assert_eq!(r["data"][0]["owner"]["application"]["type"], "viewer");

    let (status, h, _) = wopi(&f.s, "POST", &path, &token, &op("UNLOCK", "B"), b"").await;
    assert_eq!((status.as_u16(), header(&h, "x-wopi-lock")), (409, "A"));
    let (status, _, _) = wopi(&f.s, "POST", &path, &token, &op("UNLOCK", "A"), b"").await;
    assert_eq!(status, 200);
    let (_, h, _) = wopi(&f.s, "POST", &path, &token, &op("GET_LOCK", ""), b"").await;
    assert_eq!(header(&h, "x-wopi-lock"), "");
    assert_eq!(
        put_content(&f.s, &f.token, DOC, None, b"web editor").await["code"],
        0
    );
    let (status, _, _) = wopi(&f.s, "POST", &path, &token, &op("PUT_RELATIVE", ""), b"").await;
    assert_eq!(status, 501);
}

#[tokio::test]
async fn forged_missing_or_other_file_tokens_are_refused() {
    let f = setup().await;
    let (token, path) = session(&f, DOC).await;
    put_content(&f.s, &f.token, "cloudreve://my/Other.docx", None, b"other").await;
    let (other_token, other_path) = session(&f, "cloudreve://my/Other.docx").await;
    let (id, secret) = token.split_once('.').expect("dot");
    let forged = format!("{id}.{}", secret.chars().rev().collect::<String>());
    for (bad, at) in [
        (forged.as_str(), path.as_str()),
        (id, path.as_str()),
        ("", path.as_str()),
        (other_token.as_str(), path.as_str()),
        (token.as_str(), other_path.as_str()),
    ] {
        for sub in ["", "/contents"] {
            let (status, h, body) = wopi(&f.s, "GET", &format!("{at}{sub}"), bad, &[], b"").await;
            assert_eq!(status, 403, "{bad} at {at}{sub}");
            assert!(!header(&h, "x-wopi-servererror").is_empty());
            assert!(body.is_empty(), "no content leaks");
        }
    }
    let (status, _, _) = wopi(
        &f.s,
        "POST",
        &format!("{path}/contents"),
        &forged,
        &[],
        b"evil",
    )
    .await;
    assert_eq!(status, 403);
    assert_eq!(
        common::edit::content(&f.s, &f.token, DOC, None).await,
        b"first"
    );
}

#[tokio::test]
async fn an_older_version_opens_read_only() {
    let f = setup().await;
    let first = info(&f.s, &f.token, DOC).await["data"]["primary_entity"].clone();
    put_content(&f.s, &f.token, DOC, None, b"second").await;
    let r = open(&f, DOC, json!({"version": first})).await;
    assert_eq!(r["code"], 0, "{r}");
    let token = r["data"]["session"]["access_token"]
        .as_str()
        .expect("token");
    let id = info(&f.s, &f.token, DOC).await["data"]["id"].clone();
    let path = format!("/api/v4/file/wopi/{}", id.as_str().expect("id"));
    let (_, _, body) = wopi(&f.s, "GET", &path, token, &[], b"").await;
    let fi: Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(
        (&fi["ReadOnly"], &fi["Version"], &fi["Size"]),
        (&json!(true), &first, &json!(5))
    );
    let (_, _, body) = wopi(&f.s, "GET", &format!("{path}/contents"), token, &[], b"").await;
    assert_eq!(body, b"first");
    let (status, _, _) = wopi(&f.s, "POST", &format!("{path}/contents"), token, &[], b"x").await;
    assert_eq!(status, 403);
}
