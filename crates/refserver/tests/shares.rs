//! Share links (share.md): create, edit, info, lists, delete, and who may do what.

mod common;

use common::*;
use refserver::AppState;
use serde_json::{json, Value};

async fn put_share(s: &AppState, token: &str, body: Value) -> Value {
    call(s, "PUT", "/api/v4/share", Some(token), Some(body))
        .await
        .1
}

async fn info(s: &AppState, token: Option<&str>, id: &str, query: &str) -> Value {
    call(
        s,
        "GET",
        &format!("/api/v4/share/info/{id}{query}"),
        token,
        None,
    )
    .await
    .1
}

/// The id of a short link `http://host/s/{id}[/{pw}]`.
fn id_of(link: &str) -> (String, Option<String>) {
    let rest = link.split("/s/").nth(1).expect("short link");
    let mut parts = rest.split('/');
    let id = parts.next().expect("id").to_string();
    (id, parts.next().map(str::to_string))
}

async fn setup() -> (AppState, tempfile::TempDir, String) {
    let (s, d) = state();
    refserver::seed::add_file(&s, ADMIN_ID, "Holiday/a.txt", b"alpha").expect("file");
    refserver::seed::add_file(&s, ADMIN_ID, "Holiday/Sub/b.txt", b"beta").expect("file");
    refserver::seed::add_file(&s, ADMIN_ID, "Report.pdf", b"%PDF-1.4 tiny").expect("file");
    let t = admin_token(&s).await;
    (s, d, t)
}

#[tokio::test]
async fn a_private_share_gets_a_random_or_custom_password_and_the_link_carries_it() {
    let (s, _d, t) = setup().await;
    let r = put_share(
        &s,
        &t,
        json!({"uri": "cloudreve://my/Holiday", "is_private": true}),
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    let (_, pw) = id_of(r["data"].as_str().expect("link"));
    let pw = pw.expect("password in link");
    assert!(
        pw.len() == 8 && pw.bytes().all(|b| b.is_ascii_lowercase()),
        "{pw}"
    );

    let r = put_share(
        &s,
        &t,
        json!({"uri": "cloudreve://my/Holiday", "is_private": true, "password": "Secret42"}),
    )
    .await;
    assert!(
        r["data"].as_str().expect("link").ends_with("/Secret42"),
        "{r}"
    );

    for bad in ["with space", "ünï", &"x".repeat(33)] {
        let r = put_share(
            &s,
            &t,
            json!({"uri": "cloudreve://my/Holiday", "is_private": true, "password": bad}),
        )
        .await;
        assert_eq!(r["code"], 40001, "{bad}: {r}");
    }
    let r = put_share(&s, &t, json!({"uri": "cloudreve://my/Holiday"})).await;
    assert_eq!(
        id_of(r["data"].as_str().expect("link")).1,
        None,
        "a public link has no password"
    );
}

#[tokio::test]
async fn sharing_needs_an_existing_owned_item_that_is_not_the_root() {
    let (s, _d, t) = setup().await;
    let r = put_share(&s, &t, json!({"uri": "cloudreve://my/Nope"})).await;
    assert_eq!(r["code"], 404, "{r}");
    let r = put_share(&s, &t, json!({"uri": "cloudreve://my"})).await;
    assert_eq!(r["code"], 403, "{r}");
    let (_, other) = new_user(&s, "other@example.com").await;
    let admin = refserver::seed::add_file(&s, ADMIN_ID, "x", b"x").expect("file");
    let _ = admin;
    let r = put_share(&s, &other, json!({"uri": "cloudreve://my/Holiday"})).await;
    assert_eq!(r["code"], 404, "another user's path is not theirs: {r}");
    let r = call(
        &s,
        "PUT",
        "/api/v4/share",
        None,
        Some(json!({"uri": "cloudreve://my/Holiday"})),
    )
    .await
    .1;
    assert_eq!(r["code"], 401, "{r}");
}

#[tokio::test]
async fn info_hides_protected_fields_until_the_password_is_given() {
    let (s, _d, t) = setup().await;
    let r = put_share(&s, &t, json!({"uri": "cloudreve://my/Holiday", "is_private": true, "password": "pw1", "expire": 3600, "downloads": 5})).await;
    let (id, _) = id_of(r["data"].as_str().expect("link"));

    let locked = info(&s, None, &id, "").await;
    assert_eq!(locked["code"], 0, "{locked}");
    let d = &locked["data"];
    assert_eq!(
        (
            d["unlocked"].as_bool(),
            d["name"].as_str(),
            d["source_type"].as_i64()
        ),
        (Some(false), Some("Holiday"), Some(1))
    );
    assert!(
        d["password"].is_null() && d["expires"].is_null() && d["remain_downloads"].is_null(),
        "{d}"
    );
    assert_eq!(d["password_protected"], true);
    assert!(
        d["is_private"].is_null(),
        "only the owner sees is_private: {d}"
    );
    assert_eq!(d["owner"]["nickname"], "Admin", "{d}");
    assert!(d["owner"]["email"].is_null(), "the owner is redacted: {d}");
    assert!(!d["url"].as_str().unwrap_or_default().contains("pw1"));

    let wrong = info(&s, None, &id, "?password=nope").await;
    assert_eq!(
        (wrong["code"].as_i64(), wrong["data"]["unlocked"].as_bool()),
        (Some(0), Some(false)),
        "a wrong password is no error here"
    );

    let open = info(&s, None, &id, "?password=pw1").await["data"].clone();
    assert_eq!(open["unlocked"], true);
    assert_eq!(
        (open["password"].as_str(), open["remain_downloads"].as_i64()),
        (Some("pw1"), Some(5))
    );
    assert!(open["expires"].is_string(), "{open}");

    let owner = info(&s, Some(&t), &id, "?owner_extended=true").await["data"].clone();
    assert_eq!(
        (owner["unlocked"].as_bool(), owner["is_private"].as_bool()),
        (Some(true), Some(true))
    );
    assert_eq!(owner["source_uri"], "cloudreve://my/Holiday");

    assert_eq!(info(&s, None, "zzzzz", "").await["code"], 404);
}

#[tokio::test]
async fn views_count_only_when_asked() {
    let (s, _d, t) = setup().await;
    let r = put_share(&s, &t, json!({"uri": "cloudreve://my/Holiday"})).await;
    let (id, _) = id_of(r["data"].as_str().expect("link"));
    info(&s, None, &id, "").await;
    info(&s, None, &id, "?count_views=true").await;
    let d = info(&s, None, &id, "?count_views=true").await;
    assert_eq!(d["data"]["visited"], 2, "{d}");
}

#[tokio::test]
async fn an_edit_replaces_expiry_and_limit_keeps_password_and_counters_and_is_the_owners_alone() {
    let (s, _d, t) = setup().await;
    let r = put_share(&s, &t, json!({"uri": "cloudreve://my/Holiday", "is_private": true, "password": "keep1", "expire": 60, "downloads": 2})).await;
    let (id, _) = id_of(r["data"].as_str().expect("link"));
    info(&s, None, &id, "?count_views=true").await;
    let path = format!("/api/v4/share/{id}");
    let body = json!({"uri": "cloudreve://my/Holiday", "is_private": true, "password": "changed", "share_view": true});
    let r = call(&s, "POST", &path, Some(&t), Some(body.clone()))
        .await
        .1;
    assert_eq!(r["code"], 0, "{r}");
    assert!(
        r["data"].as_str().expect("link").ends_with("/keep1"),
        "the password stays: {r}"
    );
    let d = info(&s, Some(&t), &id, "").await["data"].clone();
    assert!(
        d["expires"].is_null() && d["remain_downloads"].is_null(),
        "0 clears both: {d}"
    );
    assert_eq!(
        (d["visited"].as_i64(), d["share_view"].as_bool()),
        (Some(1), Some(true))
    );

    let wrong_file = json!({"uri": "cloudreve://my/Report.pdf"});
    assert_eq!(
        call(&s, "POST", &path, Some(&t), Some(wrong_file)).await.1["code"],
        404
    );
    let (_, other) = new_user(&s, "other@example.com").await;
    let r = call(&s, "POST", &path, Some(&other), Some(body)).await.1;
    assert_ne!(r["code"], 0, "another user cannot edit: {r}");
    let r = call(&s, "DELETE", &path, Some(&other), None).await.1;
    assert_eq!(r["code"], 404, "nor delete: {r}");
    assert_eq!(info(&s, None, &id, "").await["code"], 0, "still there");
}

#[tokio::test]
async fn an_expired_share_refuses_visitors_and_an_edit_brings_it_back() {
    let (s, _d, t) = setup().await;
    let id = refserver::seed::add_share(
        &s,
        ADMIN_ID,
        "Holiday",
        "",
        &refserver::store::shares::Settings {
            expires_at: Some(1_000),
            ..Default::default()
        },
    )
    .expect("share");
    let r = info(&s, None, &id, "").await;
    assert_eq!(
        (r["code"].as_i64(), r["msg"].as_str()),
        (Some(404), Some("Share link expired")),
        "{r}"
    );
    let r = list(&s, "", &format!("cloudreve://{id}@share"), "").await;
    assert_eq!(r["code"], 404, "{r}");
    let mine = call(&s, "GET", "/api/v4/share?page_size=10", Some(&t), None)
        .await
        .1;
    assert_eq!(mine["data"]["shares"][0]["expired"], true, "{mine}");
    let own = info(&s, Some(&t), &id, "?owner_extended=true").await;
    assert_eq!(
        (own["code"].as_i64(), own["data"]["expired"].as_bool()),
        (Some(0), Some(true)),
        "its owner still sees it: {own}"
    );
    assert_eq!(own["data"]["source_uri"], "cloudreve://my/Holiday");

    let r = call(
        &s,
        "POST",
        &format!("/api/v4/share/{id}"),
        Some(&t),
        Some(json!({"uri": "cloudreve://my/Holiday", "expire": 3600})),
    )
    .await
    .1;
    assert_eq!(r["code"], 0, "{r}");
    assert_eq!(info(&s, None, &id, "").await["code"], 0, "reactivated");
}

#[tokio::test]
async fn a_trashed_source_expires_its_share() {
    let (s, _d, t) = setup().await;
    let r = put_share(&s, &t, json!({"uri": "cloudreve://my/Report.pdf"})).await;
    let (id, _) = id_of(r["data"].as_str().expect("link"));
    trash(&s, &t, "cloudreve://my/Report.pdf").await;
    assert_eq!(info(&s, None, &id, "").await["msg"], "Share link expired");
}

#[tokio::test]
async fn my_shares_page_by_cursor_in_every_order_and_delete_removes_one() {
    let (s, _d, t) = setup().await;
    for i in 0..25 {
        refserver::seed::add_file(&s, ADMIN_ID, &format!("f{i:02}.txt"), b"x").expect("file");
        let r = put_share(
            &s,
            &t,
            json!({"uri": format!("cloudreve://my/f{i:02}.txt")}),
        )
        .await;
        let (id, _) = id_of(r["data"].as_str().expect("link"));
        for _ in 0..(i % 4) {
            info(&s, None, &id, "?count_views=true").await;
        }
    }
    for (order, dir) in [
        ("id", "asc"),
        ("views", "desc"),
        ("views", "asc"),
        ("downloads", "desc"),
        ("remain_downloads", "asc"),
    ] {
        let mut seen = Vec::new();
        let mut token = String::new();
        loop {
            let q = format!(
                "/api/v4/share?page_size=10&order_by={order}&order_direction={dir}&next_page_token={}",
                cloudreve_api::uri::encode_component(&token)
            );
            let r = call(&s, "GET", &q, Some(&t), None).await.1;
            assert_eq!(r["code"], 0, "{r}");
            for sh in r["data"]["shares"].as_array().expect("shares") {
                seen.push(sh["name"].as_str().expect("name").to_string());
                assert_eq!(sh["unlocked"], true, "the owner sees unlocked shares");
            }
            match r["data"]["pagination"]["next_token"].as_str() {
                Some(next) => token = next.to_string(),
                None => break,
            }
        }
        let mut sorted = seen.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(
            (seen.len(), sorted.len()),
            (25, 25),
            "{order} {dir}: every share once: {seen:?}"
        );
    }
    let r = call(&s, "GET", "/api/v4/share?page_size=9", Some(&t), None)
        .await
        .1;
    assert_eq!(r["code"], 40001, "page_size is 10..100");

    let (_, other) = new_user(&s, "other@example.com").await;
    let none = call(&s, "GET", "/api/v4/share?page_size=10", Some(&other), None)
        .await
        .1;
    assert!(
        none["data"]["shares"].is_null(),
        "an empty list is null, as in CE: {none}"
    );

    let first = call(&s, "GET", "/api/v4/share?page_size=10", Some(&t), None)
        .await
        .1;
    let id = first["data"]["shares"][0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let r = call(&s, "DELETE", &format!("/api/v4/share/{id}"), Some(&t), None)
        .await
        .1;
    assert_eq!(r["code"], 0, "{r}");
    assert_eq!(info(&s, None, &id, "").await["code"], 404);
}

#[tokio::test]
async fn a_profile_lists_only_public_shares_locked() {
    let (s, _d, t) = setup().await;
    put_share(&s, &t, json!({"uri": "cloudreve://my/Holiday"})).await;
    put_share(
        &s,
        &t,
        json!({"uri": "cloudreve://my/Report.pdf", "is_private": true}),
    )
    .await;
    let me = call(&s, "GET", "/api/v4/user/me", Some(&t), None).await.1;
    let uid = me["data"]["id"].as_str().expect("id").to_string();
    let r = call(
        &s,
        "GET",
        &format!("/api/v4/user/shares/{uid}?page_size=10"),
        None,
        None,
    )
    .await
    .1;
    let shares = r["data"]["shares"].as_array().expect("shares");
    assert_eq!(shares.len(), 1, "{r}");
    assert_eq!(
        (shares[0]["name"].as_str(), shares[0]["unlocked"].as_bool()),
        (Some("Holiday"), Some(false))
    );
    let u = call(&s, "GET", &format!("/api/v4/user/info/{uid}"), None, None)
        .await
        .1;
    assert_eq!(u["data"]["nickname"], "Admin", "{u}");
    assert!(u["data"]["email"].is_null(), "{u}");
}

#[tokio::test]
async fn owners_file_info_lists_the_files_shares() {
    let (s, _d, t) = setup().await;
    put_share(
        &s,
        &t,
        json!({"uri": "cloudreve://my/Report.pdf", "downloads": 3}),
    )
    .await;
    let q = format!(
        "/api/v4/file/info?uri={}&extended=true",
        cloudreve_api::uri::encode_component("cloudreve://my/Report.pdf")
    );
    let r = call(&s, "GET", &q, Some(&t), None).await.1;
    let shares = r["data"]["extended_info"]["shares"]
        .as_array()
        .expect("shares");
    assert_eq!(
        (shares.len(), shares[0]["remain_downloads"].as_i64()),
        (1, Some(3)),
        "{r}"
    );
}

#[tokio::test]
async fn the_short_link_redirects_to_the_file_browser() {
    let (s, _d) = state();
    let (status, h, _) = fetch(&s, "GET", "/s/AbCd/pw9", &[]).await;
    assert_eq!(status.as_u16(), 302);
    assert_eq!(
        h.get("location").and_then(|v| v.to_str().ok()),
        Some("/home?path=cloudreve%3A%2F%2FAbCd%3Apw9%40share")
    );
    let (_, h, _) = fetch(&s, "GET", "/s/AbCd", &[]).await;
    assert_eq!(
        h.get("location").and_then(|v| v.to_str().ok()),
        Some("/home?path=cloudreve%3A%2F%2FAbCd%40share")
    );
}
