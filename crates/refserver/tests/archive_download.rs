//! Archive downloads (file.md §Create download URL, `archive`): one signed URL for several files
//! and folders, fetched as a zip streamed with the requester's rights at download time.

mod common;

use std::io::Read;

use cloudreve_api::boolset::group::ARCHIVE_DOWNLOAD;
use cloudreve_api::Boolset;
use common::*;
use refserver::AppState;
use serde_json::{json, Value};

async fn archive_url(s: &AppState, token: &str, uris: &[&str]) -> Value {
    let body = json!({ "uris": uris, "archive": true });
    call(s, "POST", "/api/v4/file/url", Some(token), Some(body))
        .await
        .1
}

fn url_of(r: &Value) -> String {
    r["data"]["urls"][0]["url"]
        .as_str()
        .unwrap_or_else(|| panic!("no url in {r}"))
        .to_string()
}

/// Turns `archive_download` on or off for the group of user row `user`.
fn set_permission(s: &AppState, user: i64, on: bool) {
    let group: i64 = s.db.with(|c| {
        c.query_row("SELECT group_id FROM users WHERE id = ?1", [user], |r| {
            r.get(0)
        })
        .expect("group")
    });
    set_group_permission(s, group, on);
}

/// Turns `archive_download` on or off for group row `group`.
fn set_group_permission(s: &AppState, group: i64, on: bool) {
    s.db.with(|c| refserver::store::users::set_group_bit(c, group, ARCHIVE_DOWNLOAD, on))
        .expect("update group");
}

/// The demo tree plus an empty folder and a file larger than one streamed chunk.
async fn setup() -> (AppState, tempfile::TempDir, String, Vec<u8>) {
    let (s, d, t) = demo().await;
    let big: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 251) as u8).collect();
    refserver::seed::add_file(&s, ADMIN_ID, "Big/data.bin", &big).expect("big file");
    let body = json!({"uri": "cloudreve://my/Empty", "type": "folder"});
    let (_, r) = call(&s, "POST", "/api/v4/file/create", Some(&t), Some(body)).await;
    assert_eq!(r["code"], 0, "{r}");
    (s, d, t, big)
}

#[tokio::test]
async fn folders_and_files_download_as_one_zip_with_their_paths() {
    let (s, _d, t, big) = setup().await;
    let r = archive_url(
        &s,
        &t,
        &[
            "cloudreve://my/Documents",
            "cloudreve://my/Numbers.csv",
            "cloudreve://my/Empty",
            "cloudreve://my/Big",
        ],
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    assert!(r["data"]["expires"].is_string(), "{r}");
    let url = url_of(&r);
    assert!(url.starts_with("/api/v4/file/archive/"), "{url}");
    assert!(url.contains("/archive.zip?sign="), "{url}");

    let (status, h, bytes) = fetch(&s, "GET", &url, &[]).await;
    assert_eq!(status, 200);
    assert_eq!(h["content-type"], "application/zip");
    assert_eq!(
        h["content-disposition"],
        "attachment; filename=\"archive.zip\""
    );
    assert_eq!(h["content-length"], bytes.len().to_string().as_str());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid zip");
    let mut names: Vec<String> = zip.file_names().map(str::to_string).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Big/",
            "Big/data.bin",
            "Documents/",
            "Documents/Archive/",
            "Documents/Archive/2024 report.txt",
            "Documents/Meeting notes.txt",
            "Documents/Project plan.md",
            "Empty/",
            "Numbers.csv",
        ]
    );
    assert!(zip.by_name("Empty/").expect("empty folder").is_dir());
    let mut read = |name: &str| {
        let mut out = Vec::new();
        zip.by_name(name)
            .expect("entry")
            .read_to_end(&mut out)
            .expect("read, CRC checked");
        out
    };
    assert_eq!(read("Big/data.bin"), big);
    let csv = edit::content(&s, &t, "cloudreve://my/Numbers.csv", None).await;
    assert_eq!(read("Numbers.csv"), csv);
    let report = edit::content(
        &s,
        &t,
        "cloudreve://my/Documents/Archive/2024 report.txt",
        None,
    );
    assert_eq!(read("Documents/Archive/2024 report.txt"), report.await);
}

#[tokio::test]
async fn the_zip_follows_the_tree_at_download_time() {
    let (s, _d, t, _) = setup().await;
    let url = url_of(&archive_url(&s, &t, &["cloudreve://my/Documents"]).await);
    edit::put_content(&s, &t, "cloudreve://my/Documents/Late.txt", None, b"late").await;
    let (_, _, bytes) = fetch(&s, "GET", &url, &[]).await;
    let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid zip");
    assert!(zip.file_names().any(|n| n == "Documents/Late.txt"));

    // Losing the permission after the URL was made stops the download too.
    set_permission(&s, ADMIN_ID, false);
    let (_, _, body) = fetch(&s, "GET", &url, &[]).await;
    let r: Value = serde_json::from_slice(&body).expect("json");
    assert_eq!(r["code"], 40007, "{r}");
}

#[tokio::test]
async fn without_the_group_permission_no_url_is_made() {
    let (s, _d, t, _) = setup().await;
    set_permission(&s, ADMIN_ID, false);
    let r = archive_url(&s, &t, &["cloudreve://my/Documents"]).await;
    assert_eq!(r["code"], 40007, "{r}");
}

#[tokio::test]
async fn forged_or_expired_signatures_answer_40020() {
    let (s, _d, t, _) = setup().await;
    let url = url_of(&archive_url(&s, &t, &["cloudreve://my/Documents"]).await);
    let (path, _) = url.split_once("?sign=").expect("signed");
    for bad in [
        format!("{path}?sign=AAAA%3A9999999999"),
        path.to_string(),
        url.replace("/archive/", "/archive/0"),
        format!(
            "{path}?sign={}",
            url.split_once("?sign=")
                .expect("sign")
                .1
                .replace("%3A", "%3A1")
        ),
    ] {
        let (status, _, body) = fetch(&s, "GET", &bad, &[]).await;
        let r: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        assert_eq!((status.as_u16(), &r["code"]), (200, &json!(40020)), "{bad}");
    }
}

#[tokio::test]
async fn other_users_items_and_missing_ones_are_refused_at_url_creation() {
    let (s, _d, t, _) = setup().await;
    let (_, other) = new_user(&s, "bob@example.com").await;
    let (_, me) = call(&s, "GET", "/api/v4/user/me", Some(&t), None).await;
    let admin = me["data"]["id"].as_str().expect("id");
    let theirs = format!("cloudreve://{admin}@my/Documents");
    let r = archive_url(&s, &other, &[&theirs]).await;
    assert_eq!(r["code"], 403, "{r}");
    assert!(r["data"]["urls"].is_null(), "{r}");

    let r = archive_url(&s, &other, &["cloudreve://my/Nowhere"]).await;
    assert_eq!(r["code"], 40016, "{r}");
    let r = call(
        &s,
        "POST",
        "/api/v4/file/url",
        None,
        Some(json!({"uris": ["cloudreve://my"], "archive": true})),
    )
    .await
    .1;
    // Visitors without an account have the anonymous group, which may not zip by default (see
    // `an_anonymous_visitor_zips_a_share_when_the_anonymous_group_may` for the 401 of `my`).
    assert_eq!(r["code"], 40007, "anonymous: {r}");
}

#[tokio::test]
async fn archives_past_zip_limits_answer_40049_before_streaming() {
    let (s, _d, t, _) = setup().await;
    // The folder's own entry makes 65,536.
    refserver::seed::add_big_folder(&s, ADMIN_ID, "Huge", 65_535).expect("big folder");
    let r = archive_url(&s, &t, &["cloudreve://my/Huge"]).await;
    assert_eq!(r["code"], 40049, "{r}");
    let r = archive_url(&s, &t, &["cloudreve://my/Documents", "cloudreve://my/Big"]).await;
    assert_eq!(r["code"], 0, "{r}");
    let url = url_of(&r);

    s.db.with(|c| {
        c.execute(
            "UPDATE files SET size = 5000000000 WHERE name = 'data.bin'",
            [],
        )
    })
    .expect("grow");
    let r = archive_url(&s, &t, &["cloudreve://my/Big"]).await;
    assert_eq!(r["code"], 40049, "{r}");
    let (_, _, body) = fetch(&s, "GET", &url, &[]).await;
    let r: Value = serde_json::from_slice(&body).expect("a JSON error, not a zip");
    assert_eq!(r["code"], 40049, "{r}");
}

/// Another user, Bob, with a folder `Trip` holding `day1.txt` ("sun") and `Photos/beach.txt`
/// ("sand"): his row id and token.
async fn bobs_trip() -> (AppState, tempfile::TempDir, i64, String) {
    let (s, d) = state();
    let (bob, bob_token) = new_user(&s, "bob@example.com").await;
    refserver::seed::add_file(&s, bob, "Trip/day1.txt", b"sun").expect("file");
    refserver::seed::add_file(&s, bob, "Trip/Photos/beach.txt", b"sand").expect("file");
    (s, d, bob, bob_token)
}

/// Bob's history of `Trip`, oldest first.
async fn trip_history(s: &AppState, bob_token: &str) -> Vec<Value> {
    let q =
        "/api/v4/file/activities?uri=cloudreve%3A%2F%2Fmy%2FTrip&page_size=10&order_direction=asc";
    let history = call(s, "GET", q, Some(bob_token), None).await.1;
    history["data"]["activities"]
        .as_array()
        .unwrap_or_else(|| panic!("no activities in {history}"))
        .clone()
}

#[tokio::test]
async fn a_visitor_whose_group_may_zip_downloads_a_whole_share() {
    let (s, _d, bob, bob_token) = bobs_trip().await;
    let open_id =
        refserver::seed::add_share(&s, bob, "Trip", "", &Default::default()).expect("share");
    let locked =
        refserver::seed::add_share(&s, bob, "Trip", "pw42", &Default::default()).expect("share");
    let t = admin_token(&s).await;
    set_permission(&s, ADMIN_ID, true);
    // The whole share, as the share page's "Download all" asks for it.
    let r = archive_url(&s, &t, &[&format!("cloudreve://{open_id}@share")]).await;
    assert_eq!(r["code"], 0, "{r}");
    let (status, _, bytes) = fetch(&s, "GET", &url_of(&r), &[]).await;
    assert_eq!(status, 200);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid zip");
    let mut names: Vec<String> = zip.file_names().map(str::to_string).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Trip/",
            "Trip/Photos/",
            "Trip/Photos/beach.txt",
            "Trip/day1.txt"
        ]
    );
    let mut beach = String::new();
    zip.by_name("Trip/Photos/beach.txt")
        .expect("entry")
        .read_to_string(&mut beach)
        .expect("read");
    assert_eq!(beach, "sand");
    // A protected share needs its password, as every other read does.
    let r = archive_url(&s, &t, &[&format!("cloudreve://{locked}@share")]).await;
    assert_eq!(r["code"], 40069, "{r}");
    let r = archive_url(
        &s,
        &t,
        &[&format!("cloudreve://{locked}:pw42@share/Photos")],
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    // The owner's history has the visitor's read, named by the owner's path (no password).
    let reads = trip_history(&s, &bob_token).await;
    assert_eq!(reads.len(), 2, "{reads:?}");
    assert_eq!(
        reads[1]["content"]["exts"]["uri"],
        "cloudreve://my/Trip/Photos"
    );
    assert_eq!(reads[1]["user"]["nickname"], "Admin");
    // Without the group's permission, no zip of a share either.
    set_permission(&s, ADMIN_ID, false);
    let r = archive_url(&s, &t, &[&format!("cloudreve://{open_id}@share")]).await;
    assert_eq!(r["code"], 40007, "{r}");
}

#[tokio::test]
async fn an_anonymous_visitor_zips_a_share_when_the_anonymous_group_may() {
    let (s, _d, bob, bob_token) = bobs_trip().await;
    let locked =
        refserver::seed::add_share(&s, bob, "Trip", "pw42", &Default::default()).expect("share");
    let whole = format!("cloudreve://{locked}:pw42@share");
    let anonymous_url = |uris: Vec<String>| {
        let s = s.clone();
        async move {
            let body = json!({ "uris": uris, "archive": true });
            call(&s, "POST", "/api/v4/file/url", None, Some(body))
                .await
                .1
        }
    };
    // By default (as in CE) the anonymous group may not zip.
    let r = anonymous_url(vec![whole.clone()]).await;
    assert_eq!(r["code"], 40007, "{r}");
    set_group_permission(&s, refserver::store::users::ANONYMOUS_GROUP, true);
    // Still only through the share's rules, and never anyone's own files.
    let r = anonymous_url(vec![format!("cloudreve://{locked}:wrong@share")]).await;
    assert_eq!(r["code"], 40069, "{r}");
    let r = anonymous_url(vec!["cloudreve://my/Trip".into()]).await;
    assert_eq!(r["code"], 401, "{r}");
    let r = anonymous_url(vec![whole.clone()]).await;
    assert_eq!(r["code"], 0, "{r}");
    let (status, _, bytes) = fetch(&s, "GET", &url_of(&r), &[]).await;
    assert_eq!(status, 200);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid zip");
    let mut day1 = String::new();
    zip.by_name("Trip/day1.txt")
        .expect("entry")
        .read_to_string(&mut day1)
        .expect("read");
    assert_eq!(day1, "sun");
    assert_eq!(zip.len(), 4, "Trip/, Trip/Photos/ and both files");
    // The owner's history has the read, by nobody in particular.
    let reads = trip_history(&s, &bob_token).await;
    assert_eq!(reads.len(), 1, "{reads:?}");
    assert_eq!(reads[0]["content"]["exts"]["uri"], "cloudreve://my/Trip");
    // The URL made while allowed stops working once the group may no longer zip.
    let r = anonymous_url(vec![whole]).await;
    set_group_permission(&s, refserver::store::users::ANONYMOUS_GROUP, false);
    let (_, _, bytes) = fetch(&s, "GET", &url_of(&r), &[]).await;
    let r: Value = serde_json::from_slice(&bytes).expect("a JSON error, not a zip");
    assert_eq!(r["code"], 40007, "{r}");
}

#[tokio::test]
async fn the_anonymous_zip_setting_lets_visitors_zip_and_the_site_config_says_so() {
    let (s, _d) = state_with(|c| c.anonymous_zip = Some(true));
    let (bob, _) = new_user(&s, "bob@example.com").await;
    refserver::seed::add_file(&s, bob, "Trip/day1.txt", b"sun").expect("file");
    let id = refserver::seed::add_share(&s, bob, "Trip", "", &Default::default()).expect("share");
    // What the app reads before offering a zip to a visitor without an account.
    let (_, basic) = call(&s, "GET", "/api/v4/site/config/basic", None, None).await;
    assert_eq!(basic["data"]["user"]["anonymous"], true, "{basic}");
    let wire = basic["data"]["user"]["group"]["permission"]
        .as_str()
        .expect("permission");
    assert!(
        Boolset::decode(wire)
            .expect("boolset")
            .get(ARCHIVE_DOWNLOAD),
        "{basic}"
    );
    let body = json!({ "uris": [format!("cloudreve://{id}@share")], "archive": true });
    let (_, r) = call(&s, "POST", "/api/v4/file/url", None, Some(body)).await;
    assert_eq!(r["code"], 0, "{r}");
    let (status, _, bytes) = fetch(&s, "GET", &url_of(&r), &[]).await;
    assert_eq!(status, 200);
    let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid zip");
    assert!(zip.file_names().any(|n| n == "Trip/day1.txt"));
}
